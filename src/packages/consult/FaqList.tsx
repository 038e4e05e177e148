import { Text, View } from '@tarojs/components';
import type { FaqView } from './consultApi';
import './consult.scss';

/** Published questions and answers (edited by the hall, no personal data). */
export function FaqList({ entries }: { entries: FaqView[] }) {
  if (entries.length === 0) return <Text className="consult__empty">暂无公开的问答。</Text>;
  return (
    <>
      {entries.map((e) => (
        <View key={e.id} className="consult__item" data-faq={e.id}>
          <Text className="consult__question">问：{e.question}</Text>
          <Text className="consult__answer">答：{e.answer}</Text>
          <Text className="consult__meta">{e.publishedAt} 公开</Text>
        </View>
      ))}
    </>
  );
}
