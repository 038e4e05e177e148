import type { FamilyMemberView } from '../../../../../core/identity/views';
import { ActingForChips } from '../../../../components/ActingForChips';
import { Section } from '../../../../components/Section';

/** Step 1: the citizen or a family member they act for. */
export function ForWhom({ selfName, members, who, onChoose }: { selfName: string; members: readonly FamilyMemberView[]; who: string; onChoose: (who: string) => void }) {
  return (
    <Section title="1. 为谁申请">
      <ActingForChips selfName={selfName} members={members} value={who} onChange={onChoose} />
    </Section>
  );
}
