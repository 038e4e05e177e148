import type { ReactNode } from 'react';
import { Text, View } from '@tarojs/components';
import './SummaryRow.scss';

/** One labelled line of details: an appointment's, an application's. */
export function SummaryRow({ label, children, field }: { label: string; children: ReactNode; field?: string }) {
  return (
    <View className="summary-row">
      <Text className="summary-row__label">{label}</Text>
      <Text className="summary-row__value" data-field={field}>
        {children}
      </Text>
    </View>
  );
}
