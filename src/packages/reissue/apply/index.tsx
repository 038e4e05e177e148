import { useEffect, useState } from 'react';
import { Text, View } from '@tarojs/components';
import Taro, { useDidShow } from '@tarojs/taro';
import { LoadState } from '../../../components/LoadState';
import { PageShell } from '../../../components/PageShell';
import { Section } from '../../../components/Section';
import { Button } from '../../../components/nutui';
import { ApiError } from '../../../services/api';
import { bookingApi, newRequestId, retryWithSameId } from '../../../services/bookingApi';
import { identityApi } from '../../../services/identityApi';
import { reissueApi, type AddressInput, type ReissueReason, type ReissueView } from '../../../services/reissueApi';
import { useRemote } from '../../../services/useRemote';
import { AddressForm, EMPTY_ADDRESS, addressProblem } from '../components/AddressForm';
import { FeeList } from '../components/FeeList';
import { SummaryRow } from '../../../components/SummaryRow';
import { ActingForChips, SELF } from '../../../components/ActingForChips';
import { namesOf } from '../components/divisions';
import { usePayment } from '../components/usePayment';
import '../../../components/Form.scss';
import '../components/reissue.scss';
import './index.scss';

const BUSINESS = 'id-card-reissue-loss';
const REASONS: Array<{ key: ReissueReason; title: string; line: string }> = [
  { key: 'lost', title: '丢失补领', line: '身份证丢失或被盗' },
  { key: 'damaged', title: '损坏换领', line: '身份证损坏、无法辨认或无法读取' },
];

async function loadBasics() {
  const status = await identityApi.status();
  if (!status.verified || !status.profile) return { status, members: [], halls: [] };
  const [family, options] = await Promise.all([
    identityApi.familyMembers(),
    // Halls for collection: those handling the reissue (an empty list if booking is not offered).
    bookingApi.bookingOptions(BUSINESS).catch(() => ({ halls: [], dates: [] })),
  ]);
  return { status, members: family.members, halls: options.halls };
}

/**
 * 身份证补换领: for whom, why, eligibility, (lost) 挂失, masked card data, photo reuse, delivery,
 * fee → confirm → apply → pay → tracking. The function decides every rule; this page shows them.
 */
export default function ReissueApply() {
  const [shown, setShown] = useState(0);
  useDidShow(() => setShown((n) => n + 1));
  const basics = useRemote(loadBasics, `basics:${shown > 1 ? shown : 0}`);
  const [who, setWho] = useState(SELF);
  const [reason, setReason] = useState<ReissueReason>('lost');
  const [delivery, setDelivery] = useState<'mail' | 'hall'>('mail');
  const [address, setAddress] = useState<AddressInput>(EMPTY_ADDRESS);
  const [hallId, setHallId] = useState('');
  const [photoOk, setPhotoOk] = useState(false);
  const [lossReportedAt, setLossReportedAt] = useState('');
  const [step, setStep] = useState<'form' | 'confirm'>('form');
  const [requestId, setRequestId] = useState('');
  const [applied, setApplied] = useState<ReissueView>();
  const [error, setError] = useState<ApiError>();
  const [formProblem, setFormProblem] = useState('');
  const [busy, setBusy] = useState(false);

  const forMemberId = who === SELF ? undefined : who;
  const previewDelivery = delivery === 'hall' ? ({ kind: 'hall' } as const) : address.districtCode ? ({ kind: 'mail', districtCode: address.districtCode } as const) : undefined;
  const verified = Boolean(basics.data?.status.verified);
  const check = useRemote(
    () => (verified ? reissueApi.eligibility({ forMemberId, reason, ...(previewDelivery ? { delivery: previewDelivery } : {}) }) : Promise.resolve(undefined)),
    `elig:${verified}:${who}:${reason}:${delivery}:${address.districtCode}:${shown}`,
  );

  useEffect(() => {
    setLossReportedAt('');
    setPhotoOk(false);
  }, [who, reason]);

  const goTrack = (id: string) => void Taro.redirectTo({ url: `/packages/reissue/track/index?id=${id}` });
  const payment = usePayment(
    (view) => goTrack(view.id),
    (e) => setError(e),
  );

  const data = basics.data;
  const profile = data?.status.profile;
  const member = data?.members.find((m) => m.memberId === who);
  const elig = check.data;
  const hallOptions = data?.halls ?? [];
  const defaultCity = hallOptions.find((h) => h.id === elig?.hall?.id)?.city;
  const halls = defaultCity ? hallOptions.filter((h) => h.city === defaultCity) : hallOptions;
  const hall = halls.find((h) => h.id === hallId);

  const reportLoss = async () => {
    const ok = await Taro.showModal({
      title: '确认挂失',
      content: '挂失后原身份证立即作废，即使之后不再申请补领也不能恢复使用。确定挂失？',
      confirmText: '确认挂失',
    });
    if (!ok.confirm) return;
    setError(undefined);
    setBusy(true);
    try {
      const r = await reissueApi.reportLoss(forMemberId);
      setLossReportedAt(r.reportedAt);
    } catch (e) {
      setError(e instanceof ApiError ? e : new ApiError('INTERNAL', '挂失失败，请重试'));
    } finally {
      setBusy(false);
    }
  };

  const openConfirm = () => {
    setError(undefined);
    const problem =
      reason === 'lost' && !lossReportedAt
        ? '请先挂失原身份证'
        : !photoOk
          ? '请确认相貌无明显变化、同意使用存档照片'
          : delivery === 'mail'
            ? addressProblem(address)
            : hall
              ? undefined
              : '请选择领取证件的大厅';
    setFormProblem(problem ?? '');
    if (problem) return;
    setRequestId(newRequestId());
    setStep('confirm');
  };

  const submit = async () => {
    setError(undefined);
    setBusy(true);
    try {
      const app =
        applied ??
        (await reissueApi.apply(
          {
            forMemberId,
            reason,
            delivery:
              delivery === 'mail'
                ? { kind: 'mail', address: { ...address, detail: address.detail.trim(), recipient: address.recipient.trim(), phone: address.phone.trim() } }
                : { kind: 'hall', hallId },
          },
          requestId,
        ));
      setApplied(app);
      if (app.actions.includes('startPayment')) await payment.start(app.id);
      else goTrack(app.id);
    } catch (e) {
      const err = e instanceof ApiError ? e : new ApiError('INTERNAL', '提交失败，请重试');
      setError(err);
      if (!retryWithSameId(err)) setRequestId(newRequestId());
    } finally {
      setBusy(false);
    }
  };

  const idMasked = member ? member.idNumberMasked : profile?.idNumberMasked;

  return (
    <PageShell className="reissue-apply">
      <LoadState remote={basics}>
        {data && !profile && (
          <Section title="请先实名认证">
            <Text className="loss-step__text" data-need="verification">
              网上补换领身份证需要先确认您的身份。认证后，可为本人和同户的家人申请。
            </Text>
            <View className="form-actions">
              <Button type="primary" onClick={() => Taro.navigateTo({ url: '/packages/identity/consent/index' })}>
                去实名认证
              </Button>
            </View>
          </Section>
        )}

        {error && (
          <View className="notice notice--error" role="alert" data-error-code={error.code}>
            <Text>{error.message}</Text>
          </View>
        )}

        {profile && step === 'form' && (
          <>
            <View className="reissue-head">
              <Text className="reissue-head__title">身份证补换领</Text>
              <Text className="reissue-head__hint">网上申请，制证后邮寄到家或到大厅领取</Text>
            </View>

            <Section title="1. 为谁申请">
              <ActingForChips selfName={profile.nameMasked} members={data.members} value={who} onChange={setWho} />
            </Section>

            <Section title="2. 补换原因">
              <View className="choice-list">
                {REASONS.map((r) => (
                  <View key={r.key} className={`choice ${reason === r.key ? 'choice--on' : ''}`} data-reason={r.key} onClick={() => setReason(r.key)}>
                    <Text className="choice__title">{r.title}</Text>
                    <Text className="choice__line">{r.line}</Text>
                  </View>
                ))}
              </View>
            </Section>

            <LoadState remote={check}>
              {elig && !elig.eligible && (
                <Section title="暂不能网上办理">
                  <View className="reason-list" data-eligible="no">
                    {elig.reasons.map((r) => (
                      <View key={r.code} className="reason-list__item" data-reason-code={r.code}>
                        <Text className="reason-list__message">{r.message}</Text>
                        {r.next === 'bookHall' && (
                          <Button className="reason-list__button" onClick={() => Taro.navigateTo({ url: `/packages/booking/book/index?business=${BUSINESS}` })}>
                            预约到大厅办理
                          </Button>
                        )}
                        {r.next === 'viewApplication' && elig.openApplicationId && (
                          <Text className="reason-list__link" onClick={() => Taro.navigateTo({ url: `/packages/reissue/track/index?id=${elig.openApplicationId}` })}>
                            查看正在办理的申请 ›
                          </Text>
                        )}
                      </View>
                    ))}
                  </View>
                </Section>
              )}

              {elig && elig.eligible && (
                <>
                  <Section title="3. 证件信息">
                    <SummaryRow label="姓名" field="subjectName">
                      {elig.subjectNameMasked}
                      {elig.forFamilyMember ? '（代办）' : '（本人）'}
                    </SummaryRow>
                    <SummaryRow label="身份证号" field="idNumber">
                      {idMasked}
                    </SummaryRow>
                    <SummaryRow label="受理单位">{elig.hall?.name ?? '—'}</SummaryRow>
                    <Text className="hint">证件信息以户籍登记为准，已做脱敏显示。</Text>
                  </Section>

                  {reason === 'lost' && (
                    <Section title="4. 挂失原证件">
                      <Text className="loss-step__text">挂失后，原身份证立即作废，不能再使用；即使之后放弃补领申请，也不能恢复。找回的旧证请交回户政大厅。</Text>
                      {lossReportedAt ? (
                        <Text className="loss-step__done" data-loss="reported">
                          ✓ 已挂失，原证件已作废
                        </Text>
                      ) : (
                        <View className="form-actions">
                          <Button type="primary" loading={busy} onClick={reportLoss}>
                            确认挂失
                          </Button>
                        </View>
                      )}
                    </Section>
                  )}

                  <Section title={`${reason === 'lost' ? 5 : 4}. 证件照片`}>
                    <View className="reissue-apply__photo" data-field="photoReuse" onClick={() => setPhotoOk(!photoOk)}>
                      <Text className={`reissue-apply__check ${photoOk ? 'reissue-apply__check--on' : ''}`}>{photoOk ? '✓' : ''}</Text>
                      <Text>本人相貌与上次办证时相比无明显变化，同意使用存档照片制证。</Text>
                    </View>
                    <Text className="hint">相貌变化较大的，请预约到大厅重新采集照片。</Text>
                  </Section>

                  <Section title={`${reason === 'lost' ? 6 : 5}. 领取方式`}>
                    <View className="chips">
                      <Text className={`chip ${delivery === 'mail' ? 'chip--on' : ''}`} data-delivery="mail" onClick={() => setDelivery('mail')}>
                        邮寄到家
                      </Text>
                      <Text className={`chip ${delivery === 'hall' ? 'chip--on' : ''}`} data-delivery="hall" onClick={() => setDelivery('hall')}>
                        大厅领取
                      </Text>
                    </View>
                    {delivery === 'mail' && <AddressForm value={address} onChange={setAddress} />}
                    {delivery === 'hall' && (
                      <View className="choice-list" style={{ marginTop: '10px' }}>
                        {halls.length === 0 && <Text className="hint">暂无可选的领取大厅，请选择邮寄到家。</Text>}
                        {halls.map((h) => (
                          <View key={h.id} className={`choice ${h.id === hallId ? 'choice--on' : ''}`} data-hall={h.id} onClick={() => setHallId(h.id)}>
                            <Text className="choice__title">{h.name}</Text>
                            <Text className="choice__line">{h.address}</Text>
                          </View>
                        ))}
                      </View>
                    )}
                  </Section>

                  {elig.fee && (
                    <Section title="费用">
                      <FeeList fee={elig.fee} />
                    </Section>
                  )}

                  {formProblem && (
                    <View className="notice notice--error" role="alert" data-problem="form">
                      <Text>{formProblem}</Text>
                    </View>
                  )}
                  <View className="form-actions">
                    <Button type="primary" onClick={openConfirm}>
                      下一步：确认信息
                    </Button>
                  </View>
                </>
              )}
            </LoadState>
          </>
        )}

        {profile && step === 'confirm' && elig && (
          <>
            <Section title="确认申请信息">
              <SummaryRow label="申请人" field="subjectName">
                {elig.subjectNameMasked}
                {elig.forFamilyMember ? '（代办）' : '（本人）'}
              </SummaryRow>
              <SummaryRow label="身份证号">{idMasked}</SummaryRow>
              <SummaryRow label="补换原因" field="reason">
                {REASONS.find((r) => r.key === reason)?.title}
              </SummaryRow>
              <SummaryRow label="照片">使用存档照片（相貌无变化）</SummaryRow>
              {delivery === 'mail' ? (
                <>
                  <SummaryRow label="邮寄地址" field="address">
                    {namesOf(address.provinceCode, address.cityCode, address.districtCode).join('')}
                    {address.detail}
                  </SummaryRow>
                  <SummaryRow label="收件人">
                    {address.recipient} {address.phone.replace(/^(\d{3})\d{4}(\d{4})$/, '$1****$2')}
                  </SummaryRow>
                </>
              ) : (
                <SummaryRow label="领取大厅" field="hall">
                  {hall?.name}
                </SummaryRow>
              )}
            </Section>
            {elig.fee && (
              <Section title="费用">
                <FeeList fee={elig.fee} />
              </Section>
            )}
            <Text className="notice">提交后请在规定时间内缴费，逾期未缴费的申请将自动取消。审核通过前可随时取消，已缴费用原路退回。</Text>
            {payment.standIn}
            {!payment.paying && (
              <View className="form-actions">
                <Button type="primary" loading={busy || payment.busy} onClick={submit}>
                  {applied ? '去缴费' : `提交申请并缴费${elig.fee ? ` ¥${elig.fee.total}` : ''}`}
                </Button>
                {applied ? (
                  <Text className="form-actions__secondary" onClick={() => goTrack(applied.id)}>
                    稍后缴费，查看申请
                  </Text>
                ) : (
                  <Text
                    className="form-actions__secondary"
                    onClick={() => {
                      setError(undefined);
                      setStep('form');
                    }}
                  >
                    返回修改
                  </Text>
                )}
              </View>
            )}
          </>
        )}
      </LoadState>
    </PageShell>
  );
}
