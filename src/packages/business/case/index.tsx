import { useRef, useState } from 'react';
import { Input, Picker, Text, View } from '@tarojs/components';
import Taro, { useDidShow, useRouter } from '@tarojs/taro';
import { LoadState } from '../../../components/LoadState';
import { PageShell } from '../../../components/PageShell';
import { Section } from '../../../components/Section';
import { ShipForm } from '../../../components/ShipForm';
import { SummaryRow } from '../../../components/SummaryRow';
import { Button } from '../../../components/nutui';
import { ApiError } from '../../../services/api';
import { businessApi, type BusinessCase, type BusinessView } from '../../../services/businessApi';
import { useRemote } from '../../../services/useRemote';
import { Photos } from '../components/Photos';
import { COURIER_CHOICES, courierName } from '../../../../core/reissue/names';
import { History } from '../components/History';
import { StageBar } from '../../../components/StageBar';
import { RefNumber } from '../../../components/RefNumber';
import { StateTag } from '../components/StateTag';
import '../../../components/Choice.scss';
import '../../../components/Form.scss';
import '../components/business.scss';
import { heading, tappable } from '../../../components/tappable';

type Form = 'reject' | 'correct' | 'revoke' | 'extend' | 'ship' | undefined;
const CONFLICTS = ['APPLICATION_VERSION_CONFLICT', 'APPLICATION_STATE_CONFLICT'];
const SEX = { male: '男', female: '女' } as const;

async function confirmed(title: string, content: string, confirmText: string): Promise<boolean> {
  const res = await Taro.showModal({ title, content, confirmText, cancelText: '再看看' });
  return res.confirm;
}

/** A reason typed by the officer (the citizen reads it). */
function ReasonInput({ field, value, onChange, placeholder }: { field: string; value: string; onChange: (v: string) => void; placeholder: string }) {
  return <Input className="form-field__input" data-field={field} value={value} maxlength={200} placeholder={placeholder} onInput={(e) => onChange(e.detail.value)} />;
}

/**
 * Officer: one business application as the decision needs it (each load is an audited view): the
 * person (masked ID, whether the registry knows them, household place), what was declared, every
 * material's photos (tap for full size), deadline, progress and history; and the decisions the
 * view's `actions` allow: start review, approve, reject, ask for corrections (which materials and
 * why), revoke a certificate, extend a migration's permit, hand the result over at the hall
 * (collect) or send it by mail (ship). A decision on a stale version says "刚刚已有更新" and reloads.
 */
export default function BusinessCasePage() {
  const { params } = useRouter();
  const id = params.id ?? '';
  const [version, setVersion] = useState(0);
  const first = useRef(true);
  useDidShow(() => {
    if (first.current) first.current = false;
    else setVersion((n) => n + 1);
  });
  const remote = useRemote(() => businessApi.businessCase(id), `biz-case:${id}:${version}`);
  const [latest, setLatest] = useState<BusinessView>();
  const [error, setError] = useState<ApiError>();
  const [form, setForm] = useState<Form>();
  const [reason, setReason] = useState('');
  const [asked, setAsked] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  const [validThrough, setValidThrough] = useState('');
  const [courier, setCourier] = useState<string>(COURIER_CHOICES[0]);
  const [trackingNumber, setTrackingNumber] = useState('');

  const file = remote.data;
  // A decision answers the application view; the case's person and details stay as loaded.
  const view: BusinessView | undefined = latest && file && latest.version >= file.version ? latest : file;
  const can = (type: string) => Boolean(view?.actions.some((a) => a.type === type));
  const base = (v: BusinessView) => ({ applicationId: v.id, expectedVersion: v.version });

  const act = async (run: (v: BusinessView) => Promise<BusinessView>, done: string) => {
    if (!view) return;
    setError(undefined);
    setBusy(true);
    try {
      setLatest(await run(view));
      setForm(undefined);
      setReason('');
      setAsked({});
      void Taro.showToast({ title: done, icon: 'success' });
    } catch (e) {
      const err = e instanceof ApiError ? e : new ApiError('INTERNAL', '操作失败，请重试');
      if (CONFLICTS.includes(err.code)) {
        setError(new ApiError(err.code, '刚刚已有更新，已重新加载，请核对后再操作'));
        setLatest(undefined);
        setForm(undefined);
        setVersion((n) => n + 1);
      } else setError(err);
    } finally {
      setBusy(false);
    }
  };

  const who = (c: BusinessCase) => `${c.subjectNameMasked}（${c.kindName}）`;
  const approve = async () => {
    if (!file) return;
    const missing = file.materials.filter((m) => m.required && m.photos.length === 0).length;
    const facts = `${who(file)}；${file.subject.registryKnows ? '户籍系统核验一致' : '户籍系统未查到此人'}；${missing ? `${missing}项必需材料缺照片` : '材料齐全'}`;
    if (await confirmed('确认审核通过？', `${facts}。通过后即出具结果。`, '确认通过')) void act((v) => businessApi.approve(base(v)), '审核通过');
  };
  const rejectNow = async () => {
    if (!file) return;
    const text = reason.trim();
    if (await confirmed('确认不予通过？', `${who(file)}；原因：${text}；申请人会看到该原因。`, '确认')) void act((v) => businessApi.reject({ ...base(v), reason: text }), '已处理');
  };
  const correctNow = () => {
    const items = Object.entries(asked).map(([material, r]) => ({ material, reason: r.trim() }));
    void act((v) => businessApi.requestCorrection({ ...base(v), items }), '已要求补正');
  };
  const revokeNow = async () => {
    if (!file) return;
    const text = reason.trim();
    if (await confirmed('确认撤销证明？', `${who(file)}；原因：${text}；撤销后核验页面立即显示“已撤销”。`, '确认撤销'))
      void act((v) => businessApi.revoke({ ...base(v), reason: text }), '已撤销');
  };
  const extendNow = async () => {
    if (!file) return;
    const text = reason.trim();
    if (await confirmed('确认延期准迁证？', `${who(file)}；有效期延至 ${validThrough}；原因：${text}。`, '确认延期'))
      void act((v) => businessApi.extendPermit({ ...base(v), validThrough, reason: text }), '已延期');
  };
  const collectNow = async () => {
    if (!file) return;
    if (await confirmed('确认已领取？', `${who(file)}；请核对本人身份证件和材料原件后再确认。`, '确认领取')) void act((v) => businessApi.collect(base(v)), '已办结');
  };
  const shipNow = async () => {
    if (!file) return;
    const number = trackingNumber.trim();
    if (await confirmed('确认寄出？', `${who(file)}；${courierName(courier)} 单号 ${number}。`, '确认寄出'))
      void act((v) => businessApi.ship({ ...base(v), courier, trackingNumber: number }), '已寄出');
  };
  const validTracking = /^[A-Za-z0-9-]{6,40}$/.test(trackingNumber.trim());
  const correctionReady = Object.keys(asked).length > 0 && Object.values(asked).every((r) => r.trim().length >= 2);

  return (
    <PageShell className="biz-case">
      <LoadState remote={remote}>
        {file && view && (
          <View className="biz-case__root" data-state={view.state} data-version={view.version}>
            <View className="biz-head">
              <Text className="biz-head__title" {...heading(1)}>
                {view.subjectNameMasked} · {view.kindName}
              </Text>
              <View>
                <StateTag state={view.state} name={view.stateName} />
              </View>
              <Text className="biz-head__hint">
                申请于 {view.createdAt}
                {view.submittedAt ? ` · 提交于 ${view.submittedAt}` : ''}
                {view.correctionRounds > 0 ? ` · 已补正${view.correctionRounds}次` : ''}
              </Text>
              <RefNumber label="办件编号" number={view.refNumber} size="inline" />
            </View>

            {error && (
              <View className="notice notice--error" role="alert" data-error-code={error.code}>
                <Text>{error.message}</Text>
              </View>
            )}

            <Section title="申请对象">
              <SummaryRow label="姓名">{file.subjectNameMasked}</SummaryRow>
              <SummaryRow label="身份证号" field="idNumberMasked">
                {file.subject.idNumberMasked}
              </SummaryRow>
              {file.subject.sex && <SummaryRow label="性别">{SEX[file.subject.sex]}</SummaryRow>}
              {file.subject.birthDate && <SummaryRow label="出生日期">{file.subject.birthDate}</SummaryRow>}
              <SummaryRow label="户籍核验" field="registryKnows">
                <Text className={file.subject.registryKnows ? '' : 'deadline--overdue'}>{file.subject.registryKnows ? '户籍系统有此人记录' : '⚠ 户籍系统未查到此人'}</Text>
              </SummaryRow>
              <SummaryRow label="户籍地" field="householdPlace">
                {file.subject.householdPlace || file.subject.householdDivisionCode}
              </SummaryRow>
              {file.forFamilyMember && <SummaryRow label="代办">家属代为申请</SummaryRow>}
            </Section>

            <Section title="申报信息">
              <SummaryRow label="办理业务">{view.kindName}</SummaryRow>
              {view.details.purpose && (
                <SummaryRow label="证明用途" field="purpose">
                  {view.details.purpose}
                </SummaryRow>
              )}
              {view.details.graduatedOn && <SummaryRow label="毕业日期">{view.details.graduatedOn}</SummaryRow>}
              {view.details.marriedOn && <SummaryRow label="结婚登记日期">{view.details.marriedOn}</SummaryRow>}
              {view.details.residenceRegisteredOn && <SummaryRow label="居住登记日期">{view.details.residenceRegisteredOn}</SummaryRow>}
              {view.details.residencePermitIssuedOn && <SummaryRow label="居住证签发日期">{view.details.residencePermitIssuedOn}</SummaryRow>}
              {view.reviewDue && (
                <SummaryRow label="审核期限" field="reviewDue">
                  <Text className={view.reviewDue.overdue ? 'deadline--overdue' : ''} data-overdue={view.reviewDue.overdue ? 'yes' : 'no'}>
                    {view.reviewDue.overdue ? '⚠ 已超期 ' : ''}
                    {view.reviewDue.dueAt}（含当日）
                  </Text>
                </SummaryRow>
              )}
              {view.rejectionReason && <SummaryRow label="不通过原因">{view.rejectionReason}</SummaryRow>}
              {view.permit && (
                <SummaryRow label="准迁证" field="permit">
                  {view.permit.number}（有效期至 {view.permit.validUntil}
                  {view.permit.extensions > 0 ? `，已延期${view.permit.extensions}次` : ''}）
                </SummaryRow>
              )}
              {view.moveOut && (
                <SummaryRow label="迁出" field="moveOut">
                  <Text className={!view.moveOut.completedAt && view.moveOut.overdue ? 'deadline--overdue' : ''}>
                    {view.moveOut.completedAt ? `已于${view.moveOut.completedAt}办结` : `${view.moveOut.overdue ? '⚠ 已超期 ' : ''}办理期限 ${view.moveOut.dueAt}（含当日）`}
                  </Text>
                </SummaryRow>
              )}
              {view.handover && (
                <SummaryRow label="领取方式" field="handover">
                  {view.handover.kind === 'hall' ? '到本大厅领取（已预约）' : `邮寄至${view.handover.place}`}
                </SummaryRow>
              )}
              {file?.mailTo && (
                <SummaryRow label="收件信息" field="mailTo">
                  {file.mailTo.recipient} {file.mailTo.phone}
                  {'\n'}
                  {file.mailTo.address}
                </SummaryRow>
              )}
              {view.originalsToBring && view.originalsToBring.length > 0 && (
                <SummaryRow label="核对原件" field="originalsToBring">
                  {view.originalsToBring.join('、')}
                </SummaryRow>
              )}
              {view.certificate && (
                <SummaryRow label="证明编号" field="serial">
                  {view.certificate.serial}（有效期至 {view.certificate.validUntil}
                  {view.certificate.revoked ? '，已撤销' : ''}）
                </SummaryRow>
              )}
            </Section>

            <Section title="材料照片（点击查看原图）">
              {view.materials.map((m) => (
                <View key={m.key} className="material" data-material={m.key}>
                  <View className="material__head">
                    <Text className="material__name">{m.name}</Text>
                    <Text className={`material__need ${m.photos.length ? '' : m.required ? 'material__need--missing' : ''}`}>
                      {m.photos.length ? `${m.photos.length}张 · ${m.attachedAt ?? ''}` : m.required ? '缺少（必需）' : '未上传（视情况）'}
                    </Text>
                  </View>
                  {m.correction && <Text className="material__correction">已要求补正：{m.correction}</Text>}
                  <Photos photos={m.photos} name={m.name} large />
                </View>
              ))}
            </Section>

            {form === 'correct' && (
              <Section title="要求补正材料">
                <Text className="hint">勾选需要重新上传的材料，并逐项写明原因（申请人可见）。</Text>
                {view.materials.map((m) => {
                  const on = m.key in asked;
                  return (
                    <View key={m.key} className="correction-pick" data-pick={m.key}>
                      <View
                        className="correction-pick__title"
                        {...tappable('checkbox', { checked: on })}
                        onClick={() =>
                          setAsked((a) => {
                            const next = { ...a };
                            if (on) delete next[m.key];
                            else next[m.key] = '';
                            return next;
                          })
                        }
                      >
                        <Text className="correction-pick__box">{on ? '☑' : '☐'}</Text>
                        <Text>{m.name}</Text>
                      </View>
                      {on && (
                        <ReasonInput
                          field={`correction-${m.key}`}
                          value={asked[m.key]}
                          onChange={(v) => setAsked((a) => ({ ...a, [m.key]: v }))}
                          placeholder="如：照片模糊，请重新拍摄清晰的原件"
                        />
                      )}
                    </View>
                  );
                })}
                <View className="form-actions">
                  <Button type="primary" loading={busy} disabled={!correctionReady} onClick={correctNow}>
                    发送补正要求
                  </Button>
                  <Text className="form-actions__secondary" {...tappable()} onClick={() => setForm(undefined)}>
                    取消
                  </Text>
                </View>
              </Section>
            )}

            {(form === 'reject' || form === 'revoke') && (
              <Section title={form === 'reject' ? '不予通过' : '撤销证明'}>
                <View className="form-field">
                  <Text className="form-field__label">{form === 'reject' ? '不通过原因（申请人可见）' : '撤销原因'}</Text>
                  <ReasonInput field={`${form}Reason`} value={reason} onChange={setReason} placeholder={form === 'reject' ? '如：不符合办理条件' : '如：证明内容有误'} />
                </View>
                <View className="form-actions">
                  <Button type="danger" loading={busy} disabled={reason.trim().length < 2} onClick={() => void (form === 'reject' ? rejectNow() : revokeNow())}>
                    {form === 'reject' ? '确认不予通过' : '确认撤销'}
                  </Button>
                  <Text className="form-actions__secondary" {...tappable()} onClick={() => setForm(undefined)}>
                    取消
                  </Text>
                </View>
              </Section>
            )}

            {form === 'extend' && (
              <Section title="延期准迁证">
                <View className="form-field">
                  <Text className="form-field__label">有效期延至</Text>
                  <Picker mode="date" value={validThrough} start={view.permit?.validUntil.slice(0, 10)} onChange={(e) => setValidThrough(String(e.detail.value))}>
                    <View className="form-field__input" data-field="validThrough" {...tappable('button', { label: '有效期延至' })}>
                      <Text>{validThrough || '请选择日期'}</Text>
                    </View>
                  </Picker>
                </View>
                <View className="form-field">
                  <Text className="form-field__label">延期原因（申请人可见）</Text>
                  <ReasonInput field="extendReason" value={reason} onChange={setReason} placeholder="如：因疫情防控暂停迁移业务" />
                </View>
                <View className="form-actions">
                  <Button type="primary" loading={busy} disabled={!validThrough || reason.trim().length < 2} onClick={() => void extendNow()}>
                    确认延期
                  </Button>
                  <Text className="form-actions__secondary" {...tappable()} onClick={() => setForm(undefined)}>
                    取消
                  </Text>
                </View>
              </Section>
            )}

            {form === 'ship' && (
              <ShipForm
                title="邮寄"
                courier={courier}
                onCourier={setCourier}
                trackingNumber={trackingNumber}
                onTrackingNumber={setTrackingNumber}
                ready={validTracking}
                busy={busy}
                confirmText="确认寄出"
                onConfirm={() => void shipNow()}
                onCancel={() => setForm(undefined)}
              />
            )}

            {!form && (
              <View className="form-actions action-buttons">
                {can('startReview') && (
                  <Button type="primary" loading={busy} onClick={() => void act((v) => businessApi.startReview(base(v)), '已开始审核')}>
                    开始审核
                  </Button>
                )}
                {can('approve') && (
                  <Button type="primary" loading={busy} onClick={() => void approve()}>
                    审核通过
                  </Button>
                )}
                {can('requestCorrection') && <Button onClick={() => setForm('correct')}>要求补正</Button>}
                {can('reject') && (
                  <Button
                    onClick={() => {
                      setReason('');
                      setForm('reject');
                    }}
                  >
                    不予通过
                  </Button>
                )}
                {can('collect') && (
                  <Button type="primary" loading={busy} onClick={() => void collectNow()}>
                    确认已领取
                  </Button>
                )}
                {can('ship') && (
                  <Button
                    type="primary"
                    onClick={() => {
                      setTrackingNumber('');
                      setForm('ship');
                    }}
                  >
                    邮寄寄出
                  </Button>
                )}
                {can('extendPermit') && (
                  <Button
                    onClick={() => {
                      setReason('');
                      setValidThrough('');
                      setForm('extend');
                    }}
                  >
                    延期准迁证
                  </Button>
                )}
                {can('revoke') && (
                  <Button
                    type="danger"
                    onClick={() => {
                      setReason('');
                      setForm('revoke');
                    }}
                  >
                    撤销证明
                  </Button>
                )}
              </View>
            )}

            <Section title="办理进度">
              <StageBar progress={view.progress} />
            </Section>
            {view.history.length > 0 && (
              <Section title="办理记录">
                <History history={view.history} />
              </Section>
            )}
          </View>
        )}
      </LoadState>
    </PageShell>
  );
}
