import { Text, View } from '@tarojs/components';
import type { BusinessView } from '../../../services/businessApi';
import './business.scss';

/** What happened to the application, oldest first: when, what, by whom, and the note when there is one. */
export function History({ history }: { history: BusinessView['history'] }) {
  return (
    <View className="history">
      {history.map((h, i) => (
        <View key={`${h.at}-${i}`} className="history__item" data-history={h.event}>
          <Text className="history__at">
            {h.at} · {h.by}
          </Text>
          <Text className="history__what">
            {h.event}
            {h.note ? `：${h.note}` : ''}
          </Text>
        </View>
      ))}
    </View>
  );
}
