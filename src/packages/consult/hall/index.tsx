import { useEffect, useMemo, useState } from 'react';
import { Text, Textarea, View } from '@tarojs/components';
import { ActionError, type ShownError } from '../../../components/ActionError';
import { HallChips } from '../../../components/HallChips';
import { LoadState } from '../../../components/LoadState';
import { Button } from '../../../components/nutui';
import { PageShell } from '../../../components/PageShell';
import { Section } from '../../../components/Section';
import { tappable } from '../../../components/tappable';
import { ANSWER_MAX, PUBLISHED_QUESTION_MAX } from '../../../../core/consult/consultNames';
import { pageMessages } from '../../../../core/errors/pageMessages';
import { ApiError } from '../../../services/api';
import { newRequestId, retryWithSameId } from '../../../services/bookingApi';
import { officerHalls } from '../../../services/officerHalls';
import { useRemote } from '../../../services/useRemote';
import { consultApi, type ConsultationView } from '../consultApi';
import { ConsultationItem } from '../ConsultationItem';
import '../../../components/Choice.scss';
import '../../../components/Form.scss';
import '../consult.scss';

/** The halls the officer acts for, by name. */
async function myHalls(): Promise<Array<{ id: string; name: string }>> {
  const { mustVerify, halls } = await officerHalls();
  if (mustVerify) throw new ApiError('OFFICER_NOT_VERIFIED', pageMessages.OFFICER_NOT_VERIFIED);
  return halls;
}

const shown = (e: unknown): ShownError => {
  const err = e instanceof ApiError ? e : new ApiError('INTERNAL', '系统开小差了，请稍后再试');
  return { code: err.code, message: err.message };
};

/** An open question: the answer box, 答复 and 关闭. */
function AnswerForm({ c, onDone }: { c: ConsultationView; onDone: (note: string) => void }) {
  const [answer, setAnswer] = useState('');
  const [error, setError] = useState<ShownError>();
  const [busy, setBusy] = useState(false);
  const [requestId, setRequestId] = useState(newRequestId);
  const send = async () => {
    setBusy(true);
    setError(undefined);
    try {
      const done = await consultApi.answer(c.id, answer, requestId);
      onDone(done.notified ? '已答复，市民已收到微信通知' : '已答复；市民未订阅通知，可在“我的咨询”中查看');
    } catch (e) {
      if (!(e instanceof ApiError && retryWithSameId(e))) setRequestId(newRequestId());
      setError(shown(e));
    } finally {
      setBusy(false);
    }
  };
  const close = async () => {
    setBusy(true);
    setError(undefined);
    try {
      await consultApi.close(c.id);
      onDone('已关闭');
    } catch (e) {
      setError(shown(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <Textarea
        className="consult__text"
        data-field="answer"
        value={answer}
        maxlength={ANSWER_MAX}
        placeholder={`答复内容（${ANSWER_MAX}字内，请勿填写身份证号、手机号）`}
        onInput={(e) => setAnswer(e.detail.value)}
      />
      <ActionError error={error} id={`answer-error-${c.id}`} />
      <View className="consult__buttons">
        <Button type="primary" size="small" loading={busy} disabled={answer.trim().length < 2} onClick={() => void send()}>
          答复
        </Button>
        <Text className="consult__link" data-action="close" {...tappable()} onClick={() => void close()}>
          关闭（无需答复）
        </Text>
      </View>
    </>
  );
}

/** An answered question: the version to publish, edited by the officer (names and circumstances taken out). */
function PublishForm({ c, onDone }: { c: ConsultationView; onDone: (note: string) => void }) {
  const [open, setOpen] = useState(false);
  const [question, setQuestion] = useState(Array.from(c.question).slice(0, PUBLISHED_QUESTION_MAX).join(''));
  const [answer, setAnswer] = useState(c.answer ?? '');
  const [error, setError] = useState<ShownError>();
  const [busy, setBusy] = useState(false);
  const send = async () => {
    setBusy(true);
    setError(undefined);
    try {
      await consultApi.publish(c.id, question, answer);
      onDone('已公开到办事指南的常见问答');
    } catch (e) {
      setError(shown(e));
    } finally {
      setBusy(false);
    }
  };
  // The link and the form are different elements: React replaces one by the other rather than
  // taking the link's tap handler off a Text (which Taro's weapp templates cannot redraw).
  if (!open)
    return (
      <Text className="consult__link" data-action="publish-open" {...tappable()} onClick={() => setOpen(true)}>
        公开到常见问答…
      </Text>
    );
  return (
    <View className="consult__publish">
      <Text className="consult__hint">公开前请改写问题和答复：删去姓名、住址、身份证号、手机号等一切能认出本人的内容。</Text>
      <Textarea className="consult__text" data-field="published-question" value={question} maxlength={PUBLISHED_QUESTION_MAX} onInput={(e) => setQuestion(e.detail.value)} />
      <Textarea className="consult__text" data-field="published-answer" value={answer} maxlength={ANSWER_MAX} onInput={(e) => setAnswer(e.detail.value)} />
      <ActionError error={error} id={`publish-error-${c.id}`} />
      <View className="consult__buttons">
        <Button type="primary" size="small" loading={busy} onClick={() => void send()}>
          公开
        </Button>
        <Text className="consult__link" {...tappable()} onClick={() => setOpen(false)}>
          取消
        </Text>
      </View>
    </View>
  );
}

const TABS: Array<{ state: ConsultationView['state']; name: string }> = [
  { state: 'open', name: '待答复' },
  { state: 'answered', name: '已答复' },
  { state: 'published', name: '已公开' },
];

function HallQuestions({ hallId }: { hallId: string }) {
  const [state, setState] = useState<ConsultationView['state']>('open');
  const [note, setNote] = useState('');
  const list = useRemote(() => consultApi.hall(hallId, state), `${hallId}:${state}`);
  const done = (text: string) => {
    setNote(text);
    list.reload();
  };
  return (
    <>
      <View className="chips">
        {TABS.map((t) => (
          <Text
            key={t.state}
            className={`chip ${t.state === state ? 'chip--on' : ''}`}
            data-tab={t.state}
            {...tappable('button', { pressed: t.state === state })}
            onClick={() => setState(t.state)}
          >
            {t.name}
          </Text>
        ))}
      </View>
      {note && <Text className="notice">{note}</Text>}
      <LoadState remote={list}>
        <Section title={TABS.find((t) => t.state === state)?.name ?? ''}>
          {list.data && list.data.consultations.length === 0 && <Text className="consult__empty">暂无。</Text>}
          {list.data?.consultations.map((c) => (
            <ConsultationItem key={c.id} c={c}>
              {c.state === 'open' && <AnswerForm c={c} onDone={done} />}
              {c.state === 'answered' && <PublishForm c={c} onDone={done} />}
              {c.published && <Text className="consult__meta">公开版本：{c.published.question}</Text>}
            </ConsultationItem>
          ))}
        </Section>
      </LoadState>
    </>
  );
}

/** 本厅咨询: an officer's halls' open questions to answer, answered ones to publish to the FAQ. */
export default function HallConsultations() {
  const halls = useRemote(myHalls, 'halls');
  const list = useMemo(() => halls.data ?? [], [halls.data]);
  const [hallId, setHallId] = useState('');
  useEffect(() => {
    if (!hallId && list.length > 0) setHallId(list[0].id);
  }, [hallId, list]);
  return (
    <PageShell className="consult-hall">
      <LoadState remote={halls}>
        {halls.data && list.length === 0 && <Text className="notice notice--error">仅限大厅民警查看。</Text>}
        <HallChips halls={list} chosen={hallId} onChoose={setHallId} />
        {hallId && <HallQuestions key={hallId} hallId={hallId} />}
      </LoadState>
    </PageShell>
  );
}
