import { Text, View } from '@tarojs/components';
import { useRouter } from '@tarojs/taro';
import { LoadState } from '../../../components/LoadState';
import { PageShell } from '../../../components/PageShell';
import { Section } from '../../../components/Section';
import { useRemote } from '../../../services/useRemote';
import { DrawSummary } from '../DrawSummary';
import { releaseApi } from '../releaseApi';
import '../release.scss';

/** 摇号公示: anyone sees the commitment, then the seed and the order of tickets, and how to check them. */
export default function PublicDraw() {
  const { params } = useRouter();
  const draw = useRemote(() => releaseApi.draw(params.hallId ?? '', params.date ?? ''), 'draw');
  const d = draw.data;
  const groupName = (id?: string) => d?.groups.find((g) => g.id === id)?.name;
  return (
    <PageShell className="rl-draw">
      <LoadState remote={draw}>
        {d && (
          <>
            <Section title="摇号信息">
              <DrawSummary d={d} link={false} />
            </Section>
            <Section title="随机种子承诺值（申请开始时公布）">
              <Text className="rl__code" data-field="commitment">
                {d.commitment}
              </Text>
            </Section>
            {d.seed === undefined ? (
              <Text className="notice">申请截止后公布随机种子并摇号。种子在申请开始前已生成并锁定，承诺值即其摘要，事后无法更改。</Text>
            ) : (
              <>
                <Section title="随机种子（摇号时公布）">
                  <Text className="rl__code" data-field="seed">
                    {d.seed}
                  </Text>
                </Section>
                <Section title={`摇号顺序（共 ${d.order?.length ?? 0} 份申请）`}>
                  {(d.order ?? []).map((o, i) => (
                    <View key={o.ticket} className={`rl__order ${o.ticket === params.ticket ? 'rl__order--mine' : ''}`} data-order={i + 1}>
                      <Text className="rl__line">第 {i + 1} 位</Text>
                      <Text className="rl__code">{o.ticket}</Text>
                      <Text className="rl__line">{groupName(o.group) ?? ''}</Text>
                    </View>
                  ))}
                </Section>
              </>
            )}
            <Section title="如何复核">
              <View className="rl__steps">
                <Text className="rl__line">1. 计算 SHA-256("hukou-fair-release-seed:" + 种子)，结果应与承诺值一致，证明种子未在申请后更改。</Text>
                <Text className="rl__line">2. 对每个摇号编号计算 SHA-256(种子 + ":" + 编号)；先按优先群体的先后分组，组内按该值从小到大排列，即得上面的顺序。</Text>
                <Text className="rl__line">3. 按此顺序依次为每份申请预约其意向时段中仍有号的第一个；没有号的按此顺序进入候补。</Text>
                <Text className="rl__line">摇号编号不含任何个人信息，本人可在“我的摇号申请”中查看自己的编号。</Text>
              </View>
            </Section>
          </>
        )}
      </LoadState>
    </PageShell>
  );
}
