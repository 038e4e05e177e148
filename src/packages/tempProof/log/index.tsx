import { Text, View } from '@tarojs/components';
import { Empty } from '../../../components/Empty';
import { LoadState } from '../../../components/LoadState';
import { PageShell } from '../../../components/PageShell';
import { Section } from '../../../components/Section';
import { useRemote } from '../../../services/useRemote';
import { tempProofApi } from '../tempProofApi';
import '../components/tempProof.scss';

/** 核验记录: every verification of the citizen's temporary proofs — when, by whom, what they were told. */
export default function TempProofLog() {
  const remote = useRemote(() => tempProofApi.verifications(), 'temp-proof-log');
  const checks = remote.data?.checks ?? [];
  return (
    <PageShell className="temp-proof-log">
      <LoadState remote={remote}>
        {remote.data && checks.length === 0 && <Empty title="暂无核验记录" description="考场、酒店、银行等核验您的电子临时身份证明后，会显示在这里。" />}
        {checks.length > 0 && (
          <Section title="核验记录">
            {checks.map((c, i) => (
              <View key={`${c.at}-${i}`} className="temp-proof__check" data-result={c.result}>
                <Text className="temp-proof__check-who">
                  {c.verifierKindName}
                  {c.verifierName ? ` · ${c.verifierName}` : ''}
                </Text>
                <Text className="temp-proof__check-when">
                  {c.atText} · 核验结果：{c.resultName}
                </Text>
                {c.note && (
                  <Text className="temp-proof__check-note" data-field="stale-code">
                    {c.note}
                  </Text>
                )}
              </View>
            ))}
          </Section>
        )}
      </LoadState>
    </PageShell>
  );
}
