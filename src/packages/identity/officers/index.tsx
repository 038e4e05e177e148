import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import Taro, { useDidShow } from '@tarojs/taro';
import type { OfficerView, OpenInvitationView } from '../../../../core/identity/views';
import { inShanghai } from '../../../../core/time/shanghai';
import { PageShell } from '../../../components/PageShell';
import { Section } from '../../../components/Section';
import { LoadState } from '../../../components/LoadState';
import { Empty } from '../../../components/Empty';
import { identityApi } from '../../../services/identityApi';
import { useRemote } from '../../../services/useRemote';
import { ApiError } from '../../../services/api';
import { tappable } from '../../../components/tappable';
import '../../../components/Form.scss';
import './index.scss';

const shortHall = (name: string) => name.replace(/公安局|户政服务大厅/g, '');
const day = (iso: string) => inShanghai(iso).format('YYYY年M月D日');

/** Asks before revoking, naming the person and the hall(s); resolves true when confirmed. */
async function confirmRevoke(officer: OfficerView, hall?: { name: string }): Promise<boolean> {
  const what = hall ? `“${hall.name}”的办理权限` : `全部大厅（${officer.halls.map((h) => shortHall(h.name)).join('、')}）的办理权限`;
  const after = !hall || officer.halls.length === 1 ? (officer.role === 'officer' ? '撤销后该账号将恢复为普通市民。' : '撤销后该账号仍为管理员，但不再办理大厅业务。') : '';
  const res = await Taro.showModal({ title: '撤销民警权限', content: `确定撤销 ${officer.label} 在${what}吗？${after}`, confirmText: '撤销', cancelText: '再看看' });
  return res.confirm;
}

/** Admin: the officers (masked, verified or not, halls, since, invited by), revoking a hall or all, and invitations still open. */
export default function Officers() {
  const [version, setVersion] = useState(0);
  useDidShow(() => setVersion((n) => n + 1));
  const list = useRemote(() => identityApi.officers(), `officers:${version}`);
  const [message, setMessage] = useState('');
  const [error, setError] = useState('');

  const act = async (run: () => Promise<string>) => {
    setError('');
    setMessage('');
    try {
      setMessage(await run());
      setVersion((n) => n + 1);
    } catch (e) {
      setError(e instanceof ApiError ? e.message : '操作失败，请重试');
    }
  };

  const revoke = async (officer: OfficerView, hall?: { id: string; name: string }) => {
    if (!(await confirmRevoke(officer, hall))) return;
    await act(async () => {
      const res = await identityApi.revokeOfficer(officer.openid, hall?.id);
      if (!res.changed) return `${officer.label} 已无该权限，无需撤销`;
      return `已撤销 ${officer.label} 在${res.removed.map((h) => shortHall(h.name)).join('、')}的办理权限`;
    });
  };

  const withdraw = async (invitation: OpenInvitationView) => {
    const names = invitation.halls.map((h) => shortHall(h.name)).join('、');
    const res = await Taro.showModal({ title: '作废邀请码', content: `确定作废发往${names}的邀请码吗？作废后无法再用它绑定民警身份。`, confirmText: '作废', cancelText: '再看看' });
    if (!res.confirm) return;
    await act(async () => ((await identityApi.withdrawInvitation(invitation.id)).withdrawn ? '邀请码已作废' : '该邀请码已被使用或已过期'));
  };

  const officers = list.data?.officers ?? [];
  const open = list.data?.openInvitations ?? [];
  const unverified = officers.filter((o) => !o.verified).length;
  return (
    <PageShell className="officers">
      {message && (
        <View className="notice" role="status" data-outcome="done">
          {message}
        </View>
      )}
      {error && (
        <View className="notice notice--error" role="alert">
          {error}
        </View>
      )}
      <LoadState remote={list}>
        <Section title={`民警（${officers.length}）`}>
          {unverified > 0 && <Text className="form-field__hint">有 {unverified} 位民警尚未完成本人实名认证，认证前不能办理业务。</Text>}
          {officers.length === 0 && <Empty title="还没有民警" description="在“管理”页发放邀请码，民警在“我的”中绑定后会出现在这里。" />}
          {officers.map((o) => (
            <View key={o.openid} className="officers__person" data-officer={o.openid} data-verified={o.verified ? 'yes' : 'no'}>
              <View className="officers__head">
                <Text className="officers__name">{o.label}</Text>
                {o.role === 'admin' && <Text className="officers__tag officers__tag--role">管理员</Text>}
                {o.self && <Text className="officers__tag officers__tag--role">本人</Text>}
                {o.verified ? <Text className="officers__tag officers__tag--ok">已实名</Text> : <Text className="officers__tag officers__tag--warn">未实名 · 暂不能办理业务</Text>}
              </View>
              <Text className="officers__meta">
                {day(o.since)}起任民警{o.lastInvitedBy ? ` · 邀请人 ${o.lastInvitedBy}` : ''}
              </Text>
              <View className="officers__halls">
                {o.halls.map((h) => (
                  <View key={h.id} className="officers__hall" data-officer-hall={h.id}>
                    <Text>{shortHall(h.name)}</Text>
                    <Text className="officers__revoke" {...tappable('button', { label: `撤销${o.label}在${h.name}的权限` })} onClick={() => revoke(o, h)}>
                      撤销
                    </Text>
                  </View>
                ))}
              </View>
              {o.halls.length > 1 && (
                <View className="officers__actions">
                  <Text className="officers__link" data-revoke-all={o.openid} {...tappable()} onClick={() => revoke(o)}>
                    撤销全部大厅
                  </Text>
                </View>
              )}
            </View>
          ))}
        </Section>

        <Section title={`未使用的邀请码（${open.length}）`}>
          {open.length === 0 && <Text className="form-field__hint">没有未使用的邀请码</Text>}
          {open.map((i) => (
            <View key={i.id} className="officers__person" data-invitation={i.id}>
              <Text>{i.halls.map((h) => shortHall(h.name)).join('、')}</Text>
              <Text className="officers__meta">
                {i.createdBy} 发放 · {inShanghai(i.expiresAt).format('M月D日 HH:mm')}前有效
              </Text>
              <View className="officers__actions">
                <Text className="officers__link" {...tappable()} onClick={() => withdraw(i)}>
                  作废
                </Text>
              </View>
            </View>
          ))}
        </Section>
      </LoadState>
    </PageShell>
  );
}
