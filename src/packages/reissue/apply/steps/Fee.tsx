import { Section } from '../../../../components/Section';
import type { FeeView } from '../../../../services/reissueApi';
import { FeeList } from '../../components/FeeList';

/** 费用, when the application costs something. */
export function Fee({ fee }: { fee?: FeeView }) {
  if (!fee) return null;
  return (
    <Section title="费用">
      <FeeList fee={fee} />
    </Section>
  );
}
