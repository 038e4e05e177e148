import { Text, View } from '@tarojs/components';
import { Section } from '../../../../components/Section';
import { Button } from '../../../../components/nutui';

/** Step 4 of a lost card: 挂失 first (the old card is void at once), or that it is done. */
export function ReportLoss({ reportedAt, busy, onReport }: { reportedAt: string; busy: boolean; onReport: () => void }) {
  return (
    <Section title="4. 挂失原证件">
      <Text className="loss-step__text">挂失后，原身份证立即作废，不能再使用；即使之后放弃补领申请，也不能恢复。找回的旧证请交回户政大厅。</Text>
      {reportedAt ? (
        <Text className="loss-step__done" data-loss="reported">
          ✓ 已挂失，原证件已作废
        </Text>
      ) : (
        <View className="form-actions">
          <Button type="primary" loading={busy} onClick={onReport}>
            确认挂失
          </Button>
        </View>
      )}
    </Section>
  );
}
