import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import Taro, { useDidShow } from '@tarojs/taro';
import { LoadState } from '../../../components/LoadState';
import { PageShell } from '../../../components/PageShell';
import { Section } from '../../../components/Section';
import { Button, Empty } from '../../../components/nutui';
import { businessApi } from '../../../services/businessApi';
import { useRemote } from '../../../services/useRemote';
import { StateTag } from '../components/StateTag';
import '../../../components/Form.scss';
import '../components/business.scss';
import { tappable } from '../../../components/tappable';

/** 我的户口业务: the caller's applications, newest first; a row opens it. */
export default function BusinessMine() {
  const [shown, setShown] = useState(0);
  useDidShow(() => setShown((n) => n + 1));
  const list = useRemote(() => businessApi.mine(), `biz-mine:${shown}`);
  const apps = list.data?.applications ?? [];

  return (
    <PageShell className="biz-mine">
      <LoadState remote={list}>
        {apps.length === 0 ? (
          <View className="biz-mine__empty">
            <Empty title="还没有户口业务申请" description="户籍证明、户口迁移、出生登记、居住证可在网上申请。" />
          </View>
        ) : (
          <Section title="我的户口业务申请">
            {apps.map((a) => (
              <View
                key={a.id}
                className="app-row"
                hoverClass="app-row--pressed"
                data-application={a.id}
                data-state={a.state}
                {...tappable('link')}
                onClick={() => Taro.navigateTo({ url: `/packages/business/detail/index?id=${a.id}` })}
              >
                <View className="app-row__head">
                  <Text className="app-row__title">
                    {a.kindName} · {a.subjectNameMasked}
                  </Text>
                  <StateTag state={a.state} name={a.stateName} />
                </View>
                <Text className="app-row__line">
                  {a.createdAt} 申请{a.submittedAt ? ` · ${a.submittedAt} 提交` : ' · 尚未提交'}
                </Text>
              </View>
            ))}
          </Section>
        )}
        <View className="form-actions">
          <Button type="primary" onClick={() => Taro.navigateTo({ url: '/packages/business/list/index' })}>
            网上申请户口业务
          </Button>
        </View>
      </LoadState>
    </PageShell>
  );
}
