import { useEffect, useState } from 'react';
import { Text, View } from '@tarojs/components';
import Taro, { useDidHide, useDidShow } from '@tarojs/taro';
import { LoadState } from '../../../components/LoadState';
import { PageShell } from '../../../components/PageShell';
import { Section } from '../../../components/Section';
import { SummaryRow } from '../../../components/SummaryRow';
import { TicketQr } from '../../../components/TicketQr';
import { VerifyFirst } from '../../../components/VerifyFirst';
import { tappable } from '../../../components/tappable';
import { identityApi } from '../../../services/identityApi';
import { useRemote } from '../../../services/useRemote';
import { FaceStep } from '../components/FaceStep';
import { tempProofApi, type ProofView } from '../tempProofApi';
import { useProofToken } from './useProofToken';
import '../components/tempProof.scss';

async function load() {
  const status = await identityApi.status();
  if (!status.verified) return { verified: false as const };
  return { verified: true as const, ...(await tempProofApi.mine()) };
}

/**
 * 电子临时身份证明 (issue 17): apply with a face check while the card is lost or being produced; the
 * proof's QR code, new every minute; after 30 minutes on screen the face again; past proofs.
 */
export default function TempProofPage() {
  const [round, setRound] = useState(0);
  const remote = useRemote(load, `temp-proof:${round}`);
  const [visible, setVisible] = useState(true);
  const [faceChecks, setFaceChecks] = useState(0);
  useDidShow(() => setVisible(true));
  useDidHide(() => setVisible(false));

  const data = remote.data;
  const proofs: ProofView[] = data?.verified ? data.proofs : [];
  const current = proofs.find((p) => p.status === 'valid');
  const token = useProofToken(current?.id, visible && Boolean(current), faceChecks);
  // Expired or revoked while shown: read the proofs again (the card says why).
  useEffect(() => {
    if (token.ended) setRound((n) => n + 1);
  }, [token.ended]);
  // The function says whether the month's quota and the current proof (its last 3 hours) allow another.
  const canApply = data?.verified && data.mayApply;

  const apply = async (verifyResult: string) => {
    await tempProofApi.apply(verifyResult);
    setRound((n) => n + 1);
  };
  const refreshFace = async (verifyResult: string) => {
    await tempProofApi.refreshFace(current!.id, verifyResult);
    setFaceChecks((n) => n + 1);
  };

  return (
    <PageShell className="temp-proof">
      <LoadState remote={remote}>
        {data && !data.verified && <VerifyFirst why="电子临时身份证明需要先确认您的身份，并在申领和出示时进行人脸核身。" />}
        {data?.verified && (
          <>
            {current && (
              <View className="temp-proof__card" data-proof={current.id} data-status={current.status}>
                <Text className="temp-proof__title">电子临时身份证明</Text>
                <Text className="temp-proof__name" data-field="name">
                  {current.nameMasked}
                </Text>
                <Text className="temp-proof__line" data-field="idNumber">
                  {current.idNumberMasked}
                </Text>
                {token.faceDue ? (
                  <FaceStep id="face-again" title="证明已出示超过30分钟，为保护您的身份安全，请重新进行人脸核身。" action="重新刷脸" onDone={refreshFace} />
                ) : (
                  <>
                    <View className="temp-proof__qr">
                      {token.token ? <TicketQr token={token.token} label="电子临时身份证明二维码" /> : <View className="temp-proof__qr-placeholder" />}
                    </View>
                    <Text className="temp-proof__note" data-field="qr-note">
                      {token.error ?? '二维码每分钟自动刷新，截图无效；出示超过30分钟需重新刷脸'}
                    </Text>
                  </>
                )}
                <SummaryRow label="签发时间">{current.issuedAtText}</SummaryRow>
                <SummaryRow label="有效期至" field="expiresAt">
                  {current.expiresAtText}
                </SummaryRow>
              </View>
            )}

            <Section title={current ? '再次申领' : '申领电子临时身份证明'}>
              <Text className="temp-proof__text" data-field="quota">
                身份证挂失或正在补领、换领期间可申领，有效期24小时，每月最多3次（本月已申领{data.usedThisMonth}次）。
              </Text>
              {canApply ? (
                <FaceStep id="apply" title="请填写本人姓名和身份证号码，完成人脸核身后即可申领。" action="人脸核身并申领" onDone={apply} />
              ) : (
                <Text className="temp-proof__text">{current ? '当前证明到期前3小时内可再次申领。' : '本月申领次数已用完。'}</Text>
              )}
            </Section>

            {proofs.some((p) => p !== current) && (
              <Section title="历史证明">
                {proofs
                  .filter((p) => p !== current)
                  .map((p) => (
                    <View key={p.id} className="temp-proof__past" data-proof={p.id} data-status={p.status}>
                      <Text>
                        {p.issuedAtText} 签发 · {p.statusName}
                        {p.revokedReasonName ? `（${p.revokedReasonName}）` : ''}
                      </Text>
                    </View>
                  ))}
              </Section>
            )}

            <Section title="更多">
              <Text className="temp-proof__link link" data-row="log" {...tappable('link')} onClick={() => void Taro.navigateTo({ url: '/packages/tempProof/log/index' })}>
                核验记录：谁在何时核验了我的证明 ›
              </Text>
              <Text className="temp-proof__link link" data-row="verify" {...tappable('link')} onClick={() => void Taro.navigateTo({ url: '/packages/tempProof/verify/index' })}>
                核验他人的电子临时身份证明 ›
              </Text>
            </Section>
          </>
        )}
      </LoadState>
    </PageShell>
  );
}
