import { DomainError } from '../errors/DomainError';
import type { HomeVisit } from './HomeVisit';
import { nextHomeVisitState, type HomeVisitSide } from './homeVisitStates';
import { officersProblem, refusalProblem } from './requestRules';
import { completeProblem, windowProblem, type VisitWindow } from './visitWindow';

/** An event with what it carries. */
export type HomeVisitCommand =
  | { event: 'assign'; officers: string[]; window: VisitWindow }
  | { event: 'reschedule'; window: VisitWindow; officers?: string[] }
  | { event: 'refuse'; reason: string }
  | { event: 'confirm' }
  | { event: 'complete' }
  | { event: 'cancel' };

/** Now, as the rules read it: the instant, and its date and clock time in Asia/Shanghai. */
export interface Now {
  at: Date;
  today: string;
  clock: string;
}

function invalid(problem: string | undefined): void {
  if (problem) throw new DomainError('HOME_VISIT_INVALID', problem);
}

/**
 * The visit after the command, decided on `expectedVersion` (the one the person saw): a stale
 * version is HOME_VISIT_VERSION_CONFLICT, an event that does not fit the state
 * HOME_VISIT_STATE_CONFLICT, the other side's event FORBIDDEN, bad content HOME_VISIT_INVALID.
 * The result has the next version; the store writes it only if the stored version is still the
 * expected one (a compare-and-set), so of two people acting on one version only one wins.
 */
export function fireHomeVisit(visit: HomeVisit, command: HomeVisitCommand, side: HomeVisitSide, expectedVersion: number, now: Now): HomeVisit {
  if (expectedVersion !== visit.version) throw new DomainError('HOME_VISIT_VERSION_CONFLICT');
  const state = nextHomeVisitState(visit.state, command.event, side);
  const patch: Partial<HomeVisit> = {};
  switch (command.event) {
    case 'assign':
    case 'reschedule': {
      const officers = command.officers?.map((o) => o.trim());
      if (command.event === 'assign' || officers) invalid(officersProblem(officers ?? []));
      invalid(windowProblem(command.window, now.today, now.clock));
      if (officers) patch.officers = officers;
      patch.window = { ...command.window };
      break;
    }
    case 'refuse':
      invalid(refusalProblem(command.reason));
      patch.refusalReason = command.reason.trim();
      break;
    case 'complete':
      invalid(completeProblem(visit.window, now.today));
      break;
    default:
      break;
  }
  return {
    ...visit,
    ...patch,
    state,
    version: visit.version + 1,
    updatedAt: now.at,
    history: [...visit.history, { event: command.event, state, by: side, at: now.at }],
  };
}
