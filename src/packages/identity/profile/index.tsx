import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { PageShell } from '../../../components/PageShell';
import { Section } from '../../../components/Section';
import { LoadState } from '../../../components/LoadState';
import { Button } from '../../../components/nutui';
import { identityApi } from '../../../services/identityApi';
import { useRemote } from '../../../services/useRemote';
import { ApiError } from '../../../services/api';
import { inShanghai } from '../../../../core/time/shanghai';
import '../../../components/Form.scss';
import './index.scss';
import { tappable } from '../../../components/tappable';

/** The verified identity, masked; and the way to unbind it from this WeChat account. */
export default function Profile() {
  const status = useRemote(() => identityApi.status(), 'profile');
  const p = status.data?.profile;

  const unbind = async () => {
    const confirm = await Taro.showModal({
      title: '解除实名绑定',
      content: '解除后，本微信将不能预约和办理证件，家庭成员代办关系也会一并解除。再次使用需要重新完成实名认证。',
      confirmText: '解除绑定',
      confirmColor: '#c2410c',
    });
    if (!confirm.confirm) return;
    try {
      await identityApi.unbind();
      void Taro.showToast({ title: '已解除绑定', icon: 'success' });
      void Taro.navigateBack();
    } catch (e) {
      void Taro.showToast({ title: e instanceof ApiError ? e.message : '操作失败', icon: 'none' });
    }
  };

  return (
    <PageShell className="profile">
      <LoadState remote={status}>
        {!p && (
          <Section title="尚未实名认证">
            <View className="form-actions">
              <Button type="primary" onClick={() => Taro.redirectTo({ url: '/packages/identity/consent/index' })}>
                去实名认证
              </Button>
            </View>
          </Section>
        )}
        {p && (
          <>
            <Section title="实名信息">
              <View className="profile__row">
                <Text className="profile__label">姓名</Text>
                <Text data-field="name">{p.nameMasked}</Text>
              </View>
              <View className="profile__row">
                <Text className="profile__label">身份证号码</Text>
                <Text data-field="idNumber">{p.idNumberMasked}</Text>
              </View>
              <View className="profile__row">
                <Text className="profile__label">手机号码</Text>
                <Text data-field="phone">{p.phoneMasked}</Text>
              </View>
              {p.region && (
                <View className="profile__row">
                  <Text className="profile__label">户籍地</Text>
                  <Text>{p.region}</Text>
                </View>
              )}
              <View className="profile__row">
                <Text className="profile__label">认证时间</Text>
                <Text>{inShanghai(p.verifiedAt).format('YYYY年M月D日 HH:mm')}</Text>
              </View>
              <Text className="form-field__hint">为保护您的信息，号码只显示部分位数。</Text>
            </Section>
            <View className="form-actions">
              <Button onClick={() => Taro.navigateTo({ url: '/packages/identity/family/index' })}>家庭成员代办</Button>
              <Text className="form-actions__secondary profile__unbind" {...tappable()} onClick={unbind}>
                解除实名绑定
              </Text>
            </View>
          </>
        )}
      </LoadState>
    </PageShell>
  );
}
