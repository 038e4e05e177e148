import { useState } from 'react';
import { Input, Text, View } from '@tarojs/components';
import { Button } from '../../../components/nutui';
import { tappable } from '../../../components/tappable';
import { officersProblem } from '../../../../core/homeVisit/requestRules';
import { windowProblem, type VisitWindow } from '../../../../core/homeVisit/visitWindow';
import type { HomeVisitView } from '../homeVisitApi';

/** Today's date and the time now in Asia/Shanghai (the rules' clock), from the device's clock. */
function shanghaiNow(): { today: string; clock: string } {
  const t = new Date(Date.now() + 8 * 3600_000).toISOString();
  return { today: t.slice(0, 10), clock: t.slice(11, 16) };
}

const splitNames = (text: string) =>
  text
    .split(/[,，、\s]+/)
    .map((s) => s.trim())
    .filter(Boolean);

/**
 * The lead's form to assign (officers and a time) or move (a new time; officers optional) a visit.
 * Checked here with the rules the function applies (core/homeVisit), so what is wrong shows before sending.
 */
export function ArrangeForm({
  v,
  mode,
  busy,
  onSend,
  onClose,
}: {
  v: HomeVisitView;
  mode: 'assign' | 'reschedule';
  busy: boolean;
  onSend: (officers: string[] | undefined, w: VisitWindow) => void;
  onClose: () => void;
}) {
  const [officers, setOfficers] = useState(v.officers?.join('、') ?? '');
  const [date, setDate] = useState(v.window?.date ?? '');
  const [from, setFrom] = useState(v.window?.from ?? '09:00');
  const [to, setTo] = useState(v.window?.to ?? '11:00');
  const names = splitNames(officers);
  const now = shanghaiNow();
  const window = { date: date.trim(), from: from.trim(), to: to.trim() };
  const problem = (mode === 'assign' || names.length > 0 ? officersProblem(names) : undefined) ?? windowProblem(window, now.today, now.clock);
  return (
    <View className="hv__form" data-form={mode}>
      <Text className="hv__hint">{mode === 'assign' ? '指派上门民警（1至3名，用顿号分隔）和上门时间' : '新的上门时间（可同时更换民警）；改期后需群众重新确认'}</Text>
      <Input className="hv__input" data-field="officers" value={officers} placeholder="如：张警官、李警官" onInput={(e) => setOfficers(e.detail.value)} />
      <Input className="hv__input" data-field="date" value={date} maxlength={10} placeholder="日期 YYYY-MM-DD" onInput={(e) => setDate(e.detail.value)} />
      <View className="hv__buttons">
        <Input className="hv__input" data-field="from" value={from} maxlength={5} placeholder="开始 HH:mm" onInput={(e) => setFrom(e.detail.value)} />
        <Text className="hv__meta">至</Text>
        <Input className="hv__input" data-field="to" value={to} maxlength={5} placeholder="结束 HH:mm" onInput={(e) => setTo(e.detail.value)} />
      </View>
      {problem && <Text className="form-field__error">{problem}</Text>}
      <View className="hv__buttons">
        <Button type="primary" size="small" loading={busy} disabled={Boolean(problem)} onClick={() => onSend(names.length ? names : undefined, window)}>
          {mode === 'assign' ? '确定安排' : '确定改期'}
        </Button>
        <Text className="hv__link" {...tappable()} onClick={onClose}>
          取消
        </Text>
      </View>
    </View>
  );
}
