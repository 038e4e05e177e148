import { useState } from 'react';
import Taro, { useRouter } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { ActionError, type ShownError } from '../../../components/ActionError';
import { formatDate } from '../../../components/appointmentFormat';
import { Button } from '../../../components/nutui';
import { PageShell } from '../../../components/PageShell';
import { Section } from '../../../components/Section';
import { SummaryRow } from '../../../components/SummaryRow';
import { tappable } from '../../../components/tappable';
import { ApiError } from '../../../services/api';
import { familyMemberLabel } from '../../../components/familyMemberLabel';
import { guideApi } from '../../../services/guideApi';
import { identityApi } from '../../../services/identityApi';
import { useRemote } from '../../../services/useRemote';
import { askProgressSubscription } from '../../../services/reminderSubscription';
import { waitlistApi } from '../waitlistApi';
import '../../../components/Form.scss';
import '../waitlist.scss';

/** `?q=<hall>,<business>,<date>,<member>` (the booking page's link; member empty for oneself). */
function parseQuery(q = ''): { hallId: string; business: string; date: string; member: string } {
  const [hallId = '', business = '', date = '', member = ''] = decodeURIComponent(q).split(',');
  return { hallId, business, date, member };
}

async function loadNames(hallId: string, business: string, member: string) {
  const [guide, hall, family] = await Promise.all([guideApi.detail(business), guideApi.hall(hallId), member ? identityApi.familyMembers() : undefined]);
  const m = family?.members.find((f) => f.memberId === member);
  return { title: guide.title, hall: hall.name, who: member ? (m ? `${familyMemberLabel(m)}（代办）` : '家庭成员（代办）') : '本人' };
}

/**
 * 加入候补: opened from the booking page when the chosen day is full for the business (`?q=`,
 * parseQuery; the booking package carries only the link). Joining leads to 我的候补, where the entry and its place in
 * line show.
 */
export default function JoinWaitlist() {
  const { params } = useRouter();
  const [error, setError] = useState<ShownError>();
  const [busy, setBusy] = useState(false);
  const { hallId, business, date, member } = parseQuery(params.q);
  const names = useRemote(() => loadNames(hallId, business, member), `${business}:${hallId}:${member}`).data;
  // The hall's own hold time (its lead sets it); the rule reads without a number until it is known.
  const hold = useRemote(() => waitlistApi.hold(hallId), `hold:${hallId}`).data;

  const join = async () => {
    // The subscription (the notice when a place is offered) is asked inside the tap, before anything is awaited.
    const subscribed = askProgressSubscription();
    setBusy(true);
    setError(undefined);
    try {
      await subscribed;
      // Joining twice is the same entry: no request id needed.
      const entry = await waitlistApi.join({ hallId, business, date, ...(member && { forMemberId: member }) });
      void Taro.redirectTo({ url: `/packages/waitlist/mine/index?id=${encodeURIComponent(entry.id)}&joined=1` });
    } catch (e) {
      const err = e instanceof ApiError ? e : new ApiError('INTERNAL', '系统开小差了，请稍后再试');
      setError({ code: err.code, message: err.message });
    } finally {
      setBusy(false);
    }
  };

  return (
    <PageShell className="wl-join">
      <Section title="候补信息">
        <SummaryRow label="事项">{names?.title ?? ''}</SummaryRow>
        <SummaryRow label="大厅">{names?.hall ?? ''}</SummaryRow>
        <SummaryRow label="日期" field="date">
          {date ? formatDate(date) : ''}
        </SummaryRow>
        <SummaryRow label="办理人" field="who">
          {names?.who ?? ''}
        </SummaryRow>
      </Section>
      <Section title="候补规则">
        <View className="wl__rules">
          <Text className="wl__rule">· 当日号源已约满。加入候补后，有人取消预约时，名额按加入的先后顺序提供给候补群众。</Text>
          <Text className="wl__rule" data-field="hold">
            · 名额提供给您后会为您保留{hold ? `${hold.holdMinutes}分钟` : '一段时间'}（最晚到该时段开始），请在“我的 › 我的候补”中点“接受”完成预约；超时未确认将顺延给下一位。
          </Text>
          <Text className="wl__rule">· 接受时与普通预约规则相同（同一事项只能有一个有效预约、多次失约暂停预约等）。</Text>
          <Text className="wl__rule">· 同一人最多同时候补3个日期或事项；加入候补不保证一定能约到，也可同时选择其他日期预约。</Text>
        </View>
      </Section>
      <View className="form-actions">
        <ActionError error={error} id="wl-join-error">
          {error?.code === 'WAITLIST_NOT_FULL' && (
            <Text className="wl__link" {...tappable('link')} onClick={() => void Taro.navigateBack()}>
              返回选择时段 ›
            </Text>
          )}
          {error?.code === 'ALREADY_BOOKED' && (
            <Text className="wl__link" {...tappable('link')} onClick={() => void Taro.navigateTo({ url: '/packages/booking/mine/index' })}>
              查看我的预约 ›
            </Text>
          )}
          {error?.code === 'WAITLIST_LIMIT' && (
            <Text className="wl__link" {...tappable('link')} onClick={() => void Taro.redirectTo({ url: '/packages/waitlist/mine/index' })}>
              查看我的候补 ›
            </Text>
          )}
        </ActionError>
        <Button type="primary" loading={busy} disabled={!hallId || !business || !date} onClick={join}>
          确认加入候补
        </Button>
        <Text className="form-actions__secondary" {...tappable()} onClick={() => void Taro.navigateBack()}>
          返回
        </Text>
      </View>
    </PageShell>
  );
}
