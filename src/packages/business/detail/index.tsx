import { useRef, useState } from 'react';
import { Text, View } from '@tarojs/components';
import Taro, { useDidShow, useRouter } from '@tarojs/taro';
import { LoadState } from '../../../components/LoadState';
import { PageShell } from '../../../components/PageShell';
import { Section } from '../../../components/Section';
import { SummaryRow } from '../../../components/SummaryRow';
import { Button } from '../../../components/nutui';
import { ApiError } from '../../../services/api';
import { businessApi, type BusinessView, type Handover } from '../../../services/businessApi';
import { askProgressSubscription } from '../../../services/reminderSubscription';
import { useRemote } from '../../../services/useRemote';
import { Certificate } from '../components/Certificate';
import { Photos } from '../components/Photos';
import { HandoverChoice } from '../components/HandoverChoice';
import { History } from '../components/History';
import { StageBar } from '../../../components/StageBar';
import { RefNumber } from '../../../components/RefNumber';
import { StateTag } from '../components/StateTag';
import { cancelledPick, pickAndUpload } from '../components/photoUpload';
import '../../../components/Form.scss';
import '../components/business.scss';
import { heading, tappable } from '../../../components/tappable';
import { formatWhen } from '../../../components/appointmentFormat';
import { findMyAppointment } from '../../../services/bookingApi';

const CONFLICTS = ['APPLICATION_VERSION_CONFLICT', 'APPLICATION_STATE_CONFLICT'];

/** What the citizen declared, in words. */
function Declared({ details }: { details: BusinessView['details'] }) {
  return (
    <>
      {details.purpose && (
        <SummaryRow label="证明用途" field="purpose">
          {details.purpose}
        </SummaryRow>
      )}
      {details.graduatedOn && <SummaryRow label="毕业日期">{details.graduatedOn}</SummaryRow>}
      {details.marriedOn && <SummaryRow label="结婚登记日期">{details.marriedOn}</SummaryRow>}
      {details.residenceRegisteredOn && <SummaryRow label="居住登记日期">{details.residenceRegisteredOn}</SummaryRow>}
      {details.residencePermitIssuedOn && <SummaryRow label="居住证签发日期">{details.residencePermitIssuedOn}</SummaryRow>}
    </>
  );
}

/** A migration: the permit (准迁证) and the move-out (迁出) at the origin station. */
function Migration({ view }: { view: BusinessView }) {
  const { permit, moveOut } = view;
  return (
    <Section title="准予迁入">
      {permit && (
        <>
          <SummaryRow label="准迁证编号" field="permitNumber">
            {permit.number}
          </SummaryRow>
          <SummaryRow label="有效期至" field="permitValidUntil">
            {permit.validUntil}
            {permit.extensions > 0 ? `（已延期${permit.extensions}次）` : ''}
          </SummaryRow>
        </>
      )}
      {moveOut && (
        <SummaryRow label="迁出" field="moveOut">
          {moveOut.completedAt ? (
            <Text>已于{moveOut.completedAt}办结迁出</Text>
          ) : (
            <Text className={moveOut.overdue ? 'deadline--overdue' : ''} data-overdue={moveOut.overdue ? 'yes' : 'no'}>
              {moveOut.overdue ? '⚠ 已超期，' : ''}迁出地派出所将于{moveOut.dueAt}（含当日）前办结迁出，您不用回原籍
            </Text>
          )}
        </SummaryRow>
      )}
    </Section>
  );
}

/**
 * The citizen's application: the draft's materials checklist (upload photos per material, then
 * submit), the progress with deadlines, a correction the officer asked for (per material, with the
 * reason; re-upload and resubmit), withdrawal, the issued certificate with its QR code, a
 * migration's permit and move-out, the choice of handover (hall or mail) and the history. The
 * buttons are the view's `actions`.
 */
/**
 * The hall handover chosen: when and where the appointment is, and its ticket (the QR code shown at
 * the window), so the citizen knows what happens next without looking for it in 我的预约.
 */
function HallHandover({ appointmentId, reload, collected }: { appointmentId: string; reload: number; collected: boolean }) {
  const found = useRemote(() => findMyAppointment(appointmentId), `handover-appointment:${appointmentId}:${reload}`);
  const a = found.data?.appointment;
  return (
    <View className="hall-handover" data-field="handover">
      <Text className="hint">{collected ? '已在大厅领取，本业务已办结。' : '已选择到大厅领取：请按预约时间携带下方所列原件到场，在窗口出示预约码；民警已提前收到您的申请。'}</Text>
      {a && (
        <Text className="hall-handover__when" data-field="handoverWhen">
          {formatWhen(a)} · {a.hallName}
        </Text>
      )}
      {a?.status === 'booked' && (
        <Text className="biz-link" data-link="handoverTicket" {...tappable('link')} onClick={() => void Taro.navigateTo({ url: `/packages/booking/ticket/index?id=${a.id}` })}>
          出示预约码 ›
        </Text>
      )}
      {a && a.status === 'cancelled' && (
        <View className="notice notice--error" role="alert">
          <Text>该预约已取消，请重新预约并更改领取方式。</Text>
        </View>
      )}
    </View>
  );
}

export default function BusinessDetail() {
  const { params } = useRouter();
  const id = params.id ?? '';
  const [version, setVersion] = useState(0);
  const first = useRef(true);
  useDidShow(() => {
    if (first.current) first.current = false;
    else setVersion((n) => n + 1);
  });
  const remote = useRemote(() => businessApi.application(id), `biz:${id}:${version}`);
  const [latest, setLatest] = useState<BusinessView>();
  const [error, setError] = useState<ApiError>();
  const [busy, setBusy] = useState('');

  // The newest answer wins: an action's result until the next reload.
  const view = latest && remote.data && latest.version >= remote.data.version ? latest : remote.data;
  const can = (type: string) => Boolean(view?.actions.some((a) => a.type === type));
  const editable = can('attachMaterial');

  const run = async (what: string, step: (v: BusinessView) => Promise<BusinessView | undefined>, done?: string) => {
    if (!view) return;
    setError(undefined);
    setBusy(what);
    try {
      const next = await step(view);
      if (next) {
        setLatest(next);
        if (done) void Taro.showToast({ title: done, icon: 'success' });
      }
    } catch (e) {
      if (cancelledPick(e)) return;
      const err = e instanceof ApiError ? e : new ApiError('INTERNAL', '操作失败，请重试');
      setError(CONFLICTS.includes(err.code) ? new ApiError(err.code, '刚刚已有更新，已为您刷新，请再看一下') : err);
      if (CONFLICTS.includes(err.code)) {
        setLatest(undefined);
        setVersion((n) => n + 1);
      }
    } finally {
      setBusy('');
    }
  };
  const base = (v: BusinessView) => ({ applicationId: v.id, expectedVersion: v.version });

  const upload = (material: string) =>
    run(
      `upload:${material}`,
      async (v) => {
        const fileIds = await pickAndUpload(v.id, material);
        if (fileIds.length === 0) return undefined;
        return businessApi.attachMaterial({ ...base(v), material, fileIds });
      },
      '照片已上传',
    );
  // The progress notices: asked inside the tap, before anything else is awaited (weapp only).
  const submit = async (kind: 'submit' | 'resubmit') => {
    await askProgressSubscription();
    void run(kind, (v) => businessApi[kind](base(v)), kind === 'submit' ? '已提交' : '已重新提交');
  };
  const [changing, setChanging] = useState(false);
  const chooseHandover = (handover: Handover) =>
    void run(
      'handover',
      async (v) => {
        const next = await businessApi.chooseHandover({ ...base(v), handover });
        setChanging(false);
        return next;
      },
      '已选择领取方式',
    );
  const withdraw = async () => {
    const ok = await Taro.showModal({ title: '撤回申请', content: '确定撤回本次申请？撤回后如需办理须重新申请。', confirmText: '确定撤回', cancelText: '再想想' });
    if (ok.confirm) void run('withdraw', (v) => businessApi.withdraw(base(v)), '已撤回');
  };

  return (
    <PageShell className="biz-detail">
      <LoadState remote={remote}>
        {view && (
          <View className="biz-detail__root" data-state={view.state} data-version={view.version}>
            <View className="biz-head">
              <Text className="biz-head__title" {...heading(1)}>
                {view.kindName} · {view.subjectNameMasked}
              </Text>
              <View>
                <StateTag state={view.state} name={view.stateName} />
              </View>
              <Text className="biz-head__hint">
                申请于 {view.createdAt}
                {view.submittedAt ? ` · 提交于 ${view.submittedAt}` : ''}
              </Text>
              <RefNumber label="办件编号" number={view.refNumber} size="inline" />
            </View>

            {error && (
              <View className="notice notice--error" role="alert" data-error-code={error.code}>
                <Text>{error.message}</Text>
              </View>
            )}
            {view.rejectionReason && (
              <View className="notice notice--error" data-field="rejectionReason">
                <Text>审核未通过：{view.rejectionReason}</Text>
              </View>
            )}
            {view.state === 'correctionRequested' && (
              <View className="notice notice--error" role="alert" data-field="correctionNotice">
                <Text>民警要求补正材料：请按下方标红的说明重新上传照片，然后点击“补正后重新提交”。</Text>
              </View>
            )}

            {view.certificate && (
              <Section title="电子证明">
                <Certificate certificate={view.certificate} holderName={view.subjectNameMasked} purpose={view.details.purpose} />
              </Section>
            )}

            <Section title="办理进度">
              <StageBar progress={view.progress} />
            </Section>

            {view.handover && (
              <Section title="领取方式">
                {view.handover.kind === 'hall' ? (
                  <HallHandover appointmentId={view.handover.appointmentId} reload={version} collected={view.state === 'completed'} />
                ) : (
                  <Text className="hint" data-field="handover">
                    已选择邮寄，寄往{view.handover.place}。
                  </Text>
                )}
                {can('chooseHandover') && !changing && (
                  <Text className="biz-link" data-link="changeHandover" {...tappable('link')} onClick={() => setChanging(true)}>
                    更改领取方式 ›
                  </Text>
                )}
              </Section>
            )}
            {can('chooseHandover') && (!view.handover || changing) && (
              <HandoverChoice view={view} reload={version} busy={busy === 'handover'} onChoose={chooseHandover} justBooked={params.appointment} />
            )}
            {view.originalsToBring && view.originalsToBring.length > 0 && (
              <Section title="领取时请携带以下材料原件">
                <View className="originals" data-field="originalsToBring">
                  {view.originalsToBring.map((name) => (
                    <Text key={name} className="originals__item">
                      · {name}
                    </Text>
                  ))}
                </View>
                <Text className="hint">民警将核对原件与您上传的照片。</Text>
              </Section>
            )}
            {(view.permit || view.moveOut) && <Migration view={view} />}

            <Section title={editable ? '上传材料照片' : '申请材料'}>
              {view.materialsPurgedAt && (
                <Text className="hint" data-field="materialsPurgedAt">
                  材料照片已于{view.materialsPurgedAt}按规定删除。
                </Text>
              )}
              {editable && <Text className="hint">请拍摄材料原件，四角完整、字迹清晰；每项最多3张，重新上传会替换原有照片。</Text>}
              {view.materials.map((m) => {
                const attached = m.photos.length > 0;
                return (
                  <View key={m.key} className="material" data-material={m.key} data-attached={attached ? 'yes' : 'no'} data-correction={m.correction ? 'yes' : 'no'}>
                    <View className="material__head">
                      <Text className="material__name">{m.name}</Text>
                      <Text className={`material__need ${attached ? 'material__need--done' : m.required ? 'material__need--missing' : ''}`}>
                        {attached ? `已上传${m.photos.length}张` : m.required ? '必传' : '选传'}
                      </Text>
                    </View>
                    {m.correction && (
                      <Text className="material__correction" data-field="correction">
                        需补正：{m.correction}
                      </Text>
                    )}
                    <Photos photos={m.photos} name={m.name} />
                    {editable && (
                      <Button
                        className="material__upload"
                        type={m.correction || (m.required && !attached) ? 'primary' : 'default'}
                        loading={busy === `upload:${m.key}`}
                        disabled={!!busy}
                        onClick={() => void upload(m.key)}
                      >
                        {attached ? '重新上传' : '上传照片'}
                      </Button>
                    )}
                  </View>
                );
              })}
            </Section>

            <Section title="申请信息">
              <SummaryRow label="办理业务">{view.kindName}</SummaryRow>
              <SummaryRow label="申请对象">{view.subjectNameMasked}</SummaryRow>
              <Declared details={view.details} />
              {view.reviewDue && (
                <SummaryRow label="审核期限" field="reviewDue">
                  <Text className={view.reviewDue.overdue ? 'deadline--overdue' : ''}>
                    {view.reviewDue.overdue ? '⚠ 已超期 ' : ''}
                    {view.reviewDue.dueAt}（含当日）
                  </Text>
                </SummaryRow>
              )}
              {view.correctionRounds > 0 && <SummaryRow label="补正次数">{view.correctionRounds}次</SummaryRow>}
            </Section>

            {(can('submit') || can('resubmit') || can('withdraw')) && (
              <View className="form-actions action-buttons">
                {can('submit') && (
                  <Button type="primary" loading={busy === 'submit'} disabled={!!busy} onClick={() => void submit('submit')}>
                    提交申请
                  </Button>
                )}
                {can('resubmit') && (
                  <Button type="primary" loading={busy === 'resubmit'} disabled={!!busy} onClick={() => void submit('resubmit')}>
                    补正后重新提交
                  </Button>
                )}
                {can('withdraw') && (
                  <Button disabled={!!busy} onClick={() => void withdraw()}>
                    撤回申请
                  </Button>
                )}
              </View>
            )}

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
