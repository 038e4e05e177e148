import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { PageShell } from '../../components/PageShell';
import { Section } from '../../components/Section';
import { GuideList } from '../../components/GuideList';
import { LoadState } from '../../components/LoadState';
import { ElderModeSwitch } from '../../components/ElderModeSwitch';
import { guideApi } from '../../services/guideApi';
import { useRemote } from '../../services/useRemote';
import './index.scss';
import { heading, tappable } from '../../components/tappable';

interface Entry {
  key: string;
  title: string;
  note: string;
  icon: string;
  url: string;
}

const ENTRIES: Entry[] = [
  { key: 'guides', title: '办事指南', note: '材料 · 流程 · 收费', icon: '指', url: '/pages/guides/index' },
  { key: 'booking', title: '预约办理', note: '预约大厅窗口', icon: '约', url: '/packages/booking/book/index' },
  { key: 'reissue', title: '身份证补换领', note: '网上申请 邮寄到家', icon: '证', url: '/packages/reissue/apply/index' },
  { key: 'mine', title: '我的', note: '实名认证 · 办件进度', icon: '我', url: '/pages/mine/index' },
];

export default function Home() {
  const cross = useRemote(() => guideApi.list({ crossProvince: true }), 'cross');

  return (
    <PageShell className="home">
      <View className="home__hero">
        <Text className="home__title" {...heading(1)}>
          户政服务
        </Text>
        <Text className="home__subtitle">公安户政业务 · 指尖查询 · 预约办理</Text>
        <View className="home__search" hoverClass="home__search--pressed" {...tappable('link')} onClick={() => Taro.navigateTo({ url: '/pages/guides/index?focus=1' })}>
          <Text className="home__search-text">搜索事项，如：迁户口、补办身份证</Text>
        </View>
      </View>

      <View className="home__entries">
        {ENTRIES.map((e) => (
          <View key={e.key} className="home__entry" hoverClass="home__entry--pressed" data-entry={e.key} {...tappable('link')} onClick={() => Taro.navigateTo({ url: e.url })}>
            <Text className={`home__entry-icon home__entry-icon--${e.key}`}>{e.icon}</Text>
            <Text className="home__entry-title">{e.title}</Text>
            <Text className="home__entry-note">{e.note}</Text>
          </View>
        ))}
      </View>

      <Section
        title="跨省通办"
        extra={
          <Text className="home__more" {...tappable('link')} onClick={() => Taro.navigateTo({ url: '/pages/guides/index?cross=1' })}>
            全部 ›
          </Text>
        }
      >
        <Text className="home__hint">在迁入地或现居住地即可办理，不必两地跑。</Text>
      </Section>
      <LoadState remote={cross}>
        <GuideList guides={(cross.data?.guides ?? []).slice(0, 4)} />
      </LoadState>

      <Section title="服务大厅">
        <View className="home__row" hoverClass="home__row--pressed" {...tappable('link')} onClick={() => Taro.navigateTo({ url: '/pages/halls/index' })}>
          <Text>查看大厅地址、电话和办公时间（含节假日值班）</Text>
          <Text className="home__chevron">›</Text>
        </View>
      </Section>

      <Section title="长辈模式">
        <View className="home__row">
          <Text>放大字号，看得更清楚</Text>
          <ElderModeSwitch />
        </View>
      </Section>

      <Text className="home__footer">本服务由公安机关户政部门提供 · 紧急情况请拨打 110</Text>
    </PageShell>
  );
}
