import type { ReactNode } from 'react';
import { Text, View } from '@tarojs/components';
import type { HomeVisitView } from './homeVisitApi';
import './homeVisit.scss';

/** One home visit: business and hall, state and what to do next, where and when, who comes, and its steps. */
export function VisitItem({ v, highlight, children }: { v: HomeVisitView; highlight?: boolean; children?: ReactNode }) {
  return (
    <View className={`hv__item ${highlight ? 'hv__highlight' : ''}`} data-visit={v.id} data-state={v.state} data-overdue={v.overdue || undefined}>
      <View className="hv__head">
        <Text className="hv__title">
          {v.businessTitle} · {v.hallName}
        </Text>
        <Text className={`hv__state hv__state--${v.state}`}>{v.stateName}</Text>
      </View>
      <Text className={`hv__next ${v.overdue ? 'hv__next--overdue' : ''}`} data-field="next-step">
        {v.nextStep}
      </Text>
      <Text className="hv__line">
        办理人：{v.subjectName ?? v.subjectNameMasked}
        {v.forFamilyMember ? '（家人代办）' : ''} · {v.reasonName}
      </Text>
      <Text className="hv__line">地址：{v.address}</Text>
      <Text className="hv__line" data-field="phone">
        联系电话：{v.phone}
      </Text>
      {v.note && <Text className="hv__line">补充说明：{v.note}</Text>}
      {v.window && (
        <Text className="hv__when" data-field="window">
          上门时间：{v.window.text}
        </Text>
      )}
      {v.officers && <Text className="hv__line">上门民警：{v.officers.join('、')}</Text>}
      {v.refusalReason && (
        <Text className="hv__refusal" data-field="refusal">
          原因：{v.refusalReason}
        </Text>
      )}
      <Text className="hv__meta">
        {v.createdAt} 申请 · 大厅电话 {v.hallPhone}
      </Text>
      {children}
    </View>
  );
}
