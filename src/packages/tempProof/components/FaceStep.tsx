import { useState } from 'react';
import { Input, Text, View } from '@tarojs/components';
import { ActionError, type ShownError } from '../../../components/ActionError';
import { Button } from '../../../components/nutui';
import { ApiError } from '../../../services/api';
import { FaceVerificationCancelled, runFaceVerification } from '../../../services/faceVerification';
import '../../../components/Form.scss';

/**
 * WeChat's 人脸核身 needs the name and ID number on the phone. They are typed here, kept in memory
 * only while the mini-program runs (so the face check every 30 minutes does not ask again), never
 * stored and never sent to the service: it checks the face result against the verified identity.
 */
const remembered = { name: '', idNumber: '' };

export function FaceStep({ id, title, action, onDone }: { id: string; title: string; action: string; onDone: (verifyResult: string) => Promise<void> }) {
  const [name, setName] = useState(remembered.name);
  const [idNumber, setIdNumber] = useState(remembered.idNumber);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ShownError>();
  const ready = name.trim().length >= 2 && /^\d{17}[\dXx]$/.test(idNumber.trim());

  const start = async () => {
    setBusy(true);
    setError(undefined);
    try {
      const verifyResult = await runFaceVerification(name.trim(), idNumber.trim().toUpperCase());
      remembered.name = name.trim();
      remembered.idNumber = idNumber.trim().toUpperCase();
      await onDone(verifyResult);
    } catch (e) {
      if (e instanceof FaceVerificationCancelled) setError({ code: 'FACE_CANCELLED', message: '人脸核身未完成，请重试' });
      else setError(e instanceof ApiError ? e : { code: 'INTERNAL', message: '操作失败，请重试' });
    } finally {
      setBusy(false);
    }
  };

  return (
    <View className="temp-proof__face" data-face-step={id}>
      <Text className="temp-proof__text">{title}</Text>
      <View className="form-field">
        <Text className="form-field__label">姓名</Text>
        <Input className="form-field__input" data-field="name" value={name} maxlength={30} placeholder="与身份证一致" onInput={(e) => setName(e.detail.value)} />
      </View>
      <View className="form-field">
        <Text className="form-field__label">身份证号码</Text>
        <Input
          className="form-field__input"
          data-field="idNumber"
          type="idcard"
          value={idNumber}
          maxlength={18}
          placeholder="18位，末位可能是X"
          onInput={(e) => setIdNumber(e.detail.value)}
        />
      </View>
      <Text className="form-field__hint">仅用于微信人脸核身，本服务不保存。</Text>
      <View className="form-actions">
        <ActionError error={error} id={`${id}-error`} />
        <Button type="primary" loading={busy} disabled={!ready} onClick={() => void start()}>
          {action}
        </Button>
      </View>
    </View>
  );
}
