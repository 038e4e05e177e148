import Taro, { usePullDownRefresh, useRouter } from '@tarojs/taro';
import { Text } from '@tarojs/components';
import { LoadState } from '../../../components/LoadState';
import { PageShell } from '../../../components/PageShell';
import { Section } from '../../../components/Section';
import { useRemote } from '../../../services/useRemote';
import { consultApi } from '../consultApi';
import { ConsultationItem } from '../ConsultationItem';
import '../consult.scss';

/** The citizen's own questions and the halls' answers (the subscribe message opens this page with ?id=). */
export default function MyConsultations() {
  const { params } = useRouter();
  const mine = useRemote(() => consultApi.mine(), 'mine');
  usePullDownRefresh(() => {
    mine.reload();
    void Taro.stopPullDownRefresh();
  });
  const list = mine.data?.consultations ?? [];
  return (
    <PageShell className="consult-mine">
      <LoadState remote={mine}>
        <Section title="我的咨询">
          {mine.data && list.length === 0 && <Text className="consult__empty">您还没有咨询过。可在办事指南或大厅页面点击“咨询”向大厅提问。</Text>}
          {list.map((c) => (
            <ConsultationItem key={c.id} c={c} highlight={c.id === params.id} />
          ))}
        </Section>
      </LoadState>
    </PageShell>
  );
}
