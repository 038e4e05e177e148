import { Text, View } from '@tarojs/components';
import { formatReferenceNumber } from '../../core/reference/referenceNumber';
import './RefNumber.scss';

/**
 * 预约号 / 办件编号, large and in two groups of four, for the citizen to read out at the window
 * when the QR code cannot be scanned. Appointments and applications made before numbers existed
 * have none: nothing is shown for them.
 */
export function RefNumber({ label, number, note, size = 'large' }: { label: '预约号' | '办件编号'; number?: string; note?: string; size?: 'large' | 'inline' }) {
  if (!number) return null;
  const shown = formatReferenceNumber(number);
  return (
    <View className={`ref-number ref-number--${size}`} data-ref-number={number}>
      <Text className="ref-number__label">{label}</Text>
      {/* Read digit by digit by screen readers: "4 8 2 7, 1 9 3 3". */}
      <Text className="ref-number__value" aria-label={`${label} ${shown.split('').join(' ')}`}>
        {shown}
      </Text>
      {note && <Text className="ref-number__note">{note}</Text>}
    </View>
  );
}
