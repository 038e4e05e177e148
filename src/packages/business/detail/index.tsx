import { useRef, useState } from 'react';
import { Text, View } from '@tarojs/components';
import Taro, { useDidShow, useRouter } from '@tarojs/taro';
import { LoadState } from '../../../components/LoadState';
import { PageShell } from '../../../components/PageShell';
import { Section } from '../../../components/Section';
import { SummaryRow } from '../../../components/SummaryRow';
import { Button } from '../../../components/nutui';
import { ApiError } from '../../../services/api';
import { businessApi, type BusinessView } from '../../../services/businessApi';
import { useRemote } from '../../../services/useRemote';
import { Certificate } from '../components/Certificate';
import { Photos } from '../components/Photos';
import { StageBar } from '../../../components/StageBar';
import { hasHistory, History } from '../components/History';
import { StateTag } from '../components/StateTag';
import { cancelledPick, pickAndUpload } from '../components/photoUpload';
import '../../../components/Form.scss';
import '../components/business.scss';
import { heading } from '../../../components/tappable';

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
    </>
  );
}

/**
 * The citizen's application: the draft's materials checklist (upload photos per material, then
 * submit), the progress with deadlines, a correction the officer asked for (per material, with the
 * reason; re-upload and resubmit), withdrawal, and the issued certificate with its QR code. The
 * buttons are the view's `actions`.
 */
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
                <Certificate certificate={view.certificate} />
              </Section>
            )}

            <Section title="办理进度">
              <StageBar progress={view.progress} />
            </Section>

            <Section title={editable ? '上传材料照片' : '申请材料'}>
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
                    {view.reviewDue.dueAt}前
                  </Text>
                </SummaryRow>
              )}
              {view.correctionRounds > 0 && <SummaryRow label="补正次数">{view.correctionRounds}次</SummaryRow>}
            </Section>

            {(can('submit') || can('resubmit') || can('withdraw')) && (
              <View className="form-actions action-buttons">
                {can('submit') && (
                  <Button type="primary" loading={busy === 'submit'} disabled={!!busy} onClick={() => void run('submit', (v) => businessApi.submit(base(v)), '已提交')}>
                    提交申请
                  </Button>
                )}
                {can('resubmit') && (
                  <Button type="primary" loading={busy === 'resubmit'} disabled={!!busy} onClick={() => void run('resubmit', (v) => businessApi.resubmit(base(v)), '已重新提交')}>
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

            {hasHistory(view.progress) && (
              <Section title="办理记录">
                <History progress={view.progress} />
              </Section>
            )}
          </View>
        )}
      </LoadState>
    </PageShell>
  );
}
