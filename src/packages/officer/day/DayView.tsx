import { Text, View } from '@tarojs/components';
import { formatReferenceNumber } from '../../../../core/reference/referenceNumber';
import Taro from '@tarojs/taro';
import { tappable } from '../../../components/tappable';
import { LoadState } from '../../../components/LoadState';
import { Section } from '../../../components/Section';
import { StatusTag } from '../../../components/StatusTag';
import { formatDate } from '../../../components/appointmentFormat';
import { bookingApi, type HallDay } from '../../../services/bookingApi';
import { readWholeHallDay } from '../../../services/hallDayPages';
import { useRemote } from '../../../services/useRemote';

function totals(day: HallDay) {
  return day.byBusiness.reduce(
    (t, b) => ({ booked: t.booked + b.booked, checkedIn: t.checkedIn + b.checkedIn, noShow: t.noShow + b.noShow, cancelled: t.cancelled + b.cancelled }),
    { booked: 0, checkedIn: 0, noShow: 0, cancelled: 0 },
  );
}

/** Today's appointments of a hall by slot, with counts per business. */
export function DayView({ hallId, version }: { hallId: string; version: number }) {
  const day = useRemote(() => readWholeHallDay(bookingApi.hallDay, hallId), `day:${hallId}:${version}`);
  const d = day.data;
  const t = d && totals(d);
  return (
    <LoadState remote={day}>
      {d && t && (
        <>
          <View className="day__summary" data-date={d.date}>
            <Text className="day__date">{formatDate(d.date)}</Text>
            <View className="day__counts">
              <View className="day__count">
                <Text className="day__count-number" data-count="booked">
                  {t.booked}
                </Text>
                <Text className="day__count-label">待签到</Text>
              </View>
              <View className="day__count">
                <Text className="day__count-number day__count-number--done" data-count="checkedIn">
                  {t.checkedIn}
                </Text>
                <Text className="day__count-label">已签到</Text>
              </View>
              <View className="day__count">
                <Text className="day__count-number day__count-number--warn">{t.noShow}</Text>
                <Text className="day__count-label">未到</Text>
              </View>
              <View className="day__count">
                <Text className="day__count-number day__count-number--off">{t.cancelled}</Text>
                <Text className="day__count-label">已取消</Text>
              </View>
            </View>
          </View>

          <Section title="按事项">
            {d.byBusiness.length === 0 && <Text className="day__empty">今天还没有预约</Text>}
            {d.byBusiness.map((b) => (
              <View key={b.business} className="day__business" data-business={b.business}>
                <Text className="day__business-title">{b.title}</Text>
                <Text className="day__business-counts">
                  待签到 {b.booked} · 已签到 {b.checkedIn}
                  {b.noShow > 0 ? ` · 未到 ${b.noShow}` : ''}
                  {b.cancelled > 0 ? ` · 取消 ${b.cancelled}` : ''}
                </Text>
              </View>
            ))}
          </Section>

          {d.slots.map((s) => (
            <Section
              key={s.start}
              title={`${s.start}–${s.end}`}
              extra={<Text className="day__slot-count">{s.appointments.filter((a) => a.status !== 'cancelled').length} 人</Text>}
            >
              {s.appointments.map((a) => (
                <View key={a.id} className={`day__appointment day__appointment--${a.status}`} data-appointment={a.id} data-status={a.status}>
                  <View className="day__who">
                    <Text className="day__name">
                      {a.subjectNameMasked}
                      {a.forFamilyMember ? '（代办）' : ''}
                    </Text>
                    <Text className="day__what">{a.businessTitle}</Text>
                    {a.application && (
                      <Text
                        className="day__application"
                        data-application={a.application.id}
                        {...tappable('link')}
                        onClick={() => void Taro.navigateTo({ url: `/packages/business/case/index?id=${a.application!.id}` })}
                      >
                        随约办理：{a.application.kindName}
                        {a.application.refNumber ? ` · 办件编号 ${formatReferenceNumber(a.application.refNumber)}` : ''} · {a.application.stateName} ›
                      </Text>
                    )}
                  </View>
                  {a.queueNumber !== undefined && <Text className="day__queue">{a.queueNumber} 号</Text>}
                  <StatusTag appointment={a} />
                </View>
              ))}
            </Section>
          ))}
        </>
      )}
    </LoadState>
  );
}
