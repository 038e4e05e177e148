import { Text, View } from '@tarojs/components';
import { REASON_NAMES } from '../../../../../core/reissue/names';
import { Section } from '../../../../components/Section';
import type { ReissueReason } from '../../../../services/reissueApi';
import { tappable } from '../../../../components/tappable';

const REASONS: Array<{ key: ReissueReason; line: string }> = [
  { key: 'lost', line: '身份证丢失或被盗' },
  { key: 'damaged', line: '身份证损坏、无法辨认或无法读取' },
];

/** Step 2: lost (丢失补领) or damaged (损坏换领). */
export function Reason({ reason, onChoose }: { reason: ReissueReason; onChoose: (reason: ReissueReason) => void }) {
  return (
    <Section title="2. 补换原因">
      <View className="choice-list">
        {REASONS.map((r) => (
          <View
            key={r.key}
            className={`choice ${reason === r.key ? 'choice--on' : ''}`}
            data-reason={r.key}
            {...tappable('button', { pressed: reason === r.key })}
            onClick={() => onChoose(r.key)}
          >
            <Text className="choice__title">{REASON_NAMES[r.key]}</Text>
            <Text className="choice__line">{r.line}</Text>
          </View>
        ))}
      </View>
    </Section>
  );
}
