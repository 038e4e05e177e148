import type { BusinessDeps, BusinessRecord } from './BusinessDeps';
import type { BusinessEvent } from './events';
import { noticeOf } from './notices';
import { isOpenBusiness, transition, type BusinessActor } from './stateMachine';
import { fireEvent, type EventMachine } from '../stateMachine/fireEvent';

/** An event as a use case names it: the version it is decided on is the one `fireBusiness` read (or the client's). */
export type BusinessEventInput = BusinessEvent extends infer E ? (E extends { expectedVersion: number } ? Omit<E, 'expectedVersion'> : never) : never;

type FireDeps = Pick<BusinessDeps, 'store' | 'clock' | 'notifier'>;

/** The claim that keeps one open application per person and business. */
export const openClaimKey = (app: Pick<BusinessRecord, 'subjectIdIndex' | 'kind'>): string => `${app.subjectIdIndex}:${app.kind}`;

/** The business state machine as `fireEvent` drives it: the machine refuses a stale version itself (APPLICATION_VERSION_CONFLICT). */
const machine: EventMachine<BusinessRecord, BusinessEventInput, BusinessActor> = {
  transition: (app, event, actor, now) => {
    const result = transition(app, event as BusinessEvent, actor, now);
    return result.ok ? { ok: true, app: result.app as BusinessRecord } : result;
  },
  conflict: 'APPLICATION_VERSION_CONFLICT',
  refuseStale: false,
  alreadyFired,
  isOpen: isOpenBusiness,
};

/**
 * One state change (`fireEvent`): `transition` on the version read (or on `expectedVersion`, the
 * one the client decided on), then a compare-and-set write. A refusal is the state machine's
 * catalogue error; a stale version or a lost race is APPLICATION_VERSION_CONFLICT. A write whose
 * answer was lost is recognised by reading the application back; a client's retry of the event
 * that is already the application's last (same event by the same kind of actor, decided on the
 * same version) answers the application as it is. When the application stops being open, its
 * claim is released.
 */
export function fireBusiness(deps: FireDeps, app: BusinessRecord, event: BusinessEventInput, actor: BusinessActor, expectedVersion?: number): Promise<BusinessRecord> {
  return fireEvent(
    machine,
    {
      now: () => deps.clock.now(),
      save: (next, version) => deps.store.save(next, version),
      read: (id) => deps.store.application(id),
      release: (after) => deps.store.releaseOpen(openClaimKey(after), after._id),
      written: (next, e, by) => tell(deps, next, e.type, by),
    },
    app,
    event,
    actor,
    expectedVersion,
  );
}

/**
 * The applicant hears of a decision taken by someone else. A notice is a courtesy: WeChat refusing
 * it (no subscription left) changes nothing, and the application page always shows where it stands.
 */
async function tell(deps: FireDeps, app: BusinessRecord, event: BusinessEvent['type'], actor: BusinessActor): Promise<void> {
  if (actor.role === 'citizen') return;
  const notice = noticeOf(app, event);
  if (!notice) return;
  await deps.notifier.progress(app.applicant.actorOpenid, { ...notice, applicationId: app._id, at: app.updatedAt }).catch(() => undefined);
}

/** The application's last event is this one, by this kind of actor, decided on `expectedVersion` (timeline entry i is version i). */
function alreadyFired(app: BusinessRecord, event: BusinessEventInput, actor: BusinessActor, expectedVersion: number | undefined): boolean {
  const i = app.timeline.length - 1;
  const last = app.timeline[i];
  if (expectedVersion === undefined || i !== expectedVersion + 1) return false;
  if (last.event !== event.type || last.by !== actor.role) return false;
  if (event.type === 'reject') return app.rejectionReason === event.reason;
  if (event.type === 'attachMaterial') return JSON.stringify(app.materials[event.material]?.fileIds) === JSON.stringify(event.fileIds);
  return true;
}
