import { Text, View } from '@tarojs/components';
import type { FamilyMemberView } from '../../core/identity/views';
import { familyMemberLabel } from './familyMemberLabel';
import './Choice.scss';
import { tappable } from './tappable';

/** Who a booking or an application is for: the caller (`self`), or a family member they act for. */
export const SELF = 'self';

export function ActingForChips({ selfName, members, value, onChange }: { selfName: string; members: readonly FamilyMemberView[]; value: string; onChange: (who: string) => void }) {
  return (
    <View className="chips">
      <Text className={`chip ${value === SELF ? 'chip--on' : ''}`} data-who={SELF} {...tappable('button', { pressed: value === SELF })} onClick={() => onChange(SELF)}>
        本人 {selfName}
      </Text>
      {members.map((m) => (
        <Text
          key={m.memberId}
          className={`chip ${value === m.memberId ? 'chip--on' : ''}`}
          data-who={m.memberId}
          {...tappable('button', { pressed: value === m.memberId })}
          onClick={() => onChange(m.memberId)}
        >
          {familyMemberLabel(m)}
        </Text>
      ))}
    </View>
  );
}
