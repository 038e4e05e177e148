import { useState } from 'react';
import { Input, Text, View } from '@tarojs/components';
import Taro, { useDidShow } from '@tarojs/taro';
import { LoadState } from '../../../components/LoadState';
import { PageShell } from '../../../components/PageShell';
import { Section } from '../../../components/Section';
import { Button, Empty } from '../../../components/nutui';
import { formatReferenceNumber, parseReferenceNumber, referenceProblem } from '../../../../core/reference/referenceNumber';
import { ApiError } from '../../../services/api';
import '../../../components/Form.scss';
import { reissueApi } from '../../../services/reissueApi';
import { useRemote } from '../../../services/useRemote';
import { StateTag } from '../components/Timeline';
import '../components/reissue.scss';
import { tappable } from '../../../components/tappable';

const FILTERS: ReadonlyArray<{ key: string; title: string; states: readonly string[]; paymentStatuses?: readonly string[] }> = [
  { key: 'review', title: '待审核', states: ['paid', 'underReview'] },
  { key: 'production', title: '待制证', states: ['approved', 'inProduction'] },
  { key: 'shipping', title: '寄送中', states: ['shipped', 'returned', 'heldAtHall'] },
  { key: 'unpaid', title: '待缴费', states: ['submitted'] },
  // Fees collected by hand, rejected or cancelled: to hand back at the hall (issue 18).
  { key: 'returnDue', title: '待当面退费', states: ['rejected', 'cancelled'], paymentStatuses: ['returnDue'] },
  { key: 'done', title: '已办结', states: ['delivered', 'collected', 'rejected', 'cancelled'] },
];

const AGES = [
  { days: 0, title: '全部' },
  { days: 3, title: '3天以上' },
  { days: 7, title: '7天以上' },
];

/** Opens an application of the officer's halls by its 办件编号 (a misheard number is refused before any lookup). */
function FindByNumber() {
  const [text, setText] = useState('');
  const [problem, setProblem] = useState('');
  const [busy, setBusy] = useState(false);
  const find = async () => {
    const parsed = parseReferenceNumber(text);
    if (!parsed.ok) {
      setProblem(referenceProblem(parsed.reason, '办件编号'));
      return;
    }
    setProblem('');
    setBusy(true);
    try {
      const found = await reissueApi.applicationByNumber(parsed.number);
      void Taro.navigateTo({ url: `/packages/reissue/review/detail?id=${found.id}` });
    } catch (e) {
      setProblem(e instanceof ApiError ? e.message : '查询失败，请重试');
    } finally {
      setBusy(false);
    }
  };
  return (
    <Section title="按办件编号查找">
      <View className="form-field">
        <Input
          className="form-field__input"
          data-field="ref-number"
          type="number"
          maxlength={11}
          value={text}
          placeholder="8位办件编号"
          onInput={(e) => {
            setText(e.detail.value);
            setProblem('');
          }}
          onConfirm={() => void find()}
        />
        {problem && (
          <View className="form-field__error" role="alert" data-field="ref-number-problem">
            <Text>{problem}</Text>
          </View>
        )}
      </View>
      <View className="form-actions">
        <Button type="default" loading={busy} disabled={!text.trim()} onClick={() => void find()}>
          查找
        </Button>
      </View>
    </Section>
  );
}

/** Officer: the reissue applications of their halls by state and age, oldest first, overdue flagged. */
export default function ReissueReview() {
  const [filter, setFilter] = useState('review');
  const [minAge, setMinAge] = useState(0);
  const [shown, setShown] = useState(0);
  useDidShow(() => setShown((n) => n + 1));
  const chosen = FILTERS.find((f) => f.key === filter)!;
  const states = [...chosen.states];
  const queue = useRemote(
    () => reissueApi.reviewQueue({ states, paymentStatuses: chosen.paymentStatuses as string[] | undefined, ...(minAge ? { minAgeDays: minAge } : {}) }),
    `queue:${filter}:${minAge}:${shown}`,
  );
  const apps = queue.data?.applications ?? [];

  return (
    <PageShell className="reissue-review">
      <FindByNumber />
      <Section title="筛选">
        <View className="chips">
          {FILTERS.map((f) => (
            <Text
              key={f.key}
              className={`chip ${f.key === filter ? 'chip--on' : ''}`}
              data-filter={f.key}
              {...tappable('button', { pressed: f.key === filter })}
              onClick={() => setFilter(f.key)}
            >
              {f.title}
            </Text>
          ))}
        </View>
        <View className="chips" style={{ marginTop: '8px' }}>
          {AGES.map((a) => (
            <Text
              key={a.days}
              className={`chip ${a.days === minAge ? 'chip--on' : ''}`}
              data-age={a.days}
              {...tappable('button', { pressed: a.days === minAge })}
              onClick={() => setMinAge(a.days)}
            >
              {a.title}
            </Text>
          ))}
        </View>
      </Section>
      <LoadState remote={queue}>
        {apps.length === 0 ? (
          <Empty title="没有待处理的申请" description="换个筛选条件看看。" />
        ) : (
          <Section title={`共 ${apps.length} 件 · 最早提交的在前`}>
            {apps.map((a) => (
              <View
                key={a.id}
                className="app-row"
                data-application={a.id}
                data-state={a.state}
                {...tappable('link')}
                onClick={() => Taro.navigateTo({ url: `/packages/reissue/review/detail?id=${a.id}` })}
              >
                <View className="app-row__head">
                  <Text className="app-row__title">
                    {a.subjectNameMasked} · {a.reasonName}
                  </Text>
                  <StateTag state={a.state} name={a.stateName} />
                </View>
                {a.refNumber && (
                  <Text className="app-row__line" data-ref-number={a.refNumber}>
                    办件编号 {formatReferenceNumber(a.refNumber)}
                  </Text>
                )}
                <Text className="app-row__line">
                  {a.submittedText} 提交 · 已 {a.ageDays} 天 · {a.deliveryKind === 'mail' ? '邮寄' : '大厅领取'}
                </Text>
                {a.promisedDue && (
                  <Text className="app-row__line">
                    承诺 {a.promisedDue} · 法定 {a.legalDue}
                  </Text>
                )}
                {a.overdue && (
                  <Text className="app-row__overdue" data-overdue="yes">
                    ⚠ {a.reviewOverdue ? '审核已超时' : '已超期'}
                  </Text>
                )}
              </View>
            ))}
          </Section>
        )}
      </LoadState>
    </PageShell>
  );
}
