import { useState } from 'react';
import { Input, Text, View } from '@tarojs/components';
import { ActionError, type ShownError } from '../../../components/ActionError';
import { LoadState } from '../../../components/LoadState';
import { Section } from '../../../components/Section';
import { tappable } from '../../../components/tappable';
import { Button } from '../../../components/nutui';
import { SPECIAL_KIND_NAMES } from '../../../../core/hallDuty/specialHoursRules';
import type { SpecialHours, SpecialKind } from '../../../../core/guide/Hall';
import { ApiError } from '../../../services/api';
import { hallAdminApi, type SpecialEntry } from '../../../services/hallAdminApi';
import { useRemote } from '../../../services/useRemote';

const KINDS = Object.keys(SPECIAL_KIND_NAMES) as SpecialKind[];
const today = () => new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
const blank = (): SpecialEntry => ({ from: today(), to: today(), kind: 'holidayDuty', label: '', sessions: [{ start: '09:00', end: '12:00' }] });
const sessionsText = (s: SpecialHours) => (s.sessions.length ? s.sessions.map((x) => `${x.start}-${x.end}`).join(' ') : '暂停办公');

/** A hall's special periods: the list (edit, delete) and the form of one. */
export function SpecialHoursPanel({ hallId }: { hallId: string }) {
  const remote = useRemote(() => hallAdminApi.hours(hallId), `hours:${hallId}`);
  const [form, setForm] = useState<SpecialEntry>(blank);
  const [replacing, setReplacing] = useState<string>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ShownError>();
  const [done, setDone] = useState('');
  const set = (patch: Partial<SpecialEntry>) => setForm((f) => ({ ...f, ...patch }));
  const setSession = (i: number, key: 'start' | 'end', value: string) => set({ sessions: form.sessions.map((s, j) => (j === i ? { ...s, [key]: value } : s)) });

  const run = async (act: () => Promise<unknown>, message: string) => {
    setBusy(true);
    setError(undefined);
    setDone('');
    try {
      await act();
      setForm(blank());
      setReplacing(undefined);
      setDone(message);
      remote.reload();
    } catch (e) {
      setError(e instanceof ApiError ? e : { code: 'INTERNAL', message: '保存失败，请稍后再试' });
    } finally {
      setBusy(false);
    }
  };
  const version = remote.data?.version ?? 0;
  const save = () =>
    run(() => hallAdminApi.saveSpecial(hallId, { ...form, sessions: form.kind === 'closed' ? [] : form.sessions }, version, replacing), '已保存，预约与大厅页面即时生效');
  const remove = (from: string) => run(() => hallAdminApi.deleteSpecial(hallId, from, version), '已删除');
  const edit = (s: SpecialHours) => {
    setReplacing(s.from);
    setForm({
      from: s.from,
      to: s.to,
      kind: s.kind ?? (s.sessions.length ? 'holidayDuty' : 'closed'),
      label: s.label,
      sessions: s.sessions.length ? s.sessions : [{ start: '09:00', end: '12:00' }],
    });
  };

  return (
    <LoadState remote={remote}>
      <Section title="已安排">
        {remote.data?.specialHours.length === 0 && <Text className="ha__empty">暂无特别安排，按常规办公时间办公</Text>}
        {remote.data?.specialHours.map((s) => (
          <View key={s.from} className="ha__item" data-special={s.from}>
            <Text className="ha__item-title">
              {s.label}
              {s.kind ? `（${SPECIAL_KIND_NAMES[s.kind]}）` : ''}
            </Text>
            <Text className="ha__item-sub">
              {s.from === s.to ? s.from : `${s.from} 至 ${s.to}`}：{sessionsText(s)}
            </Text>
            <View className="ha__links">
              <Text className="link" {...tappable()} onClick={() => edit(s)}>
                修改
              </Text>
              <Text className="link" data-action="delete" {...tappable()} onClick={() => void remove(s.from)}>
                删除
              </Text>
            </View>
          </View>
        ))}
      </Section>
      <Section title={replacing ? `修改 ${replacing} 起的安排` : '新增特别安排'}>
        <View className="chips">
          {KINDS.map((k) => (
            <Text
              key={k}
              className={`chip ${form.kind === k ? 'chip--on' : ''}`}
              data-kind={k}
              {...tappable('button', { pressed: form.kind === k })}
              onClick={() => set({ kind: k })}
            >
              {SPECIAL_KIND_NAMES[k]}
            </Text>
          ))}
        </View>
        <View className="ha__row">
          <Input className="ha__pick" data-field="from" value={form.from} maxlength={10} placeholder="开始日期，如2027-02-08" onInput={(e) => set({ from: e.detail.value })} />
          <Text>至</Text>
          <Input className="ha__pick" data-field="to" value={form.to} maxlength={10} placeholder="结束日期" onInput={(e) => set({ to: e.detail.value })} />
        </View>
        <View className="form-field">
          <Text className="form-field__label">向群众展示的说明</Text>
          <Input
            className="form-field__input"
            data-field="label"
            value={form.label}
            maxlength={40}
            placeholder="如：春节假期值班、周六延时服务"
            onInput={(e) => set({ label: e.detail.value })}
          />
        </View>
        {form.kind !== 'closed' &&
          form.sessions.map((s, i) => (
            <View key={i} className="ha__row" data-session={i}>
              <Input className="ha__pick" value={s.start} maxlength={5} placeholder="开始，如09:00" onInput={(e) => setSession(i, 'start', e.detail.value)} />
              <Text>-</Text>
              <Input className="ha__pick" value={s.end} maxlength={5} placeholder="结束，如12:00" onInput={(e) => setSession(i, 'end', e.detail.value)} />
              {form.sessions.length > 1 && (
                <Text className="link" {...tappable()} onClick={() => set({ sessions: form.sessions.filter((_, j) => j !== i) })}>
                  删除
                </Text>
              )}
            </View>
          ))}
        {form.kind !== 'closed' && form.sessions.length < 4 && (
          <Text className="link ha__add" data-action="add-session" {...tappable()} onClick={() => set({ sessions: [...form.sessions, { start: '14:00', end: '17:00' }] })}>
            + 添加时段
          </Text>
        )}
        <ActionError error={error} id="special-error" />
        {done && <Text className="notice">{done}</Text>}
        <View className="form-actions">
          <Button type="primary" loading={busy} disabled={form.label.trim().length < 2} onClick={() => void save()}>
            保存
          </Button>
          {replacing && (
            <Text className="form-actions__secondary" {...tappable()} onClick={() => (setReplacing(undefined), setForm(blank()))}>
              取消修改
            </Text>
          )}
        </View>
      </Section>
    </LoadState>
  );
}
