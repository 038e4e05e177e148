import { useRef, useState } from 'react';
import { Input, Text, View } from '@tarojs/components';
import Taro, { useDidShow } from '@tarojs/taro';
import { PageShell } from '../../components/PageShell';
import { Section } from '../../components/Section';
import { LoadState } from '../../components/LoadState';
import { Button } from '../../components/nutui';
import { PersonaSwitcher } from '../../components/PersonaSwitcher';
import { actsForAnyHall, mayAdminister, mustVerifyToAct } from '../../../core/identity/hallRights';
import { identityApi } from '../../services/identityApi';
import { useRemote } from '../../services/useRemote';
import { guideApi } from '../../services/guideApi';
import { ApiError } from '../../services/api';
import '../../components/Form.scss';
import './index.scss';
import { tappable } from '../../components/tappable';

const ROLE = { citizen: '市民', officer: '窗口民警', admin: '管理员' } as const;

/** A row that opens a page. */
function LinkRow({ url, row, label }: { url: string; row?: string; label: string }) {
  return (
    <View className="mine__row" hoverClass="mine__row--pressed" data-row={row} {...tappable('link')} onClick={() => Taro.navigateTo({ url })}>
      <Text>{label}</Text>
      <Text className="mine__chevron">›</Text>
    </View>
  );
}

/** 我的: real-name status, family, officer invitation (folded for citizens), and (H5 only) the local persona. */
export default function Mine() {
  const [refresh, setRefresh] = useState(0);
  // Read again on every later show (back from 实名认证 …); the first show is the first read.
  const first = useRef(true);
  useDidShow(() => {
    if (first.current) first.current = false;
    else setRefresh((n) => n + 1);
  });
  const status = useRemote(() => identityApi.status(), `status:${refresh}`);
  const hallNames = useRemote(() => guideApi.halls(), 'hall-names');
  const [code, setCode] = useState('');
  const [codeError, setCodeError] = useState('');
  const [invitationOpen, setInvitationOpen] = useState(false);

  const acceptInvitation = async () => {
    setCodeError('');
    try {
      await identityApi.acceptOfficerInvitation(code.trim().toUpperCase());
      void Taro.showToast({ title: '已成为窗口民警', icon: 'success' });
      setRefresh((n) => n + 1);
    } catch (e) {
      setCodeError(e instanceof ApiError ? e.message : '操作失败，请重试');
    }
  };

  const s = status.data;
  return (
    <PageShell className="mine">
      <LoadState remote={status}>
        {s && (
          <>
            <View className="mine__card" data-verified={s.verified ? 'yes' : 'no'}>
              {s.verified && s.profile ? (
                <>
                  <Text className="mine__name">{s.profile.nameMasked}</Text>
                  <Text className="mine__line">身份证 {s.profile.idNumberMasked}</Text>
                  <Text className="mine__line">手机 {s.profile.phoneMasked}</Text>
                  <Text className="mine__badge">已实名认证 · {ROLE[s.role]}</Text>
                </>
              ) : (
                <>
                  <Text className="mine__name">未实名认证</Text>
                  <Text className="mine__line">预约办理、证件补领前，需要先确认您的身份</Text>
                  {s.role !== 'citizen' && <Text className="mine__badge">{ROLE[s.role]}</Text>}
                </>
              )}
            </View>

            {s.lockout.locked && <Text className="notice notice--error">今日验证失败次数过多，已暂停认证，请明天再试。</Text>}

            <Section title="实名认证">
              {s.verified ? (
                <>
                  <LinkRow url="/packages/identity/profile/index" label="我的实名信息" />
                  <LinkRow url="/packages/identity/family/index" label="家庭成员代办" />
                </>
              ) : (
                <View className="form-actions">
                  <Button type="primary" disabled={s.lockout.locked} onClick={() => Taro.navigateTo({ url: '/packages/identity/consent/index' })}>
                    去实名认证
                  </Button>
                </View>
              )}
            </Section>

            <Section title="我的办件">
              {s.verified ? (
                <>
                  <LinkRow row="appointments" url="/packages/booking/mine/index" label="我的预约" />
                  <LinkRow row="waitlist" url="/packages/waitlist/mine/index" label="我的候补" />
                  <LinkRow row="reissues" url="/packages/reissue/mine/index" label="我的补领申请" />
                  <LinkRow row="businesses" url="/packages/business/mine/index" label="我的户口业务" />
                  <LinkRow row="home-visits" url="/packages/homeVisit/mine/index" label="上门服务" />
                  <LinkRow row="temp-proof" url="/packages/tempProof/proof/index" label="电子临时身份证明" />
                </>
              ) : (
                <Text className="mine__empty">实名认证后可预约大厅窗口，预约记录会显示在这里。</Text>
              )}
              <LinkRow row="consultations" url="/packages/consult/mine/index" label="我的咨询" />
              <LinkRow row="certificate-verify" url="/packages/business/verify/index" label="户籍证明核验" />
              <LinkRow row="temp-proof-verify" url="/packages/tempProof/verify/index" label="临时身份证明核验" />
            </Section>

            {mustVerifyToAct(s) && (
              <Section title="窗口工作">
                <Text className="notice notice--error" data-need="officer-verification">
                  您已绑定窗口民警身份，须先完成本人实名认证，才能签到、查看预约和审核办件。请点击上方“去实名认证”。
                </Text>
              </Section>
            )}

            {actsForAnyHall(s) && (
              <Section title="窗口工作">
                <LinkRow row="check-in" url="/packages/officer/scan/index" label="窗口签到" />
                <LinkRow row="officer-day" url="/packages/officer/day/index" label="今日预约" />
                <LinkRow row="reissue-review" url="/packages/reissue/review/index" label="补领审核" />
                <LinkRow row="business-review" url="/packages/business/review/index" label="户口业务审核" />
                <LinkRow row="business-moveout" url="/packages/business/moveout/index" label="迁出办理" />
                <LinkRow row="hall-ratings" url="/packages/officer/ratings/index" label="本厅好差评" />
                <LinkRow row="hall-consultations" url="/packages/consult/hall/index" label="本厅咨询" />
                <LinkRow row="hall-home-visits" url="/packages/homeVisit/hall/index" label="上门服务安排" />
                <LinkRow row="hall-waitlists" url="/packages/waitlist/hall/index" label="候补情况" />
                <LinkRow row="assisted" url="/packages/assisted/session/index" label="代办预约" />
                <LinkRow row="audit-log" url="/packages/identity/audit/index" label="审计日志" />
              </Section>
            )}

            {mayAdminister(s) && (
              <Section title="管理">
                <LinkRow url="/packages/identity/admin/index" label="发放民警邀请码 · 审计日志" />
                <LinkRow row="officers" url="/packages/identity/officers/index" label="民警名单" />
                <LinkRow row="all-ratings" url="/packages/officer/ratings/index" label="各大厅好差评" />
                <LinkRow row="hall-admin" url="/packages/hallAdmin/hours/index" label="值班与特别办公时间 · 大厅负责人" />
              </Section>
            )}

            {s.role !== 'citizen' && s.halls.length > 0 && (
              <Section title="工作大厅">
                {s.halls.map((id) => (
                  <Text key={id} className="mine__hall" data-hall={id}>
                    {hallNames.data?.halls.find((h) => h.id === id)?.name ?? id}
                  </Text>
                ))}
              </Section>
            )}

            <Section title="我的用户标识 (openid)">
              <View className="mine__openid" data-openid={s.openid}>
                <Text className="mine__openid-value" userSelect>
                  {s.openid}
                </Text>
                <Text
                  className="mine__copy"
                  data-copy="openid"
                  {...tappable('button', { label: '复制我的用户标识' })}
                  onClick={() =>
                    void Taro.setClipboardData({ data: s.openid })
                      .then(() => Taro.showToast({ title: '已复制', icon: 'success' }))
                      .catch(() => Taro.showToast({ title: '复制失败，请长按标识选择复制', icon: 'none' }))
                  }
                >
                  复制
                </Text>
              </View>
              <Text className="mine__hint">这是您本人微信在本服务中的标识，不是密码。开通首位管理员时，运维人员需要这个标识；请只发给负责开通的工作人员。</Text>
            </Section>

            {s.role === 'citizen' &&
              (invitationOpen ? (
                <Section title="民警入口">
                  <View className="form-field">
                    <Text className="form-field__label">管理员发放的邀请码</Text>
                    <Input className="form-field__input" value={code} maxlength={32} placeholder="输入12位邀请码" onInput={(e) => setCode(e.detail.value)} />
                    {codeError && <Text className="form-field__error">{codeError}</Text>}
                  </View>
                  <View className="form-actions">
                    <Button disabled={code.trim().length < 12} onClick={acceptInvitation}>
                      绑定民警身份
                    </Button>
                  </View>
                </Section>
              ) : (
                // Citizens are not officers: the box stays folded behind one quiet link.
                <Text className="mine__officer-link" data-row="officer-invitation" {...tappable()} onClick={() => setInvitationOpen(true)}>
                  我是民警，绑定邀请码
                </Text>
              ))}
          </>
        )}
      </LoadState>
      <PersonaSwitcher onSwitched={() => setRefresh((n) => n + 1)} />
    </PageShell>
  );
}
