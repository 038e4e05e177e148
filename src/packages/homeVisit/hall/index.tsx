import { useState } from 'react';
import { Text, Textarea, View } from '@tarojs/components';
import { ActionError, type ShownError } from '../../../components/ActionError';
import { OfficerHallPage } from '../../../components/OfficerHallPage';
import { LoadState } from '../../../components/LoadState';
import { Button } from '../../../components/nutui';
import { Section } from '../../../components/Section';
import { tappable } from '../../../components/tappable';
import { HOME_VISIT_LIMITS, type HomeVisitState } from '../../../../core/homeVisit/homeVisitNames';
import { refusalProblem } from '../../../../core/homeVisit/requestRules';
import { ApiError } from '../../../services/api';
import { useRemote } from '../../../services/useRemote';
import { homeVisitApi, type HomeVisitView, type Stepped } from '../homeVisitApi';
import { VisitItem } from '../VisitItem';
import { ArrangeForm } from './ArrangeForm';
import '../../../components/Choice.scss';
import '../../../components/Form.scss';
import '../homeVisit.scss';

const told = (s: Stepped, what: string) => `${what}${s.notified ? '，群众已收到微信通知' : '；群众未订阅通知，请电话告知'}`;

/** The hall's steps on one visit: those the server offers this officer (a lead's only to a lead, done once the day has come). */
function HallSteps({ v, onDone }: { v: HomeVisitView; onDone: (note: string) => void }) {
  const [open, setOpen] = useState<'assign' | 'reschedule' | 'refuse' | ''>('');
  const [reason, setReason] = useState('');
  const [error, setError] = useState<ShownError>();
  const [busy, setBusy] = useState(false);
  const run = async (act: () => Promise<string>) => {
    setBusy(true);
    setError(undefined);
    try {
      onDone(await act());
    } catch (e) {
      const err = e instanceof ApiError ? e : new ApiError('INTERNAL', '系统开小差了，请稍后再试');
      setError({ code: err.code, message: err.message });
    } finally {
      setBusy(false);
    }
  };
  const allowed = v.actions;
  if (allowed.length === 0) return null;
  return (
    <>
      {open === 'assign' || open === 'reschedule' ? (
        <ArrangeForm
          v={v}
          mode={open}
          busy={busy}
          onClose={() => setOpen('')}
          onSend={(officers, window) =>
            void run(async () =>
              open === 'assign' ? told(await homeVisitApi.assign(v, officers ?? [], window), '已安排') : told(await homeVisitApi.reschedule(v, window, officers), '已改期'),
            )
          }
        />
      ) : open === 'refuse' ? (
        <View className="hv__form" data-form="refuse">
          <Textarea
            className="hv__text"
            data-field="reason"
            value={reason}
            maxlength={HOME_VISIT_LIMITS.refusal.max}
            placeholder="不予受理的原因（群众可见）"
            onInput={(e) => setReason(e.detail.value)}
          />
          <View className="hv__buttons">
            <Button
              type="primary"
              size="small"
              loading={busy}
              disabled={Boolean(refusalProblem(reason))}
              onClick={() => void run(async () => told(await homeVisitApi.refuse(v, reason), '已不予受理'))}
            >
              确定不予受理
            </Button>
            <Text className="hv__link" {...tappable()} onClick={() => setOpen('')}>
              取消
            </Text>
          </View>
        </View>
      ) : (
        <View className="hv__buttons">
          {allowed.includes('assign') && (
            <Text className="hv__link" data-action="assign" {...tappable()} onClick={() => setOpen('assign')}>
              指派民警与时间
            </Text>
          )}
          {allowed.includes('reschedule') && (
            <Text className="hv__link" data-action="reschedule" {...tappable()} onClick={() => setOpen('reschedule')}>
              改期
            </Text>
          )}
          {allowed.includes('complete') && (
            <Text className="hv__link" data-action="complete" {...tappable()} onClick={() => void run(async () => (await homeVisitApi.complete(v), '已标记办结'))}>
              已上门办结
            </Text>
          )}
          {allowed.includes('refuse') && (
            <Text className="hv__link" data-action="refuse" {...tappable()} onClick={() => setOpen('refuse')}>
              不予受理
            </Text>
          )}
        </View>
      )}
      <ActionError error={error} id={`hv-error-${v.id}`} />
    </>
  );
}

const TABS: Array<{ id: string; name: string; states: HomeVisitState[] }> = [
  { id: 'open', name: '进行中', states: ['requested', 'assigned', 'confirmed'] },
  { id: 'closed', name: '已结束', states: ['done', 'refused', 'cancelled'] },
];

function HallVisits({ hallId }: { hallId: string }) {
  const [tab, setTab] = useState(TABS[0]!);
  const [note, setNote] = useState('');
  const list = useRemote(() => homeVisitApi.hall(hallId, tab.states), `${hallId}:${tab.id}`);
  const done = (text: string) => {
    setNote(text);
    list.reload();
  };
  return (
    <>
      <View className="chips">
        {TABS.map((t) => (
          <Text key={t.id} className={`chip ${t.id === tab.id ? 'chip--on' : ''}`} data-tab={t.id} {...tappable('button', { pressed: t.id === tab.id })} onClick={() => setTab(t)}>
            {t.name}
          </Text>
        ))}
      </View>
      {note && <Text className="notice">{note}</Text>}
      <LoadState remote={list}>
        <Section title={tab.name}>
          {list.data && list.data.visits.length === 0 && <Text className="hv__empty">暂无。</Text>}
          {list.data?.visits.map((v) => (
            <VisitItem key={`${v.id}:${v.version}`} v={v}>
              <HallSteps v={v} onDone={done} />
            </VisitItem>
          ))}
        </Section>
      </LoadState>
    </>
  );
}

/** 上门服务安排: the hall's requests for home visits; its lead assigns, moves or refuses them, its officers mark them done. */
export default function HallHomeVisits() {
  return <OfficerHallPage className="hv-hall">{(hallId) => <HallVisits key={hallId} hallId={hallId} />}</OfficerHallPage>;
}
