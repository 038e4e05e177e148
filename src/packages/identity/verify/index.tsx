import { useEffect, useState } from 'react';
import { Input, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { PageShell } from '../../../components/PageShell';
import { Section } from '../../../components/Section';
import { Button } from '../../../components/nutui';
import { ActionError, type ShownError } from '../../../components/ActionError';
import { identityApi } from '../../../services/identityApi';
import { ApiError } from '../../../services/api';
import { FaceVerificationCancelled, runFaceVerification } from '../../../services/faceVerification';
import { checkDetails, type DetailErrors } from './checkDetails';
import '../../../components/Form.scss';
import './index.scss';
import { tappable } from '../../../components/tappable';

type Step = 'details' | 'code' | 'face';
/** After a face check: none yet, failed with tries left in this verification, or the verification ended. */
type FaceOutcome = 'none' | 'retry' | 'ended';
/** Answers of confirmFace after which this verification cannot go on: the person starts over. */
const ENDS_VERIFICATION = new Set(['FACE_ATTEMPTS_USED_UP', 'REGISTRY_MISMATCH', 'VERIFICATION_LOCKED']);
const STEPS: Array<{ key: Step; title: string }> = [
  { key: 'details', title: '填写信息' },
  { key: 'code', title: '短信验证' },
  { key: 'face', title: '人脸核身' },
];

/** 实名认证: details → SMS code → WeChat face verification → registry match (server). */
export default function Verify() {
  const [step, setStep] = useState<Step>('details');
  const [details, setDetails] = useState({ name: '', idNumber: '', phone: '' });
  const [touched, setTouched] = useState(false);
  const [verificationId, setVerificationId] = useState('');
  const [phoneMasked, setPhoneMasked] = useState('');
  const [code, setCode] = useState('');
  const [resendIn, setResendIn] = useState(0);
  const [error, setError] = useState<ShownError | undefined>();
  const [faceOutcome, setFaceOutcome] = useState<FaceOutcome>('none');
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    if (resendIn <= 0) return undefined;
    const t = setTimeout(() => setResendIn((n) => n - 1), 1000);
    return () => clearTimeout(t);
  }, [resendIn]);

  const errors: DetailErrors = touched ? checkDetails(details) : {};

  async function attempt(work: () => Promise<void>) {
    setError(undefined);
    setBusy(true);
    try {
      await work();
    } catch (e) {
      if (e instanceof ApiError) {
        setError({ code: e.code, message: e.message });
        if (e.code === 'VERIFICATION_EXPIRED') setStep('details');
        // The server keeps the verification at the face step while tries remain (its message says how many).
        if (e.code === 'FACE_VERIFICATION_FAILED') setFaceOutcome('retry');
        if (ENDS_VERIFICATION.has(e.code)) setFaceOutcome('ended');
        if (e.code === 'CONSENT_REQUIRED') void Taro.redirectTo({ url: '/packages/identity/consent/index' });
      } else if (e instanceof FaceVerificationCancelled) setError({ code: 'FACE_CANCELLED', message: '人脸核身未完成，可以再试一次' });
      else setError({ code: 'UNKNOWN', message: '操作失败，请重试' });
    } finally {
      setBusy(false);
    }
  }

  const submitDetails = () => {
    setTouched(true);
    if (Object.keys(checkDetails(details)).length) return;
    void attempt(async () => {
      const started = await identityApi.startVerification(details);
      setVerificationId(started.verificationId);
      setPhoneMasked(started.phoneMasked);
      setResendIn(started.resendAfterSeconds);
      setCode('');
      setFaceOutcome('none');
      setStep('code');
    });
  };

  const resend = () =>
    void attempt(async () => {
      const again = await identityApi.resendCode(verificationId);
      setResendIn(again.resendAfterSeconds);
      void Taro.showToast({ title: '验证码已重新发送', icon: 'none' });
    });

  const submitCode = () =>
    void attempt(async () => {
      await identityApi.confirmPhone(verificationId, code.trim());
      setStep('face');
    });

  const startFace = () =>
    void attempt(async () => {
      const verifyResult = await runFaceVerification(details.name.trim(), details.idNumber.trim().toUpperCase());
      await identityApi.confirmFace(verificationId, verifyResult);
      void Taro.showToast({ title: '认证成功', icon: 'success' });
      void Taro.redirectTo({ url: '/packages/identity/profile/index' });
    });

  /** Back to the details (kept, to check or correct) for a new verification. */
  const startOver = () => {
    setError(undefined);
    setFaceOutcome('none');
    setVerificationId('');
    setCode('');
    setStep('details');
  };

  const field = (key: keyof typeof details, label: string, placeholder: string, type: 'text' | 'idcard' | 'number' = 'text', maxlength = 30) => (
    <View className="form-field">
      <Text className="form-field__label">{label}</Text>
      <Input
        className="form-field__input"
        data-field={key}
        type={type}
        value={details[key]}
        maxlength={maxlength}
        placeholder={placeholder}
        onInput={(e) => setDetails((d) => ({ ...d, [key]: e.detail.value }))}
        onBlur={() => setTouched(true)}
      />
      {errors[key] && <Text className="form-field__error">{errors[key]}</Text>}
    </View>
  );

  return (
    <PageShell className="verify">
      <View className="verify__steps">
        {STEPS.map((s, i) => (
          <View key={s.key} className={`verify__step ${s.key === step ? 'verify__step--current' : ''}`}>
            <Text className="verify__step-no">{i + 1}</Text>
            <Text className="verify__step-title">{s.title}</Text>
          </View>
        ))}
      </View>

      {step === 'details' && (
        <Section title="本人信息">
          {field('name', '姓名', '与身份证一致')}
          {field('idNumber', '身份证号码', '18位，末位可能是X', 'idcard', 18)}
          {field('phone', '手机号码', '用于接收验证码', 'number', 11)}
          <Text className="form-field__hint">信息加密传输和保存，页面和日志中只显示部分号码。</Text>
          <View className="form-actions">
            {/* Shown at the button, where the person is looking (a long form puts the page top out of view). */}
            <ActionError error={error} id="verify-details-error" />
            <Button type="primary" loading={busy} onClick={submitDetails}>
              获取短信验证码
            </Button>
          </View>
        </Section>
      )}

      {step === 'code' && (
        <Section title="短信验证">
          <Text className="verify__text">验证码已发送至 {phoneMasked}，5分钟内有效。</Text>
          <View className="form-field">
            <Text className="form-field__label">验证码</Text>
            <Input className="form-field__input" data-field="code" type="number" maxlength={6} value={code} placeholder="6位数字" onInput={(e) => setCode(e.detail.value)} />
          </View>
          <View className="form-actions">
            <ActionError error={error} id="verify-code-error" />
            <Button type="primary" loading={busy} disabled={!/^\d{6}$/.test(code.trim())} onClick={submitCode}>
              下一步
            </Button>
            <Text className="form-actions__secondary" {...tappable()} onClick={() => (resendIn > 0 ? undefined : resend())}>
              {resendIn > 0 ? `${resendIn} 秒后可重新发送` : '没收到？重新发送'}
            </Text>
          </View>
        </Section>
      )}

      {step === 'face' && (
        <Section title="人脸核身">
          {faceOutcome !== 'ended' && <Text className="verify__text">请在光线充足的地方，正对手机屏幕，按提示完成动作。人脸图像由微信人脸核身服务比对，本服务不保存。</Text>}
          {/* Shown at the button, where the person is looking. */}
          {error && (
            <Text className="notice notice--error verify__face-notice" data-face-outcome={faceOutcome} data-error-code={error.code}>
              {error.message}
            </Text>
          )}
          {faceOutcome === 'ended' && <Text className="verify__text">本次认证已结束，请重新填写信息并获取短信验证码。</Text>}
          <View className="form-actions">
            {faceOutcome === 'ended' ? (
              <Button type="primary" onClick={startOver}>
                重新开始认证
              </Button>
            ) : (
              <Button type="primary" loading={busy} onClick={startFace}>
                {faceOutcome === 'retry' ? '重新刷脸' : '开始人脸核身'}
              </Button>
            )}
          </View>
        </Section>
      )}
    </PageShell>
  );
}
