import { useEffect, useState } from 'react';
import { Button as TaroButton, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { AGREE_BUTTON_ID, privacyPromptShown, privacySetting, resolvePrivacyAuthorization, watchPrivacyRequest } from '../services/privacyAuthorization';
import './PrivacyPrompt.scss';
import { tappable } from './tappable';

/**
 * weapp: WeChat asks for the agreement to the privacy guide before a privacy API (the clipboard)
 * runs; the guide is shown on the page the person is on, and what they choose resolves the call.
 */
export function PrivacyPrompt() {
  const [requested, setRequested] = useState(false);
  const [contract, setContract] = useState('《隐私保护指引》');
  useEffect(() => watchPrivacyRequest(setRequested), []);
  useEffect(() => {
    if (!requested) return;
    privacyPromptShown();
    void privacySetting().then((s) => s.contractName && setContract(s.contractName));
  }, [requested]);
  if (!requested) return null;
  return (
    <View className="privacy-prompt" role="dialog" aria-label="用户隐私保护提示">
      <View className="privacy-prompt__panel">
        <Text className="privacy-prompt__title">用户隐私保护提示</Text>
        <Text className="privacy-prompt__text">使用复制地址等功能前，请阅读并同意{contract}。拒绝后该功能不可用，其他服务不受影响。</Text>
        <Text className="privacy-prompt__link" {...tappable('link')} onClick={() => void Taro.openPrivacyContract({})}>
          查看{contract}
        </Text>
        <TaroButton
          id={AGREE_BUTTON_ID}
          className="privacy-prompt__agree"
          openType="agreePrivacyAuthorization"
          onAgreePrivacyAuthorization={() => resolvePrivacyAuthorization(true)}
        >
          同意
        </TaroButton>
        <Text className="privacy-prompt__disagree" {...tappable()} onClick={() => resolvePrivacyAuthorization(false)}>
          拒绝
        </Text>
      </View>
    </View>
  );
}
