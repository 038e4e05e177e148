import { ScrollView, Text, View } from '@tarojs/components';
import { LoadState } from '../../../components/LoadState';
import { dateParts } from '../../../components/appointmentFormat';
import { bookingApi, type HallWeek } from '../../../services/bookingApi';
import { useRemote } from '../../../services/useRemote';

/** Rows: every slot start any day has; cells: booked/capacity, or '—' where the hall is closed. */
function table(week: HallWeek) {
  const starts = [...new Set(week.days.flatMap((d) => d.slots.map((s) => s.start)))].sort();
  const rows = starts.map((start) => ({ start, cells: week.days.map((d) => d.slots.find((s) => s.start === start)) }));
  const totals = week.days.map((d) => d.slots.reduce((t, s) => ({ booked: t.booked + s.booked, capacity: t.capacity + s.capacity }), { booked: 0, capacity: 0 }));
  return { rows, totals };
}

function fill(booked: number, capacity: number): string {
  if (capacity === 0) return '';
  if (booked >= capacity) return 'week__cell--full';
  if (booked / capacity >= 0.8) return 'week__cell--high';
  return booked > 0 ? 'week__cell--some' : '';
}

/** The next 7 days' bookings per slot against capacity, to roster officers. */
export function WeekView({ hallId, version }: { hallId: string; version: number }) {
  const week = useRemote(() => bookingApi.hallWeek(hallId), `week:${hallId}:${version}`);
  const t = week.data && table(week.data);
  return (
    <LoadState remote={week}>
      {week.data && t && (
        <View className="week">
          <Text className="week__legend">已约 / 可约名额（已扣除现场号）</Text>
          <ScrollView scrollX className="week__scroll">
            <View className="week__table">
              <View className="week__row week__row--head">
                <Text className="week__cell week__cell--time">时段</Text>
                {week.data.days.map((d) => (
                  <View key={d.date} className="week__cell week__cell--day">
                    <Text className="week__day">{dateParts(d.date).day}</Text>
                    <Text className="week__weekday">{dateParts(d.date).weekday}</Text>
                  </View>
                ))}
              </View>
              {t.rows.map((r) => (
                <View key={r.start} className="week__row" data-start={r.start}>
                  <Text className="week__cell week__cell--time">{r.start}</Text>
                  {r.cells.map((c, i) => (
                    <Text key={i} className={`week__cell ${c ? fill(c.booked, c.capacity) : 'week__cell--closed'}`}>
                      {c ? `${c.booked}/${c.capacity}` : '—'}
                    </Text>
                  ))}
                </View>
              ))}
              <View className="week__row week__row--total">
                <Text className="week__cell week__cell--time">合计</Text>
                {t.totals.map((x, i) => (
                  <Text key={i} className="week__cell">
                    {x.capacity ? `${x.booked}/${x.capacity}` : '休'}
                  </Text>
                ))}
              </View>
            </View>
          </ScrollView>
          {t.rows.length === 0 && <Text className="day__empty">未来7天不办公</Text>}
        </View>
      )}
    </LoadState>
  );
}
