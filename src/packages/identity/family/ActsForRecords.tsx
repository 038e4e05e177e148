import { Text, View } from '@tarojs/components';
import { inShanghai } from '../../../../core/time/shanghai';
import { Section } from '../../../components/Section';
import { LoadState } from '../../../components/LoadState';
import { identityApi } from '../../../services/identityApi';
import { useRemote } from '../../../services/useRemote';

/** 代办记录: what the caller did for family members, as the audit log recorded it. */
export function ActsForRecords() {
  const acts = useRemote(() => identityApi.myActsFor(), 'my-acts-for');
  const entries = acts.data?.entries ?? [];
  return (
    <Section title="代办记录">
      <LoadState remote={acts}>
        {entries.length === 0 && <Text className="family__empty">还没有代办记录</Text>}
        {entries.map((e) => (
          <View key={e.id} className="family__act" data-act={e.action}>
            <Text className="family__name">
              {e.actionName} · {e.actedForName}
            </Text>
            <Text className="family__id">
              {inShanghai(e.at).format('YYYY年M月D日 HH:mm')}
              {e.hallName ? ` · ${e.hallName}` : ''}
            </Text>
          </View>
        ))}
      </LoadState>
    </Section>
  );
}
