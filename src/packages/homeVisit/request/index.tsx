import { useState } from 'react';
import { Input, Text, Textarea, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { ActionError, type ShownError } from '../../../components/ActionError';
import { LoadState } from '../../../components/LoadState';
import { Button } from '../../../components/nutui';
import { PageShell } from '../../../components/PageShell';
import { Section } from '../../../components/Section';
import { tappable } from '../../../components/tappable';
import { HOME_VISIT_LIMITS, HOME_VISIT_REASONS, MAX_OPEN_PER_PERSON } from '../../../../core/homeVisit/homeVisitNames';
import { requestProblem } from '../../../../core/homeVisit/requestRules';
import { ApiError } from '../../../services/api';
import { newRequestId, retryWithSameId } from '../../../services/bookingApi';
import { guideApi } from '../../../services/guideApi';
import { identityApi } from '../../../services/identityApi';
import { askProgressSubscription } from '../../../services/reminderSubscription';
import { useRemote } from '../../../services/useRemote';
import { Chips } from '../Chips';
import { homeVisitApi } from '../homeVisitApi';
import '../../../components/Form.scss';
import '../homeVisit.scss';

const SELF = 'self';
const REASONS = Object.entries(HOME_VISIT_REASONS).map(([id, label]) => ({ id, label }));

/** The halls, and the people the caller may ask for (themselves and their family members). */
async function load() {
  const [halls, family] = await Promise.all([guideApi.halls(), identityApi.familyMembers()]);
  return {
    halls: halls.halls.map((h) => ({ id: h.id, label: h.name })),
    people: [{ id: SELF, label: '本人' }, ...family.members.map((m) => ({ id: m.memberId, label: `${m.nameForFamily}（${m.relation === 'parent' ? '父母' : '子女'}）` }))],
  };
}

function RequestForm({ halls, people, given }: Awaited<ReturnType<typeof load>> & { given: { hallId: string; business: string } }) {
  const [who, setWho] = useState(SELF);
  const [hallId, setHallId] = useState(given.hallId);
  const [business, setBusiness] = useState(given.business);
  const [reason, setReason] = useState('');
  const [detail, setDetail] = useState('');
  const [phone, setPhone] = useState('');
  const [note, setNote] = useState('');
  const [error, setError] = useState<ShownError>();
  const [busy, setBusy] = useState(false);
  const [requestId, setRequestId] = useState(newRequestId);
  const services = useRemote(() => (hallId ? guideApi.hall(hallId) : Promise.resolve(undefined)), `hall:${hallId}`);
  const typed = { reason, detail, phone, ...(note.trim() && { note }) };
  const problem = !hallId ? '请选择办理大厅' : !business ? '请选择办理事项' : requestProblem(typed);

  const send = async () => {
    // The subscription is asked inside the tap, before anything is awaited.
    const subscribed = askProgressSubscription();
    setBusy(true);
    setError(undefined);
    try {
      await subscribed;
      const asked = await homeVisitApi.request({ hallId, business, ...typed, ...(who !== SELF && { forMemberId: who }) }, requestId);
      void Taro.redirectTo({ url: `/packages/homeVisit/mine/index?id=${asked.id}` });
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
      <Text className="notice">
        行动不便、无法到大厅办理的群众（高龄、残疾、重病卧床等），可申请民警上门办理。家人可代为申请。每人同时最多{MAX_OPEN_PER_PERSON}件进行中的申请。
      </Text>
      <Section title="为谁申请">
        <Chips name="who" items={people} chosen={who} onChoose={setWho} />
      </Section>
      <Section title="办理大厅（上门地址须在该大厅辖区内）">
        <Chips
          name="hall"
          items={halls}
          chosen={hallId}
          onChoose={(id) => {
            setHallId(id);
            setBusiness('');
          }}
        />
      </Section>
      {hallId && (
        <Section title="办理事项">
          <LoadState remote={services}>
            {services.data && <Chips name="business" items={services.data.services.map((s) => ({ id: s.id, label: s.title }))} chosen={business} onChoose={setBusiness} />}
          </LoadState>
        </Section>
      )}
      <Section title="不能到大厅的原因">
        <Chips name="reason" items={REASONS} chosen={reason} onChoose={setReason} />
      </Section>
      <Section title="上门地址与联系电话">
        {services.data && (
          <Text className="hv__hint">
            {services.data.province}
            {services.data.city}
            {services.data.district}
          </Text>
        )}
        <View className="form-field">
          <Text className="form-field__label">详细地址</Text>
          <Input
            className="form-field__input"
            data-field="detail"
            value={detail}
            maxlength={HOME_VISIT_LIMITS.detail.max}
            placeholder="街道、门牌、楼栋房号"
            onInput={(e) => setDetail(e.detail.value)}
          />
        </View>
        <View className="form-field">
          <Text className="form-field__label">联系电话</Text>
          <Input
            className="form-field__input"
            data-field="phone"
            type="number"
            value={phone}
            maxlength={11}
            placeholder="民警上门前会先联系"
            onInput={(e) => setPhone(e.detail.value)}
          />
        </View>
        <Textarea
          className="hv__text"
          data-field="note"
          value={note}
          maxlength={HOME_VISIT_LIMITS.note.max}
          placeholder="补充说明（选填）：如需要办理的具体内容、上门时的注意事项"
          onInput={(e) => setNote(e.detail.value)}
        />
      </Section>
      <View className="form-actions">
        {problem && (detail || phone) && <Text className="form-field__error">{problem}</Text>}
        <ActionError error={error} id="home-visit-request-error" />
        <Button type="primary" loading={busy} disabled={Boolean(problem)} onClick={() => void send()}>
          提交申请
        </Button>
        <Text className="form-actions__secondary" {...tappable('link')} onClick={() => void Taro.navigateTo({ url: '/packages/homeVisit/mine/index' })}>
          我的上门服务
        </Text>
      </View>
    </>
  );
}

/** A citizen (or a family member acting for them) asks a hall to come to their home. */
export default function RequestHomeVisit() {
  const { params } = useRouter();
  const data = useRemote(load, 'load');
  return (
    <PageShell className="hv-request">
      <LoadState remote={data}>{data.data && <RequestForm {...data.data} given={{ hallId: params.hallId ?? '', business: params.business ?? '' }} />}</LoadState>
    </PageShell>
  );
}
