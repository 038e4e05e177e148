import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import { ActionError, type ShownError } from '../../../components/ActionError';
import { LoadState } from '../../../components/LoadState';
import { Section } from '../../../components/Section';
import { tappable } from '../../../components/tappable';
import { ApiError } from '../../../services/api';
import { hallAdminApi } from '../../../services/hallAdminApi';
import { useRemote } from '../../../services/useRemote';

/** Admin: the hall's officers, each made its lead (大厅负责人) or not. */
export function LeadsPanel({ hallId }: { hallId: string }) {
  const remote = useRemote(hallAdminApi.officers, 'officers');
  const [error, setError] = useState<ShownError>();
  const officers = (remote.data?.officers ?? []).filter((o) => o.halls.some((h) => h.id === hallId));
  const toggle = async (openid: string, lead: boolean) => {
    setError(undefined);
    try {
      await hallAdminApi.setLead(openid, hallId, lead);
      remote.reload();
    } catch (e) {
      setError(e instanceof ApiError ? e : { code: 'INTERNAL', message: '设置失败，请稍后再试' });
    }
  };
  return (
    <LoadState remote={remote}>
      <Section title="大厅负责人（可编辑值班与特别办公时间）">
        {officers.length === 0 && <Text className="ha__empty">该大厅暂无民警，请先发放邀请码</Text>}
        {officers.map((o) => {
          const lead = Boolean(o.leads?.includes(hallId));
          return (
            <View key={o.openid} className="ha__item" data-officer={o.openid}>
              <Text className="ha__item-title">
                {o.label}
                {lead ? '（负责人）' : ''}
              </Text>
              <Text className="link" data-action={lead ? 'unlead' : 'lead'} {...tappable()} onClick={() => void toggle(o.openid, !lead)}>
                {lead ? '取消负责人' : '设为负责人'}
              </Text>
            </View>
          );
        })}
        <ActionError error={error} id="lead-error" />
      </Section>
    </LoadState>
  );
}
