import { Input, Text, View } from '@tarojs/components';
import type { AddressInput } from '../../../services/reissueApi';
import { DivisionPicker } from './DivisionPicker';
import '../../../components/Form.scss';
import './reissue.scss';

export const EMPTY_ADDRESS: AddressInput = { provinceCode: '', cityCode: '', districtCode: '', detail: '', recipient: '', phone: '' };

/** 省市区 + 详细地址 + 收件人 + 手机. */
export function AddressForm({ value, onChange }: { value: AddressInput; onChange: (a: AddressInput) => void }) {
  const set = (patch: Partial<AddressInput>) => onChange({ ...value, ...patch });
  return (
    <View className="address-form">
      <View className="form-field">
        <Text className="form-field__label">所在地区</Text>
        <DivisionPicker value={value} onChange={(d) => set(d)} />
      </View>
      <View className="form-field">
        <Text className="form-field__label">详细地址</Text>
        <Input
          className="form-field__input"
          data-field="detail"
          value={value.detail}
          maxlength={120}
          placeholder="街道、门牌号、楼栋房号"
          onInput={(e) => set({ detail: e.detail.value })}
        />
      </View>
      <View className="form-field">
        <Text className="form-field__label">收件人</Text>
        <Input
          className="form-field__input"
          data-field="recipient"
          value={value.recipient}
          maxlength={30}
          placeholder="收件人姓名"
          onInput={(e) => set({ recipient: e.detail.value })}
        />
      </View>
      <View className="form-field">
        <Text className="form-field__label">手机号码</Text>
        <Input
          className="form-field__input"
          data-field="phone"
          type="number"
          value={value.phone}
          maxlength={11}
          placeholder="11位手机号码"
          onInput={(e) => set({ phone: e.detail.value })}
        />
        <Text className="form-field__hint">快递员派件时联系此号码</Text>
      </View>
    </View>
  );
}
