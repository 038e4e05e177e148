import Taro, { usePullDownRefresh, useRouter } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { LoadState } from '../../../components/LoadState';
import { Button } from '../../../components/nutui';
import { PageShell } from '../../../components/PageShell';
import { Section } from '../../../components/Section';
import { useRemote } from '../../../services/useRemote';
import { DrawSummary } from '../DrawSummary';
import { releaseApi } from '../releaseApi';
import '../release.scss';

/** 摇号放号: the hall-days released by draw instead of first click (a hall's, from the booking page, or every hall's). */
export default function ReleaseList() {
  const { params } = useRouter();
  const draws = useRemote(() => releaseApi.draws(params.hallId), `draws:${params.hallId ?? ''}`);
  usePullDownRefresh(() => {
    draws.reload();
    void Taro.stopPullDownRefresh();
  });
  const list = draws.data?.draws ?? [];
  return (
    <PageShell className="rl-list">
      <Text className="notice">热门日期的号源改为摇号放出：在申请时间内提交申请即可，与提交先后无关。申请截止后公开随机种子进行摇号，人人可复核；未中签的自动进入候补。</Text>
      <LoadState remote={draws}>
        <Section title="摇号放号的日期">
          {draws.data && list.length === 0 && <Text className="rl__empty">近期没有摇号放号的日期，可直接预约。</Text>}
          {list.map((d) => (
            <DrawSummary key={d.id} d={d} />
          ))}
        </Section>
      </LoadState>
      <View className="form-actions">
        <Button type="primary" onClick={() => void Taro.navigateTo({ url: '/packages/release/mine/index' })}>
          我的摇号申请
        </Button>
      </View>
    </PageShell>
  );
}
