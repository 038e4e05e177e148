import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import Taro, { useDidShow } from '@tarojs/taro';
import { HallChips } from '../../../components/HallChips';
import { LoadState } from '../../../components/LoadState';
import { PageShell } from '../../../components/PageShell';
import { Section } from '../../../components/Section';
import { Button, Empty } from '../../../components/nutui';
import { ApiError } from '../../../services/api';
import { businessApi, type MoveOutEntry } from '../../../services/businessApi';
import { useRemote } from '../../../services/useRemote';
import '../../../components/Form.scss';
import '../components/business.scss';

const CONFLICTS = ['APPLICATION_VERSION_CONFLICT', 'APPLICATION_STATE_CONFLICT'];

/**
 * Officer of the origin station: the migrations out of the hall's district waiting for the move-out
 * (迁出), the nearest deadline first, overdue ones in red; 办结迁出 per row (asks first). A row
 * changed meanwhile says "刚刚已有更新" and the queue reloads.
 */
export default function BusinessMoveOut() {
  const halls = useRemote(() => businessApi.reviewHalls(), 'biz-halls');
  const [chosen, setChosen] = useState('');
  const hallId = chosen || halls.data?.halls[0]?.id || '';
  const [shown, setShown] = useState(0);
  useDidShow(() => setShown((n) => n + 1));
  const queue = useRemote(() => (hallId ? businessApi.moveOutQueue(hallId) : Promise.resolve({ applications: [] })), `biz-moveout:${hallId}:${shown}`);
  const apps = queue.data?.applications ?? [];
  const [busy, setBusy] = useState('');
  const [error, setError] = useState<ApiError>();

  const complete = async (a: MoveOutEntry) => {
    const ok = await Taro.showModal({
      title: '确认办结迁出？',
      content: `${a.subjectNameMasked}（${a.idNumberMasked}），${a.kindName}，迁往${a.destinationHallName}；准迁证 ${a.permitNumber}。请核对本人身份证件和准迁证后再确认。`,
      confirmText: '确认办结',
      cancelText: '再看看',
    });
    if (!ok.confirm) return;
    setError(undefined);
    setBusy(a.id);
    try {
      await businessApi.completeMoveOut({ applicationId: a.id, expectedVersion: a.version, hallId });
      void Taro.showToast({ title: '已办结迁出', icon: 'success' });
    } catch (e) {
      const err = e instanceof ApiError ? e : new ApiError('INTERNAL', '操作失败，请重试');
      setError(CONFLICTS.includes(err.code) ? new ApiError(err.code, '刚刚已有更新，已重新加载，请核对后再操作') : err);
    } finally {
      setBusy('');
      setShown((n) => n + 1);
    }
  };

  return (
    <PageShell className="biz-moveout">
      <LoadState remote={halls}>
        <View className="biz-moveout__root" data-hall={hallId}>
          <HallChips halls={halls.data?.halls ?? []} chosen={hallId} onChoose={setChosen} />
          {error && (
            <View className="notice notice--error" role="alert" data-error-code={error.code}>
              <Text>{error.message}</Text>
            </View>
          )}
          <LoadState remote={queue}>
            {apps.length === 0 ? (
              <Empty title="没有待迁出的申请" description="户籍在本辖区、已获准迁入外地的申请会出现在这里。" />
            ) : (
              <Section title={`待办理迁出 · 共 ${apps.length} 件 · 期限最近的在前`}>
                {apps.map((a) => (
                  <View key={a.id} className="moveout-row" data-application={a.id} data-overdue={a.overdue ? 'yes' : 'no'}>
                    <Text className="moveout-row__title">
                      {a.subjectNameMasked} · {a.kindName}
                    </Text>
                    <Text className="moveout-row__line" data-field="idNumberMasked">
                      身份证号 {a.idNumberMasked}
                    </Text>
                    <Text className="moveout-row__line" data-field="householdPlace">
                      户籍地 {a.householdPlace || '（未知区划）'}
                    </Text>
                    <Text className="moveout-row__line" data-field="destination">
                      迁往 {a.destinationHallName}
                    </Text>
                    <Text className={`moveout-row__line ${a.permitExpired ? 'deadline--overdue' : ''}`} data-field="permitNumber">
                      准迁证 {a.permitNumber}（{a.permitExpired ? '已过期' : `有效期至 ${a.permitValidUntil}`}）
                    </Text>
                    <Text className={`moveout-row__line ${a.overdue ? 'deadline--overdue' : ''}`} data-field="dueAt">
                      {a.overdue ? '⚠ 已超期 ' : ''}迁出期限 {a.dueAt}（含当日）
                    </Text>
                    {a.permitExpired ? (
                      <View className="notice" data-field="permitExpired">
                        <Text>准迁证已过期，须由迁入地（{a.destinationHallName}）民警延期后才能办结迁出。</Text>
                      </View>
                    ) : (
                      <Button type="primary" loading={busy === a.id} disabled={!!busy} onClick={() => void complete(a)}>
                        办结迁出
                      </Button>
                    )}
                  </View>
                ))}
              </Section>
            )}
          </LoadState>
        </View>
      </LoadState>
    </PageShell>
  );
}
