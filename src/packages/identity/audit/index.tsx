import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import type { AuditEntryView } from '../../../../core/identity/views';
import { auditActionKinds } from '../../../../core/identity/auditActionNames';
import { inShanghai } from '../../../../core/time/shanghai';
import { PageShell } from '../../../components/PageShell';
import { Section } from '../../../components/Section';
import { LoadState } from '../../../components/LoadState';
import { Button } from '../../../components/nutui';
import { guideApi } from '../../../services/guideApi';
import { identityApi } from '../../../services/identityApi';
import { useRemote } from '../../../services/useRemote';
import { DATE_RANGES, auditQueryOf, type AuditFilters } from './auditFilters';
import '../../../components/Form.scss';
import '../../../components/Choice.scss';
import './index.scss';
import { tappable } from '../../../components/tappable';

const PAGE = 20;
/** The most the log shows at once; past it, narrow the filters. */
const MOST = 200;
const KINDS = auditActionKinds();
const shortHall = (name: string) => name.replace(/公安局|户政服务大厅/g, '');

/** The audit log in Chinese: an admin reads every hall's, an officer their halls'; filtered, a page at a time. */
export default function AuditLogPage() {
  const status = useRemote(() => identityApi.status(), 'status');
  const halls = useRemote(() => guideApi.halls(), 'halls');
  const [filters, setFilters] = useState<AuditFilters>({ range: 'all' });
  const [shown, setShown] = useState(PAGE);
  const [kindsOpen, setKindsOpen] = useState(false);
  const [hallsOpen, setHallsOpen] = useState(false);
  const query = auditQueryOf(filters, Date.now());
  const log = useRemote(() => identityApi.auditLog({ ...query, limit: shown }), `audit:${JSON.stringify(query)}:${shown}`);

  const change = (next: Partial<AuditFilters>) => {
    setFilters((f) => ({ ...f, ...next }));
    setShown(PAGE);
  };
  const role = status.data?.role;
  // An officer chooses among their own halls; an admin among all.
  const hallChoices = (halls.data?.halls ?? []).filter((h) => role === 'admin' || (status.data?.halls ?? []).includes(h.id));
  const chosenHall = hallChoices.find((h) => h.id === filters.hallId);
  const kindName = KINDS.find((k) => k.code === filters.action)?.name;
  const entries = log.data?.entries ?? [];

  return (
    <PageShell className="audit">
      <Section title="筛选">
        <Text className="audit__label">操作</Text>
        <View className="chips">
          <Text
            className={`chip ${filters.action ? '' : 'chip--on'}`}
            data-action-filter=""
            {...tappable('button', { pressed: !filters.action })}
            onClick={() => change({ action: undefined })}
          >
            全部操作
          </Text>
          {filters.action && <Text className="chip chip--on">{kindName}</Text>}
          <Text className="chip" data-action-more {...tappable()} onClick={() => setKindsOpen((o) => !o)}>
            {kindsOpen ? '收起' : '选择操作…'}
          </Text>
        </View>
        {kindsOpen && (
          <View className="chips audit__kinds">
            {KINDS.map((k) => (
              <Text
                key={k.code}
                className={`chip ${filters.action === k.code ? 'chip--on' : ''}`}
                data-action-filter={k.code}
                {...tappable('button', { pressed: filters.action === k.code })}
                onClick={() => {
                  change({ action: k.code });
                  setKindsOpen(false);
                }}
              >
                {k.name}
              </Text>
            ))}
          </View>
        )}
        {hallChoices.length > 1 && (
          <>
            <Text className="audit__label">大厅</Text>
            <View className="chips">
              <Text className={`chip ${filters.hallId ? '' : 'chip--on'}`} {...tappable('button', { pressed: !filters.hallId })} onClick={() => change({ hallId: undefined })}>
                {role === 'admin' ? '全部大厅' : '我的全部大厅'}
              </Text>
              {chosenHall && <Text className="chip chip--on">{shortHall(chosenHall.name)}</Text>}
              <Text className="chip" data-hall-more {...tappable()} onClick={() => setHallsOpen((o) => !o)}>
                {hallsOpen ? '收起' : '选择大厅…'}
              </Text>
            </View>
            {hallsOpen && (
              <View className="chips audit__kinds">
                {hallChoices.map((h) => (
                  <Text
                    key={h.id}
                    className={`chip ${filters.hallId === h.id ? 'chip--on' : ''}`}
                    data-hall-filter={h.id}
                    {...tappable('button', { pressed: filters.hallId === h.id })}
                    onClick={() => {
                      change({ hallId: h.id });
                      setHallsOpen(false);
                    }}
                  >
                    {shortHall(h.name)}
                  </Text>
                ))}
              </View>
            )}
          </>
        )}
        <Text className="audit__label">日期</Text>
        <View className="chips">
          {DATE_RANGES.map((r) => (
            <Text
              key={r.key}
              className={`chip ${filters.range === r.key ? 'chip--on' : ''}`}
              data-range={r.key}
              {...tappable('button', { pressed: filters.range === r.key })}
              onClick={() => change({ range: r.key })}
            >
              {r.label}
            </Text>
          ))}
        </View>
        {filters.actor && (
          <>
            <Text className="audit__label">操作人</Text>
            <View className="chips">
              <Text className="chip chip--on" {...tappable('button', { label: '取消按操作人筛选' })} onClick={() => change({ actor: undefined })}>
                {filters.actor.label} ✕
              </Text>
            </View>
          </>
        )}
      </Section>

      <Section title={role === 'admin' ? '审计日志' : '审计日志（本人所在大厅）'}>
        <LoadState remote={log}>
          {entries.length === 0 && <Text className="form-field__hint">没有符合条件的记录</Text>}
          {entries.map((e: AuditEntryView) => (
            <View key={e.id} className="audit__entry" data-audit-action={e.action}>
              <View className="audit__entry-head">
                <Text className="audit__entry-action">{e.actionName}</Text>
                <Text className="audit__entry-time">{inShanghai(e.at).format('M月D日 HH:mm:ss')}</Text>
              </View>
              {e.hallName && <Text className="audit__entry-hall">{e.hallName}</Text>}
              {e.targetLabel && <Text className="audit__entry-hall">{e.targetLabel}</Text>}
              {e.purposeName && <Text className="audit__entry-hall">用途：{e.purposeName}</Text>}
              <Text className="audit__entry-actor" {...tappable()} onClick={() => change({ actor: { id: e.actorId, label: e.actorLabel } })}>
                {e.actorLabel}
                {e.clientIp ? ` · ${e.clientIp}` : ''}
              </Text>
            </View>
          ))}
          {log.data?.hasMore &&
            (shown < MOST ? (
              <View className="form-actions">
                <Button onClick={() => setShown((n) => Math.min(MOST, n + PAGE))}>加载更多</Button>
              </View>
            ) : (
              <Text className="form-field__hint">记录较多，请用上面的条件缩小范围</Text>
            ))}
        </LoadState>
      </Section>
    </PageShell>
  );
}
