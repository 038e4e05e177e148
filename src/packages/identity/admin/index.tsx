import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { inShanghai } from '../../../../core/time/shanghai';
import { PageShell } from '../../../components/PageShell';
import { Section } from '../../../components/Section';
import { LoadState } from '../../../components/LoadState';
import { Button } from '../../../components/nutui';
import { guideApi } from '../../../services/guideApi';
import { identityApi } from '../../../services/identityApi';
import { useRemote } from '../../../services/useRemote';
import { ApiError } from '../../../services/api';
import '../../../components/Form.scss';
import './index.scss';
import { tappable } from '../../../components/tappable';

/** Admin: officer invitations for chosen halls (code shown once), and the ways to the officer list and the audit log. */
/** A row that opens another admin page. */
function AdminLink({ row, url, text }: { row: string; url: string; text: string }) {
  return (
    <View className="admin__row" data-row={row} hoverClass="admin__row--pressed" {...tappable('link')} onClick={() => Taro.navigateTo({ url })}>
      <Text>{text}</Text>
      <Text className="admin__chevron">›</Text>
    </View>
  );
}

export default function Admin() {
  const halls = useRemote(() => guideApi.halls(), 'halls');
  const [chosen, setChosen] = useState<string[]>([]);
  const [invitation, setInvitation] = useState<{ code: string; expiresAt: string }>();
  const [error, setError] = useState('');

  const toggle = (id: string) => setChosen((c) => (c.includes(id) ? c.filter((x) => x !== id) : [...c, id]));

  const invite = async () => {
    setError('');
    try {
      const res = await identityApi.createOfficerInvitation(chosen, 7);
      setInvitation({ code: res.code, expiresAt: res.expiresAt });
    } catch (e) {
      setError(e instanceof ApiError ? e.message : '操作失败，请重试');
    }
  };

  return (
    <PageShell className="admin">
      <Section title="发放民警邀请码">
        <Text className="form-field__hint">选择民警工作的大厅。邀请码只能使用一次，7天内有效，只显示这一次。</Text>
        <LoadState remote={halls}>
          <View className="admin__halls">
            {(halls.data?.halls ?? []).map((h) => (
              <Text
                key={h.id}
                data-hall={h.id}
                className={`admin__hall ${chosen.includes(h.id) ? 'admin__hall--on' : ''}`}
                {...tappable('button', { pressed: chosen.includes(h.id) })}
                onClick={() => toggle(h.id)}
              >
                {h.name.replace(/公安局|户政服务大厅/g, '')}
              </Text>
            ))}
          </View>
        </LoadState>
        {error && <Text className="form-field__error">{error}</Text>}
        <View className="form-actions">
          <Button type="primary" disabled={chosen.length === 0} onClick={invite}>
            生成邀请码
          </Button>
        </View>
        {invitation && (
          <View className="admin__code" {...tappable()} onClick={() => Taro.setClipboardData({ data: invitation.code })}>
            <Text className="admin__code-value" data-invitation-code={invitation.code}>
              {invitation.code}
            </Text>
            <Text className="form-field__hint">点击复制 · 有效期至 {inShanghai(invitation.expiresAt).format('M月D日 HH:mm')}</Text>
          </View>
        )}
      </Section>

      <Section title="民警">
        <AdminLink row="officers" url="/packages/identity/officers/index" text="民警名单（实名情况、大厅权限、撤销）" />
      </Section>

      <Section title="审计日志">
        <AdminLink row="audit-log" url="/packages/identity/audit/index" text="查看审计日志（按操作、大厅、日期筛选）" />
      </Section>
    </PageShell>
  );
}
