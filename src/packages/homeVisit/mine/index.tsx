import { useState } from 'react';
import Taro, { usePullDownRefresh, useRouter } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { ActionError, type ShownError } from '../../../components/ActionError';
import { LoadState } from '../../../components/LoadState';
import { Button } from '../../../components/nutui';
import { PageShell } from '../../../components/PageShell';
import { Section } from '../../../components/Section';
import { tappable } from '../../../components/tappable';
import { ApiError } from '../../../services/api';
import { useRemote } from '../../../services/useRemote';
import { homeVisitApi, type HomeVisitView } from '../homeVisitApi';
import { VisitItem } from '../VisitItem';
import '../../../components/Form.scss';
import '../homeVisit.scss';

/** The citizen's steps on one visit: confirm the time proposed, or cancel. */
function CitizenSteps({ v, onDone }: { v: HomeVisitView; onDone: (note: string) => void }) {
  const [error, setError] = useState<ShownError>();
  const [busy, setBusy] = useState(false);
  const run = async (act: () => Promise<unknown>, note: string) => {
    setBusy(true);
    setError(undefined);
    try {
      await act();
      onDone(note);
    } catch (e) {
      const err = e instanceof ApiError ? e : new ApiError('INTERNAL', '系统开小差了，请稍后再试');
      setError({ code: err.code, message: err.message });
    } finally {
      setBusy(false);
    }
  };
  if (v.actions.length === 0) return null;
  return (
    <>
      <ActionError error={error} id={`hv-error-${v.id}`} />
      <View className="hv__buttons">
        {v.actions.includes('confirm') && (
          <Button type="primary" size="small" loading={busy} onClick={() => void run(() => homeVisitApi.confirm(v), '已确认上门时间')}>
            确认上门时间
          </Button>
        )}
        {v.actions.includes('cancel') && (
          <Text className="hv__link" data-action="cancel" {...tappable()} onClick={() => void run(() => homeVisitApi.cancel(v), '已取消申请')}>
            取消申请
          </Text>
        )}
      </View>
    </>
  );
}

/** The citizen's home visits (and those for their family), each with what to do next; the subscribe message opens it with ?id=. */
export default function MyHomeVisits() {
  const { params } = useRouter();
  const [note, setNote] = useState('');
  const mine = useRemote(() => homeVisitApi.mine(), 'mine');
  usePullDownRefresh(() => {
    mine.reload();
    void Taro.stopPullDownRefresh();
  });
  const done = (text: string) => {
    setNote(text);
    mine.reload();
  };
  const list = mine.data?.visits ?? [];
  return (
    <PageShell className="hv-mine">
      {note && <Text className="notice">{note}</Text>}
      <LoadState remote={mine}>
        <Section title="我的上门服务">
          {mine.data && list.length === 0 && <Text className="hv__empty">还没有上门服务申请。行动不便无法到大厅的，可申请民警上门办理。</Text>}
          {list.map((v) => (
            <VisitItem key={v.id} v={v} highlight={v.id === params.id}>
              <CitizenSteps v={v} onDone={done} />
            </VisitItem>
          ))}
        </Section>
      </LoadState>
      <View className="form-actions">
        <Button type="primary" onClick={() => void Taro.navigateTo({ url: '/packages/homeVisit/request/index' })}>
          申请上门服务
        </Button>
      </View>
    </PageShell>
  );
}
