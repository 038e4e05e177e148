import { useState } from 'react';
import { Input, Text, View } from '@tarojs/components';
import { ActionError, type ShownError } from '../../../components/ActionError';
import { Button } from '../../../components/nutui';
import { tappable } from '../../../components/tappable';
import { ASSISTED_REASONS, ASSISTED_REASON_NAMES, type AssistedReason } from '../../../../core/assisted/AssistedSession';
import { CHINESE_NAME } from '../../../../core/identity/inputPatterns';

export interface OpenDetails {
  reason: AssistedReason;
  name: string;
  idNumber: string;
}

/**
 * Who the officer acts for: the reason, the citizen's name and ID number. No phone number: the code
 * goes only to the number on file, whatever the caller says.
 */
export function OpenForm({ busy, error, onOpen }: { busy: boolean; error?: ShownError; onOpen: (d: OpenDetails) => void }) {
  const [d, setD] = useState<OpenDetails>({ reason: 'phone', name: '', idNumber: '' });
  const name = d.name.replace(/\s+/g, '');
  const idNumber = d.idNumber.trim().toUpperCase();
  const ready = CHINESE_NAME.test(name) && /^\d{17}[\dX]$/.test(idNumber);
  return (
    <>
      <View className="chips">
        {ASSISTED_REASONS.map((r) => (
          <Text
            key={r}
            className={`chip ${r === d.reason ? 'chip--on' : ''}`}
            data-reason={r}
            {...tappable('button', { pressed: r === d.reason })}
            onClick={() => setD({ ...d, reason: r })}
          >
            {ASSISTED_REASON_NAMES[r]}
          </Text>
        ))}
      </View>
      <View className="form-field">
        <Text className="form-field__label">群众姓名</Text>
        <Input className="form-field__input" data-field="name" value={d.name} maxlength={30} placeholder="与身份证一致" onInput={(e) => setD({ ...d, name: e.detail.value })} />
      </View>
      <View className="form-field">
        <Text className="form-field__label">身份证号码</Text>
        <Input
          className="form-field__input"
          data-field="idNumber"
          type="idcard"
          password
          value={d.idNumber}
          maxlength={18}
          placeholder="18位，输入后隐藏显示"
          onInput={(e) => setD({ ...d, idNumber: e.detail.value })}
        />
      </View>
      <Text className="form-field__hint">验证码只发送到户籍系统或群众本人账号登记的手机号，不能发送到来电告知的号码。</Text>
      <View className="form-actions">
        <ActionError error={error} id="assisted-open-error" />
        <Button type="primary" loading={busy} disabled={!ready} onClick={() => onOpen({ ...d, name, idNumber })}>
          核验身份并发送验证码
        </Button>
      </View>
    </>
  );
}
