import { Text, View } from '@tarojs/components';
import { Section } from '../../../../components/Section';
import { tappable } from '../../../../components/tappable';

/** The archived photo: the citizen confirms their looks are unchanged. */
export function PhotoReuse({ number, agreed, onToggle }: { number: number; agreed: boolean; onToggle: () => void }) {
  return (
    <Section title={`${number}. 证件照片`}>
      <View className="reissue-apply__photo" data-field="photoReuse" {...tappable('checkbox', { checked: agreed })} onClick={onToggle}>
        <Text className={`reissue-apply__check ${agreed ? 'reissue-apply__check--on' : ''}`}>{agreed ? '✓' : ''}</Text>
        <Text>本人相貌与上次办证时相比无明显变化，同意使用存档照片制证。</Text>
      </View>
      <Text className="hint">相貌变化较大的，请预约到大厅重新采集照片。</Text>
    </Section>
  );
}
