import { useEffect, useMemo, useRef, useState } from 'react';
import { Text, View } from '@tarojs/components';
import Taro, { useDidShow } from '@tarojs/taro';
import { LoadState } from '../../../components/LoadState';
import { PageShell } from '../../../components/PageShell';
import { mayAdminister } from '../../../../core/identity/hallRights';
import { OfficerVerifyFirst } from '../../../components/OfficerVerifyFirst';
import { officerHalls } from '../../../services/officerHalls';
import { useRemote } from '../../../services/useRemote';
import { DayView } from './DayView';
import { WeekView } from './WeekView';
import '../officer.scss';
import './index.scss';
import { tappable } from '../../../components/tappable';
import { HallChips } from '../../../components/HallChips';

async function myHalls(): Promise<{ role: string; mustVerify: boolean; leads: boolean; halls: Array<{ id: string; name: string }> }> {
  // Only the halls the account acts for (an admin without halls acts for none).
  const { status, mustVerify, halls } = await officerHalls();
  return { role: status.role, mustVerify, leads: mayAdminister(status) || Boolean(status.leads?.length), halls };
}

/** 今日预约: one of the officer's halls — today's appointments by slot, and the next 7 days. */
export default function OfficerDay() {
  const halls = useRemote(myHalls, 'halls');
  const [hallId, setHallId] = useState('');
  const [tab, setTab] = useState<'day' | 'week'>('day');
  const [version, setVersion] = useState(0);
  const first = useRef(true);
  useDidShow(() => {
    if (first.current) first.current = false;
    else setVersion((n) => n + 1);
  });

  const list = useMemo(() => halls.data?.halls ?? [], [halls.data]);
  useEffect(() => {
    if (!hallId && list.length > 0) setHallId(list[0].id);
  }, [hallId, list]);

  const hall = list.find((h) => h.id === hallId);
  return (
    <PageShell className="officer-day">
      <LoadState remote={halls}>
        {halls.data && halls.data.role === 'citizen' && <Text className="notice notice--error">仅限窗口民警使用。请在“我的”中绑定民警身份。</Text>}
        {halls.data?.mustVerify && <OfficerVerifyFirst />}
        {halls.data && halls.data.role !== 'citizen' && !halls.data.mustVerify && list.length === 0 && (
          <Text className="notice notice--error">您还没有分配工作大厅，请联系管理员。</Text>
        )}
        <HallChips halls={list} chosen={hallId} onChoose={setHallId} />
        {hall && (
          <>
            <View className="day__head">
              <Text className="day__hall">{hall.name}</Text>
              <View className="day__tabs">
                <Text
                  className={`day__tab ${tab === 'day' ? 'day__tab--on' : ''}`}
                  data-tab="day"
                  {...tappable('button', { pressed: tab === 'day' })}
                  onClick={() => setTab('day')}
                >
                  今日
                </Text>
                <Text
                  className={`day__tab ${tab === 'week' ? 'day__tab--on' : ''}`}
                  data-tab="week"
                  {...tappable('button', { pressed: tab === 'week' })}
                  onClick={() => setTab('week')}
                >
                  未来7天
                </Text>
              </View>
            </View>
            {tab === 'day' ? <DayView hallId={hall.id} version={version} /> : <WeekView hallId={hall.id} version={version} />}
            <View className="day__footer">
              <Text className="day__refresh link" {...tappable()} onClick={() => setVersion((n) => n + 1)}>
                刷新
              </Text>
              <Text className="day__refresh link" {...tappable('link')} onClick={() => Taro.navigateTo({ url: '/packages/officer/scan/index' })}>
                窗口签到 ›
              </Text>
              <Text className="day__refresh link" {...tappable('link')} onClick={() => Taro.navigateTo({ url: '/packages/stats/report/index' })}>
                统计报表 ›
              </Text>
              <Text className="day__refresh link" {...tappable('link')} onClick={() => Taro.navigateTo({ url: '/packages/queue/window/index' })}>
                窗口叫号 ›
              </Text>
              {halls.data?.leads && (
                <Text className="day__refresh link" data-link="hall-admin" {...tappable('link')} onClick={() => Taro.navigateTo({ url: '/packages/hallAdmin/hours/index' })}>
                  值班与特别办公时间 ›
                </Text>
              )}
            </View>
          </>
        )}
      </LoadState>
    </PageShell>
  );
}
