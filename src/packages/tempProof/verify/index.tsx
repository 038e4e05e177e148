import { useRef, useState } from 'react';
import { Input, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { ActionError, type ShownError } from '../../../components/ActionError';
import { PageShell } from '../../../components/PageShell';
import { Section } from '../../../components/Section';
import { SummaryRow } from '../../../components/SummaryRow';
import { Button } from '../../../components/nutui';
import { heading, tappable } from '../../../components/tappable';
import { ApiError } from '../../../services/api';
import { tempProofApi, type VerificationResult, type VerifierKind } from '../tempProofApi';
import '../../../components/Form.scss';
import '../../../components/Choice.scss';
import '../components/tempProof.scss';

const KINDS: Array<{ kind: VerifierKind; name: string }> = [
  { kind: 'examHall', name: '考场' },
  { kind: 'hotel', name: '酒店' },
  { kind: 'bank', name: '银行' },
  { kind: 'other', name: '其他' },
];

/**
 * Public verification of an electronic temporary identity proof (exam halls, hotels, banks; any
 * WeChat user, no real-name verification): scan the holder's QR code (weapp) or type it; the status
 * in large coloured words and only masked data. The holder sees this check in their log.
 */
export default function TempProofVerify() {
  const [kind, setKind] = useState<VerifierKind>('examHall');
  const [verifier, setVerifier] = useState('');
  const [token, setToken] = useState('');
  const [result, setResult] = useState<VerificationResult>();
  const [error, setError] = useState<ShownError>();
  const [busy, setBusy] = useState(false);
  // What the verifier chose, read when the answer of a scan arrives (the scan began in an earlier render).
  const chosen = useRef({ kind, verifier });
  chosen.current = { kind, verifier };

  const check = async (raw: string) => {
    const text = raw.trim();
    if (!text) return;
    setToken(text);
    setBusy(true);
    setError(undefined);
    setResult(undefined);
    try {
      setResult(await tempProofApi.verify(text, chosen.current.kind, chosen.current.verifier.trim() || undefined));
    } catch (e) {
      setError(e instanceof ApiError ? e : { code: 'INTERNAL', message: '核验失败，请重试' });
    } finally {
      setBusy(false);
    }
  };
  const scan = async () => {
    try {
      const res = await Taro.scanCode({ onlyFromCamera: true, scanType: ['qrCode'] });
      void check(res.result);
    } catch {
      // Closed without a code: nothing to say.
    }
  };

  return (
    <PageShell className="temp-proof-verify">
      <Section title="核验单位">
        <View className="chips">
          {KINDS.map((k) => (
            <Text
              key={k.kind}
              className={`chip ${kind === k.kind ? 'chip--on' : ''}`}
              data-kind={k.kind}
              {...tappable('button', { pressed: kind === k.kind })}
              onClick={() => setKind(k.kind)}
            >
              {k.name}
            </Text>
          ))}
        </View>
        <View className="form-field">
          <Text className="form-field__label">单位名称（选填，持证人可在核验记录中看到）</Text>
          <Input
            className="form-field__input"
            data-field="verifierName"
            value={verifier}
            maxlength={30}
            placeholder="如：某某中学考点"
            onInput={(e) => setVerifier(e.detail.value)}
          />
        </View>
      </Section>
      <Section title="扫描或输入证明二维码">
        <View className="form-field">
          <Input
            className="form-field__input"
            data-field="token"
            value={token}
            maxlength={200}
            placeholder="二维码内容（P1. 开头）"
            onInput={(e) => setToken(e.detail.value)}
            onConfirm={() => void check(token)}
          />
        </View>
        <View className="form-actions action-buttons">
          <ActionError error={error} id="temp-proof-verify-error" />
          {process.env.TARO_ENV === 'weapp' && (
            <Button type="primary" onClick={() => void scan()}>
              扫码核验
            </Button>
          )}
          <Button loading={busy} disabled={!token.trim()} onClick={() => void check(token)}>
            核验
          </Button>
        </View>
      </Section>

      {result && (
        <View data-result={result.result} className="temp-proof-verify__result">
          <View className={`verdict verdict--${result.result}`} role="status" data-field="verdict">
            <Text className="verdict__status" {...heading(1)}>
              {result.resultName}
            </Text>
            {result.message && <Text className="verdict__note">{result.message}</Text>}
          </View>
          {result.holder && (
            <Section title="证明内容">
              <SummaryRow label="姓名" field="holderName">
                {result.holder.nameMasked}
              </SummaryRow>
              <SummaryRow label="身份证号" field="holderIdNumber">
                {result.holder.idNumberMasked}
              </SummaryRow>
              <SummaryRow label="证件照片">{result.holder.photoOnFile ? '户籍系统存有照片，请核对本人' : '户籍系统无照片，请结合其他证件核对'}</SummaryRow>
              <SummaryRow label="签发时间">{result.holder.issuedAtText}</SummaryRow>
              <SummaryRow label="有效期至" field="expiresAt">
                {result.holder.expiresAtText}
              </SummaryRow>
            </Section>
          )}
          <Text className="hint temp-proof__page-hint">本页只显示证明的状态和经遮挡的信息；二维码每分钟刷新，请现场扫描持证人手机上的二维码。</Text>
        </View>
      )}
    </PageShell>
  );
}
