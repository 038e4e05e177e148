import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { tappable } from '../../components/tappable';
import { PHASE_LABEL, dayText, shanghaiTime, type DrawView } from './releaseApi';

/** One draw: hall, day, window, phase, groups; tapping it opens the public draw page. */
export function DrawSummary({ d, link = true }: { d: DrawView; link?: boolean }) {
  return (
    <View className="rl__item" data-draw={d.id}>
      <View className="rl__head">
        <Text className="rl__title">
          {d.hallName} {dayText(d.date)}
        </Text>
        <Text className={`rl__phase rl__phase--${d.phase}`}>{PHASE_LABEL[d.phase]}</Text>
      </View>
      <Text className="rl__line">
        申请时间：{shanghaiTime(d.opensAt)} 至 {shanghaiTime(d.closesAt)}
      </Text>
      {d.groups.length > 0 && <Text className="rl__line">优先群体（依次优先）：{d.groups.map((g) => g.name).join('、')}</Text>}
      {link && (
        <View className="rl__links">
          {(d.phase === 'open' || d.phase === 'upcoming') && (
            <Text className="rl__link" {...tappable('link')} onClick={() => void Taro.navigateTo({ url: `/packages/release/apply/index?hallId=${d.hallId}&date=${d.date}` })}>
              参加摇号
            </Text>
          )}
          <Text className="rl__link" {...tappable('link')} onClick={() => void Taro.navigateTo({ url: `/packages/release/draw/index?hallId=${d.hallId}&date=${d.date}` })}>
            {d.phase === 'done' ? '查看摇号结果' : '摇号公示'}
          </Text>
        </View>
      )}
    </View>
  );
}
