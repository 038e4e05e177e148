import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { ActionError, type ShownError } from '../../../components/ActionError';
import { LoadState } from '../../../components/LoadState';
import { Button } from '../../../components/nutui';
import { PageShell } from '../../../components/PageShell';
import { Section } from '../../../components/Section';
import { ApiError } from '../../../services/api';
import { newRequestId, retryWithSameId } from '../../../services/bookingApi';
import { guideApi } from '../../../services/guideApi';
import { identityApi } from '../../../services/identityApi';
import { useRemote } from '../../../services/useRemote';
import { Chips } from '../Chips';
import { DrawSummary } from '../DrawSummary';
import { releaseApi } from '../releaseApi';
import '../../../components/Form.scss';
import '../release.scss';

const SELF = 'self';
const NO_GROUP = 'none';
const MAX_PREFERENCES = 3;

async function load(hallId: string, date: string) {
  const [draw, hall, family] = await Promise.all([releaseApi.draw(hallId, date), guideApi.hall(hallId), identityApi.familyMembers()]);
  return {
    draw,
    services: hall.services.map((s) => ({ id: s.id, label: s.title })),
    people: [{ id: SELF, label: '本人' }, ...family.members.map((m) => ({ id: m.memberId, label: `${m.nameForFamily}（${m.relation === 'parent' ? '父母' : '子女'}）` }))],
  };
}

function ApplyForm({ draw, services, people }: Awaited<ReturnType<typeof load>>) {
  const [who, setWho] = useState(SELF);
  const [business, setBusiness] = useState('');
  const [preferences, setPreferences] = useState<string[]>([]);
  const [group, setGroup] = useState(NO_GROUP);
  const [error, setError] = useState<ShownError>();
  const [busy, setBusy] = useState(false);
  const [requestId, setRequestId] = useState(newRequestId);
  const slots = useRemote(() => (business ? releaseApi.slots(draw.hallId, business, draw.date) : Promise.resolve(undefined)), `slots:${business}`);
  const toggle = (slotId: string) => setPreferences((p) => (p.includes(slotId) ? p.filter((s) => s !== slotId) : p.length < MAX_PREFERENCES ? [...p, slotId] : p));
  const problem = !business ? '请选择办理事项' : preferences.length === 0 ? '请选择1至3个意向时段' : '';

  const send = async () => {
    setBusy(true);
    setError(undefined);
    try {
      const input = { hallId: draw.hallId, date: draw.date, business, preferences, ...(group !== NO_GROUP && { group }), ...(who !== SELF && { forMemberId: who }) };
      const applied = await releaseApi.apply(input, requestId);
      void Taro.redirectTo({ url: `/packages/release/mine/index?ticket=${applied.ticket}` });
    } catch (e) {
      const err = e instanceof ApiError ? e : new ApiError('INTERNAL', '系统开小差了，请稍后再试');
      if (!retryWithSameId(err)) setRequestId(newRequestId());
      setError({ code: err.code, message: err.message });
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <DrawSummary d={draw} link={false} />
      {draw.phase !== 'open' && <Text className="notice notice--error">当前不在申请时间内。</Text>}
      <Section title="为谁申请">
        <Chips name="who" items={people} chosen={[who]} onChoose={setWho} />
      </Section>
      <Section title="办理事项">
        <Chips
          name="business"
          items={services}
          chosen={[business]}
          onChoose={(id) => {
            setBusiness(id);
            setPreferences([]);
          }}
        />
      </Section>
      {business && (
        <Section title={`意向时段（按先后选择，最多${MAX_PREFERENCES}个，先选的优先）`}>
          <LoadState remote={slots}>
            {slots.data && (
              <Chips
                name="slots"
                items={slots.data.slots.map((s) => {
                  const k = preferences.indexOf(s.slotId);
                  return { id: s.slotId, label: `${k >= 0 ? `${k + 1}. ` : ''}${s.start}–${s.end}` };
                })}
                chosen={preferences}
                onChoose={toggle}
              />
            )}
          </LoadState>
        </Section>
      )}
      {draw.groups.length > 0 && (
        <Section title="优先群体（选填）">
          <Chips name="group" items={[{ id: NO_GROUP, label: '不属于' }, ...draw.groups.map((g) => ({ id: g.id, label: g.name }))]} chosen={[group]} onChoose={setGroup} />
          <Text className="rl__hint">高龄按身份证出生日期自动核验；其他群体为本人申报，办理时须出示相关证件，申报不实的取消资格。</Text>
        </Section>
      )}
      <View className="form-actions">
        {problem && business && <Text className="form-field__error">{problem}</Text>}
        <ActionError error={error} id="release-apply-error" />
        <Button type="primary" loading={busy} disabled={Boolean(problem) || draw.phase !== 'open'} onClick={() => void send()}>
          提交摇号申请
        </Button>
      </View>
    </>
  );
}

/** 参加摇号: a citizen (or a family member acting for them) applies for a place in a day released by draw. */
export default function ApplyRelease() {
  const { params } = useRouter();
  const data = useRemote(() => load(params.hallId ?? '', params.date ?? ''), 'load');
  return (
    <PageShell className="rl-apply">
      <LoadState remote={data}>{data.data && <ApplyForm {...data.data} />}</LoadState>
    </PageShell>
  );
}
