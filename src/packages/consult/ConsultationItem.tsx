import type { ReactNode } from 'react';
import { Text, View } from '@tarojs/components';
import type { ConsultationView } from './consultApi';
import './consult.scss';

/** One consultation: business and hall, state, the question and (when answered) the answer. */
export function ConsultationItem({ c, highlight, children }: { c: ConsultationView; highlight?: boolean; children?: ReactNode }) {
  return (
    <View className={`consult__item ${highlight ? 'consult__highlight' : ''}`} data-consultation={c.id} data-state={c.state}>
      <View className="consult__head">
        <Text className="consult__meta">
          {c.businessTitle} · {c.hallName}
        </Text>
        <Text className={`consult__state ${c.state === 'open' ? 'consult__state--open' : ''}`}>{c.stateName}</Text>
      </View>
      <Text className="consult__question">{c.question}</Text>
      <Text className="consult__meta">{c.createdAt} 提问</Text>
      {c.answer !== undefined && (
        <>
          <Text className="consult__answer" data-field="answer">
            答复：{c.answer}
          </Text>
          {c.answeredAt && <Text className="consult__meta">{c.answeredAt} 答复</Text>}
        </>
      )}
      {children}
    </View>
  );
}
