import { Text, View } from '@tarojs/components';
import { Section } from '../../../../components/Section';
import type { BookingHall } from '../../../../services/bookingApi';
import type { AddressInput } from '../../../../services/reissueApi';
import { AddressForm } from '../../components/AddressForm';
import type { DeliveryKind } from '../applyState';
import { tappable } from '../../../../components/tappable';

/** How the new card comes: by mail to an address, or collected at one of the halls. */
export function Delivery(props: {
  number: number;
  delivery: DeliveryKind;
  address: AddressInput;
  halls: readonly BookingHall[];
  hallId: string;
  onDelivery: (delivery: DeliveryKind) => void;
  onAddress: (address: AddressInput) => void;
  onHall: (hallId: string) => void;
}) {
  const { number, delivery, address, halls, hallId, onDelivery, onAddress, onHall } = props;
  return (
    <Section title={`${number}. 领取方式`}>
      <View className="chips">
        <Text
          className={`chip ${delivery === 'mail' ? 'chip--on' : ''}`}
          data-delivery="mail"
          {...tappable('button', { pressed: delivery === 'mail' })}
          onClick={() => onDelivery('mail')}
        >
          邮寄到家
        </Text>
        <Text
          className={`chip ${delivery === 'hall' ? 'chip--on' : ''}`}
          data-delivery="hall"
          {...tappable('button', { pressed: delivery === 'hall' })}
          onClick={() => onDelivery('hall')}
        >
          大厅领取
        </Text>
      </View>
      {delivery === 'mail' && <AddressForm value={address} onChange={onAddress} />}
      {delivery === 'hall' && (
        <View className="choice-list" style={{ marginTop: '10px' }}>
          {halls.length === 0 && <Text className="hint">暂无可选的领取大厅，请选择邮寄到家。</Text>}
          {halls.map((h) => (
            <View
              key={h.id}
              className={`choice ${h.id === hallId ? 'choice--on' : ''}`}
              data-hall={h.id}
              {...tappable('button', { pressed: h.id === hallId })}
              onClick={() => onHall(h.id)}
            >
              <Text className="choice__title">{h.name}</Text>
              <Text className="choice__line">{h.address}</Text>
            </View>
          ))}
        </View>
      )}
    </Section>
  );
}
