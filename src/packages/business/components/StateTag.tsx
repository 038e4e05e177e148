import { Text } from '@tarojs/components';
import './business.scss';

/** How a state tag looks: finished well, ended without a result, needs the citizen, or in progress (colour only). */
function tone(state: string): string {
  if (['issued', 'completed', 'shipped', 'readyForHandover', 'permitIssued'].includes(state)) return 'done';
  if (['rejected', 'withdrawn', 'lapsed', 'permitExpired'].includes(state)) return 'ended';
  if (['correctionRequested', 'revoked'].includes(state)) return 'alert';
  return 'progress';
}

export function StateTag({ state, name }: { state: string; name: string }) {
  return (
    <Text className={`biz-state biz-state--${tone(state)}`} data-state-tag={state}>
      {name}
    </Text>
  );
}
