import { Text, View } from '@tarojs/components';
import type { BusinessView } from '../../../services/businessApi';

type Progress = BusinessView['progress'];

/** Every stage reached so far with its time, oldest first: the application's history. */
export function History({ progress }: { progress: Progress }) {
  const reached = progress.stages.filter((s) => s.atText);
  return (
    <View className="history">
      {reached.map((s) => (
        <View key={s.key} className="history__item" data-history={s.key}>
          <Text className="history__at">{s.atText}</Text>
          <Text className="history__what">
            {s.name}
            {s.detail ? `：${s.detail}` : ''}
          </Text>
        </View>
      ))}
    </View>
  );
}

/** Whether there is any history to show (a draft has none). */
export const hasHistory = (progress: Progress): boolean => progress.stages.some((s) => s.atText);
