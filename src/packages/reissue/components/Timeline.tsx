import { Text, View } from '@tarojs/components';
import type { ReissueView } from '../../../services/reissueApi';
import './reissue.scss';

/** Every step of the application with its time and who did it, oldest first. */
export function Timeline({ steps }: { steps: ReissueView['timeline'] }) {
  return (
    <View className="timeline">
      {steps.map((t, i) => (
        <View key={`${t.at}-${i}`} className={`timeline__step ${i === steps.length - 1 ? 'timeline__step--last' : ''}`} data-event={t.event}>
          <View className="timeline__dot" />
          <Text className="timeline__title">
            {t.eventName} · {t.stateName}
          </Text>
          <Text className="timeline__meta">
            {t.atText} · {t.byName}
          </Text>
          {t.note && <Text className="timeline__note">{t.note}</Text>}
        </View>
      ))}
    </View>
  );
}

/** Tone of a state tag: finished, ended without a card, needing attention, or in progress. */
export function stateTone(state: string): string {
  if (['delivered', 'collected'].includes(state)) return 'done';
  if (['cancelled', 'rejected'].includes(state)) return 'ended';
  if (['returned'].includes(state)) return 'alert';
  return 'progress';
}

export function StateTag({ state, name }: { state: string; name: string }) {
  return (
    <Text className={`reissue-state reissue-state--${stateTone(state)}`} data-state-tag={state}>
      {name}
    </Text>
  );
}
