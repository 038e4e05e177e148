import { useEffect, useMemo, useState } from 'react';
import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { LoadState } from '../../../components/LoadState';
import { PageShell } from '../../../components/PageShell';
import { HallChips } from '../../../components/HallChips';
import { OfficerVerifyFirst } from '../../../components/OfficerVerifyFirst';
import { tappable } from '../../../components/tappable';
import { mayAdminister, mustVerifyToAct } from '../../../../core/identity/hallRights';
import { hallsLed } from '../../../../core/identity/hallLead';
import { guideApi } from '../../../services/guideApi';
import { identityApi } from '../../../services/identityApi';
import { useRemote } from '../../../services/useRemote';
import { SpecialHoursPanel } from './SpecialHoursPanel';
import { DutyPanel } from './DutyPanel';
import { LeadsPanel } from './LeadsPanel';
import './index.scss';

/** The halls the caller may edit: every hall for an admin, the halls they lead otherwise. */
async function editableHalls() {
  const [status, all] = await Promise.all([identityApi.status(), guideApi.halls()]);
  const led = new Set(hallsLed(status));
  const halls = all.halls.filter((h) => mayAdminister(status) || led.has(h.id)).map((h) => ({ id: h.id, name: h.name }));
  return { halls, admin: mayAdminister(status), mustVerify: mustVerifyToAct(status) && !mayAdminister(status) };
}

/** 值班与特别办公时间: a hall lead or an admin edits special hours and the duty roster (issue 16). */
export default function HallAdminHours() {
  const remote = useRemote(editableHalls, 'halls');
  const [hallId, setHallId] = useState('');
  const [tab, setTab] = useState<'special' | 'duty' | 'leads'>('special');
  const halls = useMemo(() => remote.data?.halls ?? [], [remote.data]);
  useEffect(() => {
    if (!hallId && halls.length > 0) setHallId(halls[0].id);
  }, [hallId, halls]);
  const tabOf = (id: typeof tab, text: string) => (
    <Text className={`ha__tab ${tab === id ? 'ha__tab--on' : ''}`} data-tab={id} {...tappable('button', { pressed: tab === id })} onClick={() => setTab(id)}>
      {text}
    </Text>
  );
  return (
    <PageShell className="ha">
      <LoadState remote={remote}>
        {remote.data?.mustVerify && <OfficerVerifyFirst />}
        {remote.data && !remote.data.mustVerify && halls.length === 0 && <Text className="notice notice--error">仅限大厅负责人或管理员使用，请联系管理员设置。</Text>}
        <HallChips halls={halls} chosen={hallId} onChoose={setHallId} />
        {hallId && (
          <>
            <View className="ha__tabs">
              {tabOf('special', '特别办公时间')}
              {tabOf('duty', '值班安排')}
              {remote.data?.admin && tabOf('leads', '负责人')}
            </View>
            {tab === 'special' && <SpecialHoursPanel key={hallId} hallId={hallId} />}
            {tab === 'duty' && <DutyPanel key={hallId} hallId={hallId} />}
            {tab === 'leads' && <LeadsPanel key={hallId} hallId={hallId} />}
            <Text className="ha__link" {...tappable('link')} onClick={() => void Taro.navigateTo({ url: `/packages/release/lead/index?hallId=${hallId}` })}>
              摇号放号
            </Text>
          </>
        )}
      </LoadState>
    </PageShell>
  );
}
