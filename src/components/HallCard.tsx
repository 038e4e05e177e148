import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import type { HallSummaryView } from '../../core/guide/views';
import { formatSessions } from './format';
import './HallCard.scss';
import { tappable } from './tappable';

function status(today: HallSummaryView['today']): { text: string; tone: 'open' | 'closed' | 'later' } {
  if (today.sessions.length === 0) return { text: today.special ? `今日休息（${today.special}）` : '今日休息', tone: 'closed' };
  if (today.openNow) return { text: '办公中', tone: 'open' };
  return { text: '当前非办公时间', tone: 'later' };
}

/** A hall in a list: where, today's hours and whether it is open now. */
export function HallCard({ hall }: { hall: HallSummaryView }) {
  const s = status(hall.today);
  return (
    <View
      className="hall-card"
      hoverClass="hall-card--pressed"
      data-hall-id={hall.id}
      {...tappable('link')}
      onClick={() => Taro.navigateTo({ url: `/pages/hall/index?id=${hall.id}` })}
    >
      <View className="hall-card__head">
        <Text className="hall-card__name">{hall.name}</Text>
        <Text className={`hall-card__status hall-card__status--${s.tone}`}>{s.text}</Text>
      </View>
      <Text className="hall-card__line">{hall.address}</Text>
      <Text className="hall-card__line">
        今日 {formatSessions(hall.today.sessions)}
        {hall.today.special && hall.today.sessions.length > 0 ? `（${hall.today.special}）` : ''}
      </Text>
      <Text className="hall-card__line">电话 {hall.phone}</Text>
    </View>
  );
}
