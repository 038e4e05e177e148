import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import type { AuditEntryView } from '../../../../core/identity/views';
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

const ACTION_NAMES: Record<string, string> = {
  'identity.bind': '实名绑定',
  'identity.move': '实名换绑',
  'identity.unbind': '解除绑定',
  'family.add': '添加代办家人',
  'family.remove': '移除代办家人',
  'officer.invite': '发放民警邀请码',
  'officer.bind': '绑定民警身份',
};

/** Admin: officer invitations for chosen halls (code shown once) and the recent audit log. */
export default function Admin() {
  const halls = useRemote(() => guideApi.halls(), 'halls');
  const [version, setVersion] = useState(0);
  const audit = useRemote(() => identityApi.auditLog(30), `audit:${version}`);
  const [chosen, setChosen] = useState<string[]>([]);
  const [invitation, setInvitation] = useState<{ code: string; expiresAt: string }>();
  const [error, setError] = useState('');

  const toggle = (id: string) => setChosen((c) => (c.includes(id) ? c.filter((x) => x !== id) : [...c, id]));

  const invite = async () => {
    setError('');
    try {
      const res = await identityApi.createOfficerInvitation(chosen, 7);
      setInvitation({ code: res.code, expiresAt: res.expiresAt });
      setVersion((n) => n + 1);
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

      <Section title="审计日志（最近30条）">
        <LoadState remote={audit}>
          {(audit.data?.entries ?? []).map((e: AuditEntryView) => (
            <View key={e.id} className="admin__entry">
              <Text className="admin__entry-action">
                {ACTION_NAMES[e.action] ?? e.action} · {e.target}
              </Text>
              <Text className="form-field__hint">
                {inShanghai(e.at).format('M月D日 HH:mm:ss')} · {e.role} {e.actor}
                {e.hallId ? ` · ${e.hallId}` : ''}
                {e.clientIp ? ` · ${e.clientIp}` : ''}
              </Text>
            </View>
          ))}
        </LoadState>
      </Section>
    </PageShell>
  );
}
