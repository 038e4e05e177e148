import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import { LoadState } from '../../../components/LoadState';
import { tappable } from '../../../components/tappable';
import { bookingApi } from '../../../services/bookingApi';
import { guideApi } from '../../../services/guideApi';
import { useRemote } from '../../../services/useRemote';

export interface PickedSlot {
  business: string;
  businessTitle: string;
  slotId: string;
  label: string;
}

/** A business of the hall, a released date, then an open slot with places left (the hall's own, as online). */
/** `fixed`: the business of an appointment being moved (no business to choose). */
/** `onBusiness`: the business chosen (for telling its materials). */
export function SlotPicker({
  hallId,
  picked,
  onPick,
  fixed,
  onBusiness,
}: {
  hallId: string;
  picked?: PickedSlot;
  onPick: (s: PickedSlot) => void;
  fixed?: { id: string; title: string };
  onBusiness?: (b: { id: string; title: string }) => void;
}) {
  const hall = useRemote(() => guideApi.hall(hallId), hallId);
  const [chosen, setBusiness] = useState<{ id: string; title: string }>();
  const business = fixed ?? chosen;
  const [date, setDate] = useState('');
  const options = useRemote(async () => (business ? bookingApi.bookingOptions(business.id) : undefined), `${business?.id}`);
  const here = options.data?.halls.find((h) => h.id === hallId);
  const closed = new Set(here?.closedDates.map((c) => c.date) ?? []);
  const dates = here ? (options.data?.dates ?? []).filter((d) => !closed.has(d)) : [];
  const day = useRemote(async () => (business && date ? bookingApi.availability(hallId, business.id, date) : undefined), `${business?.id}:${date}`);
  return (
    <LoadState remote={hall}>
      {!fixed && <Text className="form-field__label">1. 办理事项</Text>}
      <View className="chips">
        {!fixed &&
          hall.data?.services.map((s) => (
            <Text
              key={s.id}
              className={`chip ${s.id === business?.id ? 'chip--on' : ''}`}
              data-business={s.id}
              {...tappable('button', { pressed: s.id === business?.id })}
              onClick={() => {
                setBusiness({ id: s.id, title: s.title });
                onBusiness?.({ id: s.id, title: s.title });
                setDate('');
              }}
            >
              {s.title}
            </Text>
          ))}
      </View>
      {business && options.data && !here && <Text className="assisted__text">本厅暂不提供该事项的预约。</Text>}
      {business && here && <Text className="form-field__label">{fixed ? '新的日期' : '2. 日期'}</Text>}
      {business && here && (
        <View className="chips">
          {dates.map((d) => (
            <Text key={d} className={`chip ${d === date ? 'chip--on' : ''}`} data-date={d} {...tappable('button', { pressed: d === date })} onClick={() => setDate(d)}>
              {d.slice(5)}
            </Text>
          ))}
        </View>
      )}
      {business && date && day.data && <Text className="form-field__label">{fixed ? '新的时段' : '3. 时段'}</Text>}
      {business && date && day.data && (
        <View className="assisted__slots">
          {day.data.slots.length === 0 && <Text className="assisted__text">{day.data.closedReason ?? '当日无可预约时段'}</Text>}
          {day.data.slots.map((s) => {
            const open = s.state === 'open' && s.remaining > 0;
            const on = picked?.slotId === s.slotId;
            return (
              <Text
                key={s.slotId}
                className={`chip ${on ? 'chip--on' : ''} ${open ? '' : 'chip--off'}`}
                data-slot={s.slotId}
                {...tappable('button', { pressed: on, disabled: !open })}
                onClick={() => open && onPick({ business: business.id, businessTitle: business.title, slotId: s.slotId, label: `${date} ${s.start}-${s.end}` })}
              >
                {`${s.start} 余${s.remaining}`}
              </Text>
            );
          })}
        </View>
      )}
    </LoadState>
  );
}
