import { useEffect, useState } from 'react';
import { Input, Text, View } from '@tarojs/components';
import { ActionError, type ShownError } from '../../../components/ActionError';
import { LoadState } from '../../../components/LoadState';
import { Section } from '../../../components/Section';
import { tappable } from '../../../components/tappable';
import { Button } from '../../../components/nutui';
import type { DutyDayFields } from '../../../../core/hallDuty/DutyDay';
import { ApiError } from '../../../services/api';
import { hallAdminApi } from '../../../services/hallAdminApi';
import { useRemote } from '../../../services/useRemote';

interface Row {
  window: string;
  officer: string;
  business: string;
}

const rowsOf = (d?: DutyDayFields): Row[] =>
  d?.windows.length ? d.windows.map((w) => ({ window: String(w.window), officer: w.officer, business: w.business ?? '' })) : [{ window: '1', officer: '', business: '' }];

/** A hall's duty roster: the next 14 days, and the board of one day (windows, officers' display names, duty phone). */
export function DutyPanel({ hallId }: { hallId: string }) {
  const remote = useRemote(() => hallAdminApi.roster(hallId), `roster:${hallId}`);
  const [date, setDate] = useState('');
  const [phone, setPhone] = useState('');
  const [note, setNote] = useState('');
  const [rows, setRows] = useState<Row[]>(rowsOf());
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ShownError>();
  const [done, setDone] = useState('');
  const data = remote.data;
  const choose = (d: string) => {
    const day = data?.days.find((x) => x.date === d);
    setDate(d);
    setPhone(day?.phone ?? data?.hallPhone ?? '');
    setNote(day?.note ?? '');
    setRows(rowsOf(day));
  };
  useEffect(() => {
    if (data && !date) choose(data.from);
  }, [data]); // eslint-disable-line react-hooks/exhaustive-deps
  const setRow = (i: number, patch: Partial<Row>) => setRows((r) => r.map((x, j) => (j === i ? { ...x, ...patch } : x)));

  const run = async (act: () => Promise<unknown>, message: string) => {
    setBusy(true);
    setError(undefined);
    setDone('');
    try {
      await act();
      setDone(message);
      remote.reload();
    } catch (e) {
      setError(e instanceof ApiError ? e : { code: 'INTERNAL', message: '保存失败，请稍后再试' });
    } finally {
      setBusy(false);
    }
  };
  const windows = rows
    .filter((r) => r.officer.trim())
    .map((r) => ({ window: Number(r.window) || 0, officer: r.officer.trim(), ...(r.business.trim() ? { business: r.business.trim() } : {}) }));
  const save = () =>
    run(() => hallAdminApi.saveDutyDay(hallId, { date, phone: phone.trim(), windows, ...(note.trim() ? { note: note.trim() } : {}) }), '已保存，群众可在大厅页面查看');

  return (
    <LoadState remote={remote}>
      {data && (
        <>
          <Section title={`${data.from} 至 ${data.to} 的值班`}>
            {data.days.length === 0 && <Text className="ha__empty">暂无值班安排</Text>}
            {data.days.map((d) => (
              <View key={d.date} className="ha__item" data-duty={d.date} {...tappable()} onClick={() => choose(d.date)}>
                <Text className="ha__item-title">
                  {d.date} 值班电话 {d.phone}
                </Text>
                <Text className="ha__item-sub">{d.windows.map((w) => `${w.window}号窗口 ${w.officer}${w.business ? `（${w.business}）` : ''}`).join('、') || '未安排窗口'}</Text>
              </View>
            ))}
          </Section>
          <Section title="编辑某日值班">
            <View className="ha__row">
              <Text>日期</Text>
              <Input
                className="ha__pick"
                data-field="date"
                value={date}
                maxlength={10}
                placeholder="值班日期，如2027-02-08"
                onInput={(e) => (e.detail.value.length === 10 ? choose(e.detail.value) : setDate(e.detail.value))}
              />
            </View>
            <View className="form-field">
              <Text className="form-field__label">值班电话</Text>
              <Input className="form-field__input" data-field="phone" value={phone} maxlength={13} placeholder="区号-号码或手机号" onInput={(e) => setPhone(e.detail.value)} />
            </View>
            {rows.map((r, i) => (
              <View key={i} className="ha__row" data-window-row={i}>
                <Input className="ha__pick" type="number" value={r.window} maxlength={2} placeholder="窗口" onInput={(e) => setRow(i, { window: e.detail.value })} />
                <Input className="ha__pick" value={r.officer} maxlength={12} placeholder="民警称呼，如李警官" onInput={(e) => setRow(i, { officer: e.detail.value })} />
                <Input className="ha__pick" value={r.business} maxlength={20} placeholder="办理事项" onInput={(e) => setRow(i, { business: e.detail.value })} />
              </View>
            ))}
            <Text
              className="link ha__add"
              data-action="add-window"
              {...tappable()}
              onClick={() => setRows([...rows, { window: String(rows.length + 1), officer: '', business: '' }])}
            >
              + 添加窗口
            </Text>
            <View className="form-field">
              <Text className="form-field__label">备注（群众可见）</Text>
              <Input className="form-field__input" value={note} maxlength={60} placeholder="如：午间不休" onInput={(e) => setNote(e.detail.value)} />
            </View>
            <ActionError error={error} id="duty-error" />
            {done && <Text className="notice">{done}</Text>}
            <View className="form-actions">
              <Button type="primary" loading={busy} disabled={!date || !phone.trim()} onClick={() => void save()}>
                保存值班
              </Button>
              {data.days.some((d) => d.date === date) && (
                <Text
                  className="form-actions__secondary"
                  data-action="delete-day"
                  {...tappable()}
                  onClick={() => void run(() => hallAdminApi.deleteDutyDay(hallId, date), '已删除')}
                >
                  删除该日值班
                </Text>
              )}
            </View>
          </Section>
        </>
      )}
    </LoadState>
  );
}
