import { useEffect, useState } from 'react';
import { Input, Text, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { PageShell } from '../../../components/PageShell';
import { Section } from '../../../components/Section';
import { SummaryRow } from '../../../components/SummaryRow';
import { Button } from '../../../components/nutui';
import { ApiError } from '../../../services/api';
import { businessApi, type CertificateCheck } from '../../../services/businessApi';
import { inShanghai } from '../../../../core/time/shanghai';
import { serialFromOpening, serialFromText } from './verifyLink';
import '../../../components/Form.scss';
import '../components/business.scss';
import { heading } from '../../../components/tappable';

// The function answers instants (ISO); the page shows the Shanghai day.
const day = (iso: string) => inShanghai(new Date(iso)).format('YYYY-MM-DD');

/**
 * Public verification of an electronic household-registration certificate (anyone, no real-name
 * verification): the serial typed, scanned (weapp) or in the address (the certificate's QR code
 * opens this page with it); the status in large coloured words (有效 / 已过期 / 已撤销) and only
 * the masked statement.
 */
export default function BusinessVerify() {
  const { params } = useRouter();
  const opened = serialFromOpening(params);
  const [text, setText] = useState(opened);
  const [result, setResult] = useState<CertificateCheck>();
  const [error, setError] = useState<ApiError>();
  const [busy, setBusy] = useState(false);

  const check = async (raw: string) => {
    const serial = serialFromText(raw);
    if (!serial) return;
    setText(serial);
    setError(undefined);
    setResult(undefined);
    setBusy(true);
    try {
      setResult(await businessApi.verify(serial));
    } catch (e) {
      setError(e instanceof ApiError ? e : new ApiError('INTERNAL', '查询失败，请重试'));
    } finally {
      setBusy(false);
    }
  };
  useEffect(() => {
    if (opened) void check(opened);
    // Once, for the serial the page was opened with.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  const scan = async () => {
    try {
      const res = await Taro.scanCode({ onlyFromCamera: false, scanType: ['qrCode'] });
      void check(res.result);
    } catch {
      // Closed without a code: nothing to say.
    }
  };

  return (
    <PageShell className="biz-verify">
      <Section title="输入或扫描证明编号">
        <View className="form-field">
          <Input
            className="form-field__input"
            data-field="serial"
            value={text}
            maxlength={64}
            placeholder="证明编号，如 HJ 开头的19位字符"
            onInput={(e) => {
              setText(e.detail.value);
              setError(undefined);
            }}
            onConfirm={() => void check(text)}
          />
        </View>
        <View className="form-actions action-buttons">
          <Button type="primary" loading={busy} disabled={!text.trim()} onClick={() => void check(text)}>
            查询
          </Button>
          {process.env.TARO_ENV === 'weapp' && <Button onClick={() => void scan()}>扫码核验</Button>}
        </View>
      </Section>

      {error && (
        <View className="notice notice--error" role="alert" data-error-code={error.code}>
          <Text>{error.message}</Text>
        </View>
      )}

      {result && (
        <View data-status={result.status} className="biz-verify__result">
          <View className={`verdict verdict--${result.status}`} role="status" data-field="verdict">
            <Text className="verdict__status" {...heading(1)}>
              {result.statusName}
            </Text>
            <Text className="verdict__serial">证明编号 {result.serial}</Text>
          </View>
          <Section title="证明内容">
            <SummaryRow label="姓名" field="holderName">
              {result.holderName}
            </SummaryRow>
            <SummaryRow label="身份证号" field="holderIdNumber">
              {result.holderIdNumber}
            </SummaryRow>
            <SummaryRow label="户籍所在地" field="householdPlace">
              {result.householdPlace}
            </SummaryRow>
            <SummaryRow label="出具单位">{result.issuedBy}</SummaryRow>
            <SummaryRow label="出具日期">{day(result.issuedAt)}</SummaryRow>
            <SummaryRow label="有效期至" field="validUntil">
              {day(result.validUntil)}
            </SummaryRow>
          </Section>
          <Text className="hint hint--page">本页只显示证明的状态和经遮挡的内容，请与当事人出示的证明核对。</Text>
        </View>
      )}
    </PageShell>
  );
}
