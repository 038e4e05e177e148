import { useEffect, useMemo, useState } from 'react';
import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import type { SlotView } from '../../../../core/booking/views';
import type { StatusView } from '../../../../core/identity/views';
import { LoadState } from '../../../components/LoadState';
import { Section } from '../../../components/Section';
import { Button } from '../../../components/nutui';
import { formatDate } from '../../../components/appointmentFormat';
import { ApiError } from '../../../services/api';
import { bookingApi, newRequestId, retryWithSameId } from '../../../services/bookingApi';
import { guideApi } from '../../../services/guideApi';
import { identityApi } from '../../../services/identityApi';
import { askReminderSubscription } from '../../../services/reminderSubscription';
import { useRemote } from '../../../services/useRemote';
import { Materials } from '../components/Materials';
import { SlotPicker } from '../components/SlotPicker';
import { SummaryRow } from '../../../components/SummaryRow';
import { ActingForChips, SELF } from '../../../components/ActingForChips';
import { familyMemberLabel } from '../../../components/familyMemberLabel';
import { VerifyFirstToBook } from '../components/VerifyFirstToBook';
import { ActionError } from '../components/ActionError';
import '../../../components/Form.scss';
import './index.scss';
import { tappable } from '../../../components/tappable';

/** Answers after which the chosen slot is no longer worth trying: choose again. */
const CHOOSE_AGAIN = ['SLOT_FULL', 'SLOT_NOT_OPEN', 'SLOT_NOT_FOUND'];

async function loadOptions(business: string) {
  const [guide, options, family] = await Promise.all([guideApi.detail(business), bookingApi.bookingOptions(business), identityApi.familyMembers()]);
  return { guide, options, members: family.members };
}

/** Hall → date → slot → for whom, then the confirm step with the materials; reserve → ticket. */
export function BookingForm({
  business,
  profile,
  hall: wantedHall,
  forApplication,
}: {
  business: string;
  profile: NonNullable<StatusView['profile']>;
  hall?: string;
  /** Booked to collect the result of this business application (issue 15): the ticket leads back to it. */
  forApplication?: string;
}) {
  const loaded = useRemote(() => loadOptions(business), business);
  const [city, setCity] = useState('');
  const [hallId, setHallId] = useState('');
  const [date, setDate] = useState('');
  const [slot, setSlot] = useState<SlotView>();
  const [who, setWho] = useState(SELF);
  const [step, setStep] = useState<'choose' | 'confirm'>('choose');
  const [requestId, setRequestId] = useState('');
  const [reloadKey, setReloadKey] = useState(0);
  const [error, setError] = useState<ApiError>();
  const [busy, setBusy] = useState(false);

  // For a business application's handover only its handling hall will do: the only one offered.
  const data = useMemo(() => {
    const d = loaded.data;
    const only = forApplication ? d?.options.halls.filter((h) => h.id === wantedHall) : undefined;
    return d && only?.length ? { ...d, options: { ...d.options, halls: only } } : d;
  }, [loaded.data, forApplication, wantedHall]);
  // One hall: nothing to choose. The first date is preselected so slots show at once.
  // The citizen's own city first (from the place of registration); one hall: nothing to choose.
  // The first date is preselected so that slots show at once.
  const cities = [...new Set((data?.options.halls ?? []).map((h) => h.city))];
  useEffect(() => {
    if (!data) return;
    const names = [...new Set(data.options.halls.map((h) => h.city))];
    // `?hall=` (e.g. from a business application's handover): that hall, when it takes this business.
    const wanted = data.options.halls.find((h) => h.id === wantedHall);
    setCity((c) => c || wanted?.city || names.find((n) => profile.region?.includes(n)) || names[0] || '');
    if (wanted) setHallId((id) => id || wanted.id);
    else if (data.options.halls.length === 1) setHallId(data.options.halls[0].id);
    setDate((d) => d || data.options.dates[0] || '');
  }, [data, profile.region, wantedHall]);

  useEffect(() => {
    if (data) void Taro.setNavigationBarTitle({ title: `预约 · ${data.guide.title}` });
  }, [data]);

  const hall = data?.options.halls.find((h) => h.id === hallId);
  // A hall's closed days are shown closed in the strip; a closed day is never the chosen one.
  const closed = hall?.closedDates;
  useEffect(() => {
    if (!data || !closed?.some((c) => c.date === date)) return;
    setDate(data.options.dates.find((d) => !closed.some((c) => c.date === d)) ?? date);
  }, [data, closed, date]);
  const member = data?.members.find((m) => m.memberId === who);
  const whoText = member ? `${familyMemberLabel(member)}（代办）` : `${profile.nameMasked}（本人）`;

  const openConfirm = () => {
    setError(undefined);
    // One request id per intention: a retry of this confirmation reuses it.
    setRequestId(newRequestId());
    setStep('confirm');
  };

  const confirm = async () => {
    if (!hall || !slot) return;
    setError(undefined);
    setBusy(true);
    await askReminderSubscription();
    try {
      const appointment = await bookingApi.reserve({ hallId: hall.id, business, slotId: slot.slotId, forMemberId: member?.memberId }, requestId);
      void Taro.redirectTo({ url: `/packages/booking/ticket/index?id=${appointment.id}${forApplication ? `&application=${encodeURIComponent(forApplication)}` : ''}` });
    } catch (e) {
      const err = e instanceof ApiError ? e : new ApiError('INTERNAL', '预约失败，请重试');
      setError(err);
      // A final answer: tapping again is a new attempt (e.g. after cancelling the other booking).
      if (!retryWithSameId(err)) setRequestId(newRequestId());
      if (CHOOSE_AGAIN.includes(err.code)) {
        setSlot(undefined);
        setReloadKey((n) => n + 1);
        setStep('choose');
      }
    } finally {
      setBusy(false);
    }
  };

  if (error?.code === 'NOT_VERIFIED') return <VerifyFirstToBook />;

  return (
    <LoadState remote={loaded}>
      {data && !data.guide.bookable && <Text className="notice notice--error">该事项不需要预约，请按办事指南直接前往大厅办理。</Text>}
      {data && data.guide.bookable && data.options.halls.length === 0 && <Text className="notice notice--error">该事项暂无可预约的大厅，请查看办事指南中的办理地点。</Text>}

      {data && data.options.halls.length > 0 && step === 'choose' && (
        <>
          <View className="book__head">
            <Text className="book__business">{data.guide.title}</Text>
            <Text className="book__hint">{forApplication ? '领取户口业务办理结果：到受理申请的大厅，选择日期和时段' : '选择大厅、日期和时段'}</Text>
          </View>

          <Section title="1. 选择大厅">
            {cities.length > 1 && (
              <View className="chips book__cities">
                {cities.map((c) => (
                  <Text
                    key={c}
                    className={`chip ${c === city ? 'chip--on' : ''}`}
                    data-city={c}
                    {...tappable('button', { pressed: c === city })}
                    onClick={() => {
                      setCity(c);
                      setHallId('');
                      setSlot(undefined);
                    }}
                  >
                    {c}
                  </Text>
                ))}
              </View>
            )}
            <View className="choice-list">
              {data.options.halls
                .filter((h) => cities.length <= 1 || h.city === city)
                .map((h) => (
                  <View
                    key={h.id}
                    className={`choice ${h.id === hallId ? 'choice--on' : ''}`}
                    data-hall={h.id}
                    {...tappable('button', { pressed: h.id === hallId })}
                    onClick={() => {
                      setHallId(h.id);
                      setSlot(undefined);
                    }}
                  >
                    <Text className="choice__title">{h.name}</Text>
                    <Text className="choice__line">{h.address}</Text>
                  </View>
                ))}
            </View>
          </Section>

          {hallId && (
            <Section title="2. 选择日期和时段">
              {data.options.dates.length === 0 ? (
                <Text className="picker-hint">暂无可预约的日期，请稍后再来。</Text>
              ) : (
                <SlotPicker
                  hallId={hallId}
                  business={business}
                  dates={data.options.dates}
                  date={date}
                  closed={closed}
                  onDate={(d) => {
                    setDate(d);
                    setSlot(undefined);
                  }}
                  slotId={slot?.slotId}
                  onSlot={setSlot}
                  reloadKey={reloadKey}
                  waitFor={member?.memberId ?? ''}
                />
              )}
            </Section>
          )}

          {hallId && (
            <Section title="3. 为谁预约">
              <ActingForChips selfName={profile.nameMasked} members={data.members} value={who} onChange={setWho} />
              {data.members.length === 0 && <Text className="picker-hint">可在“我的 › 家庭成员代办”添加子女或父母后为其预约。</Text>}
            </Section>
          )}

          <View className="form-actions">
            <ActionError error={error} id="book-error" />
            <Button type="primary" disabled={!hall || !slot} onClick={openConfirm}>
              {slot ? `下一步：确认 ${slot.start}–${slot.end}` : '请选择时段'}
            </Button>
          </View>
        </>
      )}

      {data && hall && slot && step === 'confirm' && (
        <>
          <Section title="确认预约信息">
            <SummaryRow label="事项">{data.guide.title}</SummaryRow>
            <SummaryRow label="大厅">{hall.name}</SummaryRow>
            <SummaryRow label="地址">{hall.address}</SummaryRow>
            <SummaryRow label="时间" field="when">
              {formatDate(date)} {slot.start}–{slot.end}
            </SummaryRow>
            <SummaryRow label="办理人" field="who">
              {whoText}
            </SummaryRow>
          </Section>
          <Materials materials={data.guide.materials} title="请带齐材料" />
          <Text className="notice">请按预约时间前往，签到时出示预约码。未到且未取消的预约会计入失约记录，多次失约将暂停预约。</Text>
          <View className="form-actions">
            <ActionError error={error} id="book-error">
              {error?.code === 'ALREADY_BOOKED' && (
                <Text className="book__error-link" {...tappable('link')} onClick={() => Taro.navigateTo({ url: '/packages/booking/mine/index' })}>
                  查看我的预约 ›
                </Text>
              )}
            </ActionError>
            <Button type="primary" loading={busy} onClick={confirm}>
              确认预约
            </Button>
            <Text
              className="form-actions__secondary"
              {...tappable()}
              onClick={() => {
                setError(undefined);
                setStep('choose');
              }}
            >
              返回修改
            </Text>
          </View>
        </>
      )}
    </LoadState>
  );
}
