import { useEffect, useState } from 'react';
import { Button as TaroButton, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { CONSENT_VERSION, consentTexts, type ConsentText } from '../../../../core/identity/consent';
import type { ConsentPurpose } from '../../../../core/identity/Account';
import { PageShell } from '../../../components/PageShell';
import { Section } from '../../../components/Section';
import { identityApi } from '../../../services/identityApi';
import { ApiError } from '../../../services/api';
import { AGREE_BUTTON_ID, privacySetting, resolvePrivacyAuthorization } from '../../../services/privacyAuthorization';
import '../../../components/Form.scss';
import './index.scss';
import { tappable } from '../../../components/tappable';

function ConsentBlock({ text, checked, onToggle }: { text: ConsentText; checked: boolean; onToggle: () => void }) {
  return (
    <Section title={text.title}>
      <Text className="consent__label">收集哪些信息</Text>
      {text.collected.map((c) => (
        <Text key={c} className="consent__item">
          · {c}
        </Text>
      ))}
      <Text className="consent__label">为什么收集</Text>
      <Text className="consent__text">{text.why}</Text>
      <Text className="consent__label">保存多久</Text>
      <Text className="consent__text">{text.retention}</Text>
      <Text className="consent__label">向谁提供</Text>
      <Text className="consent__text">{text.sharedWith}</Text>
      <View className={`consent__check ${checked ? 'consent__check--on' : ''}`} data-consent={text.purpose} {...tappable('checkbox', { checked })} onClick={onToggle}>
        <Text className="consent__box">{checked ? '✓' : ''}</Text>
        <Text>我已阅读并同意《{text.title}》</Text>
      </View>
    </Section>
  );
}

/** Separate consent to identity data and to face data, before anything is collected (PIPL art. 29). */
export default function Consent() {
  const [agreed, setAgreed] = useState<Record<ConsentPurpose, boolean>>({ identity: false, face: false });
  const [needWeChatAuthorization, setNeed] = useState(false);
  const [contractName, setContractName] = useState<string>();
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    void privacySetting().then((s) => {
      setNeed(s.needAuthorization);
      setContractName(s.contractName);
    });
  }, []);

  const toggle = (p: ConsentPurpose) => setAgreed((a) => ({ ...a, [p]: !a[p] }));

  const proceed = async () => {
    setError('');
    setBusy(true);
    try {
      const purposes = (Object.keys(agreed) as ConsentPurpose[]).filter((p) => agreed[p]);
      await identityApi.consent(purposes, CONSENT_VERSION);
      void Taro.redirectTo({ url: '/packages/identity/verify/index' });
    } catch (e) {
      setError(e instanceof ApiError ? e.message : '提交失败，请重试');
    } finally {
      setBusy(false);
    }
  };

  return (
    <PageShell className="consent">
      <Text className="notice">实名认证前，请仔细阅读以下规则。身份证号码和人脸信息属于敏感个人信息，我们需要您分别单独同意。</Text>
      <ConsentBlock text={consentTexts.identity} checked={agreed.identity} onToggle={() => toggle('identity')} />
      <ConsentBlock text={consentTexts.face} checked={agreed.face} onToggle={() => toggle('face')} />
      {agreed.identity && !agreed.face && <Text className="notice">不同意人脸识别的，无法在线完成认证；您可以携带身份证到任一服务大厅，由窗口工作人员核验身份后办理。</Text>}
      {error && <Text className="notice notice--error">{error}</Text>}
      <View className="form-actions">
        {needWeChatAuthorization && contractName && (
          <Text className="form-actions__secondary" {...tappable()} onClick={() => Taro.openPrivacyContract({})}>
            查看《{contractName}》
          </Text>
        )}
        <TaroButton
          id={AGREE_BUTTON_ID}
          className="consent__agree"
          disabled={!agreed.identity || !agreed.face || busy}
          {...tappable('button', { disabled: !agreed.identity || !agreed.face || busy })}
          openType={needWeChatAuthorization ? 'agreePrivacyAuthorization' : undefined}
          onAgreePrivacyAuthorization={() => {
            resolvePrivacyAuthorization(true);
            void proceed();
          }}
          onClick={() => {
            if (!needWeChatAuthorization) void proceed();
          }}
        >
          同意并开始认证
        </TaroButton>
        <Text
          className="form-actions__secondary"
          {...tappable()}
          onClick={() => {
            resolvePrivacyAuthorization(false);
            void Taro.navigateBack();
          }}
        >
          暂不同意
        </Text>
      </View>
    </PageShell>
  );
}
