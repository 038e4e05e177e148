import { useMemo, useState } from 'react';
import { Text, Textarea, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { ActionError, type ShownError } from '../../../components/ActionError';
import { HallChips } from '../../../components/HallChips';
import { LoadState } from '../../../components/LoadState';
import { Button } from '../../../components/nutui';
import { PageShell } from '../../../components/PageShell';
import { Section } from '../../../components/Section';
import { tappable } from '../../../components/tappable';
import { QUESTION_MAX, QUESTION_MIN } from '../../../../core/consult/consultNames';
import { ApiError } from '../../../services/api';
import { newRequestId, retryWithSameId } from '../../../services/bookingApi';
import { guideApi } from '../../../services/guideApi';
import { askProgressSubscription } from '../../../services/reminderSubscription';
import { useRemote } from '../../../services/useRemote';
import { consultApi } from '../consultApi';
import { FaqList } from '../FaqList';
import '../../../components/Choice.scss';
import '../../../components/Form.scss';
import '../consult.scss';

interface Choices {
  /** The halls that handle the business, or the one hall given. */
  halls: Array<{ id: string; name: string }>;
  /** The businesses of the hall given, or the one business given. */
  businesses: Array<{ id: string; title: string }>;
}

/** From a guide (business given: its halls) or a hall (hall given: its services). */
async function choicesFor(business: string, hallId: string): Promise<Choices> {
  if (business) {
    const guide = await guideApi.detail(business);
    const halls = guide.halls.map((h) => ({ id: h.id, name: h.name }));
    return { halls: hallId ? halls.filter((h) => h.id === hallId) : halls, businesses: [{ id: guide.id, title: guide.title }] };
  }
  const hall = await guideApi.hall(hallId);
  return { halls: [{ id: hall.id, name: hall.name }], businesses: hall.services.map((s) => ({ id: s.id, title: s.title })) };
}

function AskForm({ choices, business: given }: { choices: Choices; business: string }) {
  // One hall: it. Several (from a guide): the citizen chooses, none is chosen for them.
  const [hallId, setHallId] = useState(choices.halls.length === 1 ? choices.halls[0]!.id : '');
  const [business, setBusiness] = useState(given || '');
  const [question, setQuestion] = useState('');
  const [error, setError] = useState<ShownError>();
  const [busy, setBusy] = useState(false);
  const [requestId, setRequestId] = useState(newRequestId);
  const faq = useRemote(() => (business ? consultApi.faq(business) : Promise.resolve({ entries: [] })), `faq:${business}`);
  const length = Array.from(question.trim()).length;

  const send = async () => {
    // The subscription is asked inside the tap, before anything is awaited.
    const subscribed = askProgressSubscription();
    setBusy(true);
    setError(undefined);
    try {
      await subscribed;
      const asked = await consultApi.ask({ hallId, business, question }, requestId);
      void Taro.redirectTo({ url: `/packages/consult/mine/index?id=${asked.id}` });
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
      {choices.businesses.length > 1 && (
        <Section title="咨询事项">
          <View className="chips">
            {choices.businesses.map((b) => (
              <Text
                key={b.id}
                className={`chip ${b.id === business ? 'chip--on' : ''}`}
                data-business={b.id}
                {...tappable('button', { pressed: b.id === business })}
                onClick={() => setBusiness(b.id)}
              >
                {b.title}
              </Text>
            ))}
          </View>
        </Section>
      )}
      {business && (
        <Section title="常见问答">
          <LoadState remote={faq}>{faq.data && <FaqList entries={faq.data.entries} />}</LoadState>
        </Section>
      )}
      <Section title={`向${choices.halls.find((h) => h.id === hallId)?.name ?? '大厅'}提问`}>
        {choices.halls.length > 1 && !hallId && <Text className="consult__hint">请先选择要咨询的大厅：</Text>}
        <HallChips halls={choices.halls} chosen={hallId} onChoose={setHallId} />
        {choices.halls.length === 0 && <Text className="consult__empty">暂无可咨询的大厅。</Text>}
        <Textarea
          className="consult__text"
          data-field="question"
          value={question}
          maxlength={QUESTION_MAX}
          placeholder={`请描述您的问题（${QUESTION_MIN}至${QUESTION_MAX}字）。请勿填写身份证号、手机号等个人信息。`}
          onInput={(e) => setQuestion(e.detail.value)}
        />
        <Text className="consult__count">
          {length}/{QUESTION_MAX}
        </Text>
        <Text className="consult__hint">大厅工作人员答复后会通过微信通知您，也可在“我的咨询”中查看。答复可能经编辑、去除个人信息后公开在办事指南的常见问答中。</Text>
      </Section>
      <View className="form-actions">
        <ActionError error={error} id="consult-ask-error" />
        <Button type="primary" loading={busy} disabled={!hallId || !business || length < QUESTION_MIN} onClick={() => void send()}>
          提交咨询
        </Button>
        <Text className="form-actions__secondary" {...tappable('link')} onClick={() => void Taro.navigateTo({ url: '/packages/consult/mine/index' })}>
          我的咨询
        </Text>
      </View>
    </>
  );
}

/** A citizen asks a hall about a business: from a guide (choose the hall) or from a hall (choose the business). */
export default function Ask() {
  const { params } = useRouter();
  const business = params.business ?? '';
  const hallId = params.hallId ?? '';
  const choices = useRemote(() => choicesFor(business, hallId), `${business}:${hallId}`);
  const data = useMemo(() => choices.data, [choices.data]);
  return (
    <PageShell className="consult-ask">
      <LoadState remote={choices}>{data && <AskForm choices={data} business={business} />}</LoadState>
    </PageShell>
  );
}
