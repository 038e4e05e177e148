import { useEffect } from 'react';
import { Text, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { PageShell } from '../../components/PageShell';
import { Section } from '../../components/Section';
import { LoadState } from '../../components/LoadState';
import { formatDay, formatSessions } from '../../components/format';
import { guideApi } from '../../services/guideApi';
import { useRemote } from '../../services/useRemote';
import type { HallDetailView } from '../../../core/guide/views';
import { callHall, copyHallAddress, hallMapUrl, navigateToHall } from '../../components/hallActions';
import './index.scss';
import { heading, tappable } from '../../components/tappable';

function HallBody({ hall }: { hall: HallDetailView }) {
  const today = hall.today;
  return (
    <>
      <View className="hall__head">
        <Text className="hall__name" {...heading(1)}>
          {hall.name}
        </Text>
        <Text className="hall__status">
          {today.sessions.length === 0
            ? `今日休息${today.special ? `（${today.special}）` : ''}`
            : `${today.openNow ? '办公中' : '当前非办公时间'} · 今日 ${formatSessions(today.sessions)}${today.special ? `（${today.special}）` : ''}`}
        </Text>
        <View className="hall__actions">
          <View
            className="hall__action"
            hoverClass="hall__action--pressed"
            data-action="navigate"
            data-map-url={process.env.TARO_ENV === 'h5' ? hallMapUrl(hall) : undefined}
            {...tappable('link')}
            onClick={() => void navigateToHall(hall)}
          >
            <Text className="hall__action-text">导航</Text>
          </View>
          <View className="hall__action" hoverClass="hall__action--pressed" data-action="call" {...tappable()} onClick={() => void callHall(hall)}>
            <Text className="hall__action-text">拨打</Text>
          </View>
          <View className="hall__action" hoverClass="hall__action--pressed" data-action="copy" {...tappable()} onClick={() => void copyHallAddress(hall)}>
            <Text className="hall__action-text">复制地址</Text>
          </View>
          <View
            className="hall__action"
            hoverClass="hall__action--pressed"
            data-action="consult"
            {...tappable('link')}
            onClick={() => Taro.navigateTo({ url: `/packages/consult/ask/index?hallId=${hall.id}` })}
          >
            <Text className="hall__action-text">咨询</Text>
          </View>
        </View>
      </View>

      <Section title="地址与电话">
        <View className="hall__row" data-row="address" {...tappable()} onClick={() => void copyHallAddress(hall)}>
          <Text className="hall__label">地址</Text>
          <Text className="hall__value" userSelect>
            {hall.address}
          </Text>
          <Text className="hall__link">复制</Text>
        </View>
        <View className="hall__row" data-row="phone" {...tappable()} onClick={() => void callHall(hall)}>
          <Text className="hall__label">电话</Text>
          <Text className="hall__value">{hall.phone}</Text>
          <Text className="hall__link">拨打</Text>
        </View>
        {hall.transport && (
          <View className="hall__row">
            <Text className="hall__label">交通</Text>
            <Text className="hall__value">{hall.transport}</Text>
          </View>
        )}
      </Section>

      <Section title="办公时间" id="hours">
        {hall.weekly.map((w) => (
          <View key={w.days} className="hall__hours-row">
            <Text className="hall__label">{w.days}</Text>
            <Text className="hall__value">{formatSessions(w.sessions)}</Text>
          </View>
        ))}
        {hall.hoursNote && <Text className="hall__note">{hall.hoursNote}</Text>}
      </Section>

      {hall.upcomingSpecial.length > 0 && (
        <Section title="特别安排" id="special-hours">
          {hall.upcomingSpecial.map((s) => (
            <View key={`${s.from}-${s.label}`} className="hall__special">
              <Text className="hall__special-label">{s.label}</Text>
              <Text className="hall__note">
                {s.from === s.to ? s.from : `${s.from} 至 ${s.to}`}：{s.sessions.length ? formatSessions(s.sessions) : '暂停办公'}
              </Text>
            </View>
          ))}
        </Section>
      )}

      {hall.duty && hall.duty.length > 0 && (
        <Section title="值班安排" id="duty">
          {hall.duty.map((d) => (
            <View key={d.date} className="hall__special" data-duty={d.date}>
              <Text className="hall__special-label" {...tappable()} onClick={() => void callHall({ ...hall, phone: d.phone })}>
                {d.date} 值班电话 {d.phone}
              </Text>
              <Text className="hall__note">
                {d.windows.map((w) => `${w.window}号窗口 ${w.officer}${w.business ? `（${w.business}）` : ''}`).join('、')}
                {d.note ? ` ${d.note}` : ''}
              </Text>
            </View>
          ))}
        </Section>
      )}

      <Section title="未来七天">
        {hall.week.map((d) => (
          <View key={d.date} className={`hall__hours-row ${d.special ? 'hall__hours-row--special' : ''}`}>
            <Text className="hall__label">{formatDay(d.date, d.weekday)}</Text>
            <Text className="hall__value">
              {formatSessions(d.sessions)}
              {d.special ? `（${d.special}）` : ''}
            </Text>
          </View>
        ))}
      </Section>

      <Section title="可办事项">
        {hall.services.map((s) => (
          <View
            key={s.id}
            className="hall__service"
            hoverClass="hall__service--pressed"
            {...tappable('link')}
            onClick={() => Taro.navigateTo({ url: `/pages/guide/index?id=${s.id}` })}
          >
            <Text>{s.title}</Text>
            {s.crossProvince && <Text className="hall__cross">跨省通办</Text>}
          </View>
        ))}
      </Section>
    </>
  );
}

export default function HallDetail() {
  const { params } = useRouter();
  const id = params.id ?? '';
  const hall = useRemote(() => guideApi.hall(id), id);
  const name = hall.data?.name;
  useEffect(() => {
    if (name) void Taro.setNavigationBarTitle({ title: name });
  }, [name]);
  return (
    <PageShell className="hall">
      <LoadState remote={hall}>{hall.data && <HallBody hall={hall.data} />}</LoadState>
    </PageShell>
  );
}
