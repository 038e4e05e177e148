import { useState } from 'react';
import { Input, Text, View } from '@tarojs/components';
import { ActionError, type ShownError } from '../../../components/ActionError';
import { formatDate } from '../../../components/appointmentFormat';
import { OfficerHallPage } from '../../../components/OfficerHallPage';
import { LoadState } from '../../../components/LoadState';
import { Button } from '../../../components/nutui';
import { Section } from '../../../components/Section';
import { HOLD_MINUTES, holdMinutesProblem } from '../../../../core/waitlist/holdTime';
import { ApiError } from '../../../services/api';
import { useRemote } from '../../../services/useRemote';
import { waitlistApi, type HallWaitlists } from '../waitlistApi';
import '../../../components/Form.scss';
import '../waitlist.scss';

/** The lead's one setting: how long an offered place is held. `onSaved` gets the minutes saved (the page says so and reads again). */
function HoldSetting({ view, onSaved }: { view: HallWaitlists; onSaved: (minutes: number) => void }) {
  const [typed, setTyped] = useState(String(view.holdMinutes));
  const [error, setError] = useState<ShownError>();
  const [busy, setBusy] = useState(false);
  const minutes = Number(typed);
  const problem = holdMinutesProblem(minutes);
  const save = async () => {
    setBusy(true);
    setError(undefined);
    try {
      const done = await waitlistApi.saveHold(view.hallId, minutes, view.version);
      onSaved(done.holdMinutes);
    } catch (e) {
      const err = e instanceof ApiError ? e : new ApiError('INTERNAL', '系统开小差了，请稍后再试');
      setError({ code: err.code, message: err.message });
    } finally {
      setBusy(false);
    }
  };
  return (
    <View className="wl__form" data-form="hold">
      <Text className="wl__rule">
        有人取消预约时，名额按顺序提供给候补群众并保留一段时间（{HOLD_MINUTES.min}至{HOLD_MINUTES.max}分钟，最晚到该时段开始），超时顺延给下一位。
      </Text>
      <View className="wl__buttons">
        <Input className="wl__input" data-field="hold-minutes" type="number" value={typed} maxlength={3} onInput={(e) => setTyped(e.detail.value)} />
        <Text className="wl__line">分钟</Text>
        <Button type="primary" size="small" loading={busy} disabled={Boolean(problem) || minutes === view.holdMinutes} onClick={() => void save()}>
          保存
        </Button>
      </View>
      {problem && typed !== '' && <Text className="wl__warn">{problem}</Text>}
      <ActionError error={error} id="wl-hold-error" />
    </View>
  );
}

function HallLines({ hallId }: { hallId: string }) {
  const [round, setRound] = useState(0);
  // Kept here, not in the form: the form starts afresh on the version the page reads again.
  const [saved, setSaved] = useState('');
  const view = useRemote(() => waitlistApi.hall(hallId), `${hallId}:${round}`);
  const data = view.data;
  return (
    <LoadState remote={view}>
      {data && (
        <>
          {saved && <Text className="notice">{saved}</Text>}
          <Section title="名额保留时长">
            {data.mayEdit ? (
              <HoldSetting
                key={data.version}
                view={data}
                onSaved={(minutes) => {
                  setSaved(`已保存：今后提供的候补名额保留${minutes}分钟`);
                  setRound((n) => n + 1);
                }}
              />
            ) : (
              <Text className="wl__line" data-field="hold">
                当前为{data.holdMinutes}分钟（由大厅负责人设置）。
              </Text>
            )}
          </Section>
          <Section title="今后两周的候补">
            {data.lines.length === 0 && <Text className="wl__empty">暂无群众候补。</Text>}
            {data.lines.map((l) => (
              <View key={`${l.date}:${l.business}`} className="wl__item" data-line={`${l.date}:${l.business}`}>
                <View className="wl__head">
                  <Text className="wl__title">
                    {formatDate(l.date)} · {l.businessTitle}
                  </Text>
                  <Text className="wl__state wl__state--waiting">{l.waiting}人候补</Text>
                </View>
                {l.offered > 0 && <Text className="wl__line">另有{l.offered}人已获名额、待确认</Text>}
              </View>
            ))}
            {data.more && <Text className="wl__line">候补人数较多，仅统计前1000位。</Text>}
            {data.lines.length > 0 && <Text className="wl__rule">候补人数多的日期，可考虑在“办公时间”中增加时段。</Text>}
          </Section>
        </>
      )}
    </LoadState>
  );
}

/** 候补情况: the hall's officers see who waits per day and business; its lead sets how long an offered place is held. */
export default function HallWaitlistsPage() {
  return <OfficerHallPage className="wl-hall">{(hallId) => <HallLines key={hallId} hallId={hallId} />}</OfficerHallPage>;
}
