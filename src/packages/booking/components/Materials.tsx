import { Text, View } from '@tarojs/components';
import type { Material } from '../../../../core/guide/ServiceGuide';
import { formatCopies } from '../../../components/format';
import { Section } from '../../../components/Section';
import './booking.scss';

/** The guide's materials as a checklist to bring, so the citizen comes once (最多跑一次). */
export function Materials({ materials, title = '办理材料' }: { materials: readonly Material[]; title?: string }) {
  return (
    <Section title={title} id="materials">
      <Text className="materials__intro">请带齐以下材料，争取最多跑一次。</Text>
      {materials.map((m, i) => (
        <View key={i} className="material" data-material={m.name}>
          <View className="material__head">
            <Text className="material__name">
              {i + 1}. {m.name}
            </Text>
            <Text className={`material__need ${m.required ? '' : 'material__need--optional'}`}>{m.required ? '必需' : '视情况'}</Text>
          </View>
          <Text className="material__copies">{formatCopies(m)}</Text>
          {m.note && <Text className="material__note">{m.note}</Text>}
        </View>
      ))}
    </Section>
  );
}
