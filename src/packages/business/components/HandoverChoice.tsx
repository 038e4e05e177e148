import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { BUSINESSES } from '../../../../core/business/kinds';
import { Section } from '../../../components/Section';
import { Button } from '../../../components/nutui';
import { tappable } from '../../../components/tappable';
import { bookingApi } from '../../../services/bookingApi';
import type { AddressInput } from '../../../services/reissueApi';
import type { BusinessView, Handover } from '../../../services/businessApi';
import { useRemote } from '../../../services/useRemote';
import { AddressForm, EMPTY_ADDRESS } from '../../reissue/components/AddressForm';
import '../../../components/Choice.scss';
import '../../../components/Form.scss';
import './business.scss';

/** Pages of myAppointments read to find the ones for this handover (newest first). */
const PAGES = 3;

async function bookedFor(view: BusinessView) {
  const business = BUSINESSES[view.kind].guideId;
  const found = [];
  let cursor: string | undefined;
  for (let i = 0; i < PAGES; i++) {
    const page = await bookingApi.myAppointments(cursor);
    found.push(...page.appointments.filter((a) => a.hallId === view.hallId && a.business === business && a.status === 'booked'));
    if (!page.next) break;
    cursor = page.next;
  }
  return found;
}

/** The same checks `chooseHandover` makes (core/reissue/actions/address.ts), to enable the button. */
const addressReady = (a: AddressInput) =>
  Boolean(a.provinceCode && a.cityCode && a.districtCode) && a.detail.trim().length >= 4 && a.recipient.trim().length >= 2 && /^1\d{10}$/.test(a.phone);

/**
 * 领取方式: at the hall that handled the application, with one of the citizen's booked
 * appointments there for this business (a link books one), or by mail to an address.
 */
export function HandoverChoice({
  view,
  reload,
  busy,
  onChoose,
  justBooked,
}: {
  view: BusinessView;
  reload: number;
  busy: boolean;
  onChoose: (h: Handover) => void;
  /** The appointment the citizen just booked from here (back from its ticket): chosen already. */
  justBooked?: string;
}) {
  const [kind, setKind] = useState<'hall' | 'mail' | undefined>(justBooked ? 'hall' : undefined);
  const [appointmentId, setAppointmentId] = useState(justBooked ?? '');
  const [address, setAddress] = useState<AddressInput>(EMPTY_ADDRESS);
  const booked = useRemote(() => (kind === 'hall' ? bookedFor(view) : Promise.resolve([])), `handover:${view.id}:${kind ?? ''}:${reload}`);
  // The ticket of the new appointment leads back here with it chosen (application=…).
  const book = () =>
    Taro.navigateTo({ url: `/packages/booking/book/index?business=${BUSINESSES[view.kind].guideId}&hall=${view.hallId}&application=${encodeURIComponent(view.id)}` });

  return (
    <Section title="选择领取方式">
      <View className="chips" data-field="handoverKind">
        {(
          [
            ['hall', '到大厅领取'],
            ['mail', '邮寄'],
          ] as const
        ).map(([k, name]) => (
          <Text key={k} className={`chip ${kind === k ? 'chip--on' : ''}`} data-handover={k} {...tappable('button', { pressed: kind === k })} onClick={() => setKind(k)}>
            {name}
          </Text>
        ))}
      </View>
      {kind === 'hall' && (
        <View className="handover-hall">
          <Text className="hint">到受理本申请的大厅领取，须先预约该大厅本业务的时段；请选择您的预约：</Text>
          {booked.loading && <Text className="hint">正在查询您的预约…</Text>}
          {booked.data?.length === 0 && (
            <Text className="hint" data-field="noAppointment">
              您还没有该大厅本业务的预约。
            </Text>
          )}
          <View className="choice-list">
            {booked.data?.map((a) => (
              <Text
                key={a.id}
                className={`choice ${a.id === appointmentId ? 'choice--on' : ''}`}
                data-appointment={a.id}
                {...tappable('button', { pressed: a.id === appointmentId })}
                onClick={() => setAppointmentId(a.id)}
              >
                {a.date} {a.start}-{a.end} · {a.hallName}
              </Text>
            ))}
          </View>
          <Text className="biz-link" data-link="bookHandover" {...tappable('link')} onClick={() => void book()}>
            预约到大厅领取 ›
          </Text>
          <View className="form-actions">
            <Button type="primary" loading={busy} disabled={busy || !booked.data?.some((a) => a.id === appointmentId)} onClick={() => onChoose({ kind: 'hall', appointmentId })}>
              确认到大厅领取
            </Button>
          </View>
        </View>
      )}
      {kind === 'mail' && (
        <View className="handover-mail">
          <AddressForm value={address} onChange={setAddress} />
          <View className="form-actions">
            <Button
              type="primary"
              loading={busy}
              disabled={busy || !addressReady(address)}
              onClick={() => onChoose({ kind: 'mail', address: { ...address, detail: address.detail.trim(), recipient: address.recipient.trim() } })}
            >
              确认邮寄
            </Button>
          </View>
        </View>
      )}
    </Section>
  );
}
