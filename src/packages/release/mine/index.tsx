import { useState } from 'react';
import Taro, { usePullDownRefresh, useRouter } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { ActionError, type ShownError } from '../../../components/ActionError';
import { LoadState } from '../../../components/LoadState';
import { PageShell } from '../../../components/PageShell';
import { Section } from '../../../components/Section';
import { tappable } from '../../../components/tappable';
import { ApiError } from '../../../services/api';
import { useRemote } from '../../../services/useRemote';
import { STATE_LABEL, dayText, releaseApi, type ApplicationView } from '../releaseApi';
import '../release.scss';

function Item({ a, highlight, onDone }: { a: ApplicationView; highlight: boolean; onDone: () => void }) {
  const [error, setError] = useState<ShownError>();
  const withdraw = async () => {
    setError(undefined);
    try {
      await releaseApi.withdraw(a);
      onDone();
    } catch (e) {
      const err = e instanceof ApiError ? e : new ApiError('INTERNAL', '系统开小差了，请稍后再试');
      setError({ code: err.code, message: err.message });
    }
  };
  return (
    <View className={`rl__item ${highlight ? 'rl__highlight' : ''}`} data-ticket={a.ticket}>
      <View className="rl__head">
        <Text className="rl__title">{dayText(a.date)} 摇号申请</Text>
        <Text className="rl__phase">{STATE_LABEL[a.state]}</Text>
      </View>
      <Text className="rl__line">意向时段：{a.preferences.map((p) => p.start).join('、')}</Text>
      {a.groupName && (
        <Text className="rl__line">
          优先群体：{a.groupName}
          {a.groupDeclared ? '（本人申报，办理时核验）' : '（已核验）'}
        </Text>
      )}
      <Text className="rl__line">
        摇号编号：<Text className="rl__code">{a.ticket}</Text>
      </Text>
      {a.position !== undefined && <Text className="rl__line">摇号顺位：第 {a.position} 位</Text>}
      {a.slot && <Text className="rl__line">预约时段：{a.slot.start}，可在“我的预约”查看预约码</Text>}
      {a.state === 'waiting' && <Text className="rl__line">已进入该日候补，有人取消时将按摇号顺序通知。{a.reason ? '（因预约规则限制未能预约）' : ''}</Text>}
      <ActionError error={error} id={`rl-error-${a.ticket}`} />
      <View className="rl__links">
        {a.state === 'applied' && (
          <Text className="rl__link" data-action="withdraw" {...tappable('link')} onClick={() => void withdraw()}>
            撤回申请
          </Text>
        )}
        <Text
          className="rl__link"
          {...tappable('link')}
          onClick={() => void Taro.navigateTo({ url: `/packages/release/draw/index?hallId=${a.hallId}&date=${a.date}&ticket=${a.ticket}` })}
        >
          摇号公示
        </Text>
      </View>
    </View>
  );
}

/** 我的摇号申请: the caller's applications (and their family's), with their tickets, places in the order and results. */
export default function MyReleaseApplications() {
  const { params } = useRouter();
  const mine = useRemote(() => releaseApi.mine(), 'mine');
  usePullDownRefresh(() => {
    mine.reload();
    void Taro.stopPullDownRefresh();
  });
  const list = mine.data?.applications ?? [];
  return (
    <PageShell className="rl-mine">
      <LoadState remote={mine}>
        <Section title="我的摇号申请">
          {mine.data && list.length === 0 && <Text className="rl__empty">还没有摇号申请。</Text>}
          {list.map((a) => (
            <Item key={a.ticket} a={a} highlight={a.ticket === params.ticket} onDone={() => mine.reload()} />
          ))}
        </Section>
      </LoadState>
    </PageShell>
  );
}
