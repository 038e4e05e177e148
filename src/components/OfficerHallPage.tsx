import { useEffect, useMemo, useState, type ReactNode } from 'react';
import { Text } from '@tarojs/components';
import { verifiedOfficerHalls } from '../services/verifiedOfficerHalls';
import { useRemote } from '../services/useRemote';
import { HallChips } from './HallChips';
import { LoadState } from './LoadState';
import { PageShell } from './PageShell';

/**
 * A page of a hall's officers: the halls they act for as chips (the first chosen), and what the page
 * shows for the hall chosen (`children`, keyed by the hall, so a new choice starts afresh). An account
 * of no hall is told the page is the halls' officers'; one that must verify first, to verify.
 */
export function OfficerHallPage({ className, children }: { className: string; children: (hallId: string) => ReactNode }) {
  const halls = useRemote(verifiedOfficerHalls, 'halls');
  const list = useMemo(() => halls.data ?? [], [halls.data]);
  const [hallId, setHallId] = useState('');
  useEffect(() => {
    if (!hallId && list.length > 0) setHallId(list[0]!.id);
  }, [hallId, list]);
  return (
    <PageShell className={className}>
      <LoadState remote={halls}>
        {halls.data && list.length === 0 && <Text className="notice notice--error">仅限大厅民警查看。</Text>}
        <HallChips halls={list} chosen={hallId} onChoose={setHallId} />
        {hallId && children(hallId)}
      </LoadState>
    </PageShell>
  );
}
