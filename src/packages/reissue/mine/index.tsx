import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import Taro, { useDidShow } from '@tarojs/taro';
import { LoadState } from '../../../components/LoadState';
import { PageShell } from '../../../components/PageShell';
import { Section } from '../../../components/Section';
import { Button, Empty } from '../../../components/nutui';
import { reissueApi } from '../../../services/reissueApi';
import { useRemote } from '../../../services/useRemote';
import { StateTag } from '../components/Timeline';
import { StageBar } from '../../../components/StageBar';
import '../../../components/Form.scss';
import '../components/reissue.scss';
import { tappable } from '../../../components/tappable';

/** 我的补领申请: newest first; a row opens its tracking page. */
export default function ReissueMine() {
  const [shown, setShown] = useState(0);
  useDidShow(() => setShown((n) => n + 1));
  const list = useRemote(() => reissueApi.myApplications(), `mine:${shown}`);
  const apps = list.data?.applications ?? [];

  return (
    <PageShell className="reissue-mine">
      <LoadState remote={list}>
        {apps.length === 0 ? (
          <View className="reissue-mine__empty">
            <Empty title="还没有补领申请" description="身份证丢失或损坏，可在网上申请补换领，邮寄到家。" />
          </View>
        ) : (
          <Section title="我的补领申请">
            {apps.map((a) => (
              <View
                key={a.id}
                className="app-row"
                hoverClass="app-row--pressed"
                data-application={a.id}
                data-state={a.state}
                {...tappable('link')}
                onClick={() => Taro.navigateTo({ url: `/packages/reissue/track/index?id=${a.id}` })}
              >
                <View className="app-row__head">
                  <Text className="app-row__title">
                    {a.reasonName} · {a.subjectNameMasked}
                  </Text>
                  <StateTag state={a.state} name={a.stateName} />
                </View>
                <Text className="app-row__line">
                  {a.timeline[0]?.atText} 申请 · {a.delivery.kind === 'mail' ? `邮寄到 ${a.delivery.place}` : '大厅领取'}
                </Text>
                <StageBar progress={a.progress} compact />
                {a.deadlines?.overdue && <Text className="app-row__overdue">已超过承诺时间</Text>}
              </View>
            ))}
          </Section>
        )}
        <View className="form-actions">
          <Button type="primary" onClick={() => Taro.navigateTo({ url: '/packages/reissue/apply/index' })}>
            申请补换领身份证
          </Button>
        </View>
      </LoadState>
    </PageShell>
  );
}
