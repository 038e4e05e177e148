/**
 * Outcomes of a fault matrix as markdown rows: one row per step (the port call that misbehaved),
 * one column per fault. A cell reads "first answer → retry answer", e.g. `fault → ok`.
 * Set FAULTS_MD=<file> to have a run append its tables there (docs/FAULTS.md is written from it).
 */
import { appendFileSync } from 'node:fs';
import type { DispatchResult } from '../../../core/function/dispatch';
import { FAULTS, InjectedFault, type Fault } from '../../support/faultInjection';

export interface CaseOutcome {
  step: number;
  call: string;
  fault: Fault;
  first: string;
  retry: string;
  /** Invariants broken after the case (empty: all held). */
  broken: string[];
  /** A known behaviour said in the table (e.g. the retry shown came after the request log's lease). */
  known?: string;
}

export function markdownTable(action: string, outcomes: readonly CaseOutcome[]): string {
  const steps = [...new Map(outcomes.map((o) => [o.step, o.call])).entries()].sort((a, b) => a[0] - b[0]);
  const cell = (step: number, fault: Fault) => {
    const o = outcomes.find((x) => x.step === step && x.fault === fault);
    if (!o) return '—';
    return `${o.first} → ${o.retry}${o.known ? ` (known: ${o.known})` : ''}${o.broken.length ? ` **BROKEN: ${o.broken.join('; ')}**` : ''}`;
  };
  const rows = steps.map(([step, call]) => `| ${step} | \`${call}\` | ${FAULTS.map((f) => cell(step, f)).join(' | ')} |`);
  return [`#### ${action}`, '', `| step | call | ${FAULTS.join(' | ')} |`, `| --- | --- | ${FAULTS.map(() => '---').join(' | ')} |`, ...rows, ''].join('\n');
}

export function report(action: string, outcomes: readonly CaseOutcome[]): void {
  const file = process.env.FAULTS_MD;
  if (file) appendFileSync(file, `${markdownTable(action, outcomes)}\n`);
}

/** What one run of an action answered: 'ok', 'fault' (the injected timeout reached the caller), a catalogue code, or crash(…). */
export function answerOf(r: DispatchResult | undefined): string {
  if (!r) return 'none';
  if (r.response.ok) return 'ok';
  if (r.outcome === 'failed') return r.cause instanceof InjectedFault ? 'fault' : `crash(${String((r.cause as Error)?.message ?? r.cause).slice(0, 60)})`;
  return r.response.error.code;
}

/** The cases that broke an invariant, one line each (the test expects none). */
export function brokenCases(outcomes: readonly CaseOutcome[]): string[] {
  return outcomes.filter((o) => o.broken.length).map((o) => `${o.step} ${o.call} ${o.fault}: ${o.first} → ${o.retry}: ${o.broken.join('; ')}`);
}
