import type { ReactNode } from 'react';
import { Text, View } from '@tarojs/components';
import { formatDate, formatInstant } from '../../components/appointmentFormat';
import type { WaitEntryView } from './waitlistApi';
import './waitlist.scss';

/** Where a waiting entry stands in its line, in words. */
function placeText(ahead: number): string {
  return ahead === 0 ? '您排在候补第1位' : `您前面还有 ${ahead} 人候补`;
}

/** One waiting-list entry: business and hall, the day, the state and what to do next, the place in line or the place held; then its steps. */
export function WaitItem({ e, highlight, children }: { e: WaitEntryView; highlight?: boolean; children?: ReactNode }) {
  return (
    <View className={`wl__item ${highlight ? 'wl__highlight' : ''}`} data-entry={e.id} data-state={e.state}>
      <View className="wl__head">
        <Text className="wl__title">
          {e.businessTitle} · {e.hallName}
        </Text>
        <Text className={`wl__state wl__state--${e.state}`} data-field="state">
          {e.stateName}
        </Text>
      </View>
      <Text className="wl__line" data-field="day">
        候补日期：{formatDate(e.date)}
      </Text>
      <Text className="wl__line">
        办理人：{e.subjectNameMasked}
        {e.forFamilyMember ? '（家人代办）' : ''}
      </Text>
      {e.state === 'waiting' && e.ahead !== undefined && (
        <Text className="wl__place" data-field="ahead">
          {placeText(e.ahead)}
        </Text>
      )}
      {e.offer && (
        <View className="wl__offer">
          <Text className="wl__when" data-field="offer">
            为您保留：{formatDate(e.date)} {e.offer.start} 时段
          </Text>
          <Text className="wl__line">请在 {formatInstant(e.offer.until)} 前确认</Text>
        </View>
      )}
      <Text className="wl__next" data-field="next-step">
        {e.nextStep}
      </Text>
      {children}
    </View>
  );
}
