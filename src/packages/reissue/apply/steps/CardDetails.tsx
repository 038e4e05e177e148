import { Text } from '@tarojs/components';
import { Section } from '../../../../components/Section';
import { SummaryRow } from '../../../../components/SummaryRow';
import type { EligibilityView } from '../../../../services/reissueApi';

/** Step 3: whose card, masked as the registry has it, and the hall that takes the application. */
export function CardDetails({ eligibility, idMasked }: { eligibility: EligibilityView; idMasked?: string }) {
  return (
    <Section title="3. 证件信息">
      <SummaryRow label="姓名" field="subjectName">
        {eligibility.subjectNameMasked}
        {eligibility.forFamilyMember ? '（代办）' : '（本人）'}
      </SummaryRow>
      <SummaryRow label="身份证号" field="idNumber">
        {idMasked}
      </SummaryRow>
      <SummaryRow label="受理单位">{eligibility.hall?.name ?? '—'}</SummaryRow>
      <Text className="hint">证件信息以户籍登记为准，已做脱敏显示。</Text>
    </Section>
  );
}
