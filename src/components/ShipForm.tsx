import { Input, Text, View } from '@tarojs/components';
import { COURIER_CHOICES, courierName } from '../../core/reissue/names';
import { Button } from './nutui';
import { Section } from './Section';
import './Choice.scss';
import './Form.scss';
import { tappable } from './tappable';

/**
 * The officer's ship form: the courier (chips) and the waybill number, a confirm button and 取消.
 * The page holds the values and decides when the number is good enough to send (`ready`).
 */
export function ShipForm({
  title,
  courier,
  onCourier,
  trackingNumber,
  onTrackingNumber,
  ready,
  busy,
  confirmText,
  onConfirm,
  onCancel,
}: {
  title: string;
  courier: string;
  onCourier: (code: string) => void;
  trackingNumber: string;
  onTrackingNumber: (value: string) => void;
  ready: boolean;
  busy: boolean;
  confirmText: string;
  onConfirm: () => void;
  onCancel: () => void;
}) {
  return (
    <Section title={title}>
      <Text className="form-field__label">快递公司</Text>
      <View className="chips">
        {COURIER_CHOICES.map((code) => (
          <Text
            key={code}
            className={`chip ${courier === code ? 'chip--on' : ''}`}
            data-courier={code}
            {...tappable('button', { pressed: courier === code })}
            onClick={() => onCourier(code)}
          >
            {courierName(code)}
          </Text>
        ))}
      </View>
      <View className="form-field">
        <Text className="form-field__label">运单号</Text>
        <Input
          className="form-field__input"
          data-field="trackingNumber"
          value={trackingNumber}
          maxlength={40}
          placeholder="字母、数字，6-40位"
          onInput={(e) => onTrackingNumber(e.detail.value)}
        />
      </View>
      <View className="form-actions">
        <Button type="primary" loading={busy} disabled={!ready} onClick={onConfirm}>
          {confirmText}
        </Button>
        <Text className="form-actions__secondary" {...tappable()} onClick={onCancel}>
          取消
        </Text>
      </View>
    </Section>
  );
}
