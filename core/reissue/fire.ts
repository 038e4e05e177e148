import { FIELD } from '../identity/fieldNames';
import type { MailAddress } from './ReissueApplication';
import type { ReissueDeps, ReissueRecord } from './ReissueDeps';
import type { ReissueEvent } from './events';
import { isOpen, transition, type Actor } from './stateMachine';
import { fireEvent, type EventMachine } from '../stateMachine/fireEvent';

/** An event as a use case names it: the version it is decided on is the one `fire` read. */
export type EventInput = ReissueEvent extends infer E ? (E extends { expectedVersion: number } ? Omit<E, 'expectedVersion'> : never) : never;

type FireDeps = Pick<ReissueDeps, 'store' | 'clock' | 'secrets'>;

/** The reissue state machine as `fireEvent` drives it: a stale `expectedVersion` is refused before it is asked. */
const machine = (deps: FireDeps): EventMachine<ReissueRecord, EventInput, Actor> => ({
  transition: (app, event, actor, now) => transition(app, event, actor, now),
  conflict: 'REISSUE_VERSION_CONFLICT',
  refuseStale: true,
  alreadyFired: (app, event, actor, expectedVersion) => alreadyFired(deps, app, event, actor, expectedVersion),
  isOpen,
});

/**
 * One state change (`fireEvent`): `transition` on the version read, then a compare-and-set write of
 * the result. A refusal is the catalogue error the state machine gives; a stale `expectedVersion`
 * or a lost race is REISSUE_VERSION_CONFLICT (reload and decide again).
 *
 * Repeats are answered, not refused: a write whose answer was lost (a timeout after it was
 * applied, or an SDK retry of it) is recognised by reading the application back, and a client's
 * retry of an event that is already the application's last (same event, same kind of actor, same
 * effect, on the version it was decided on) answers the application as it is. Handed over,
 * cancelled or rejected: the person may apply again (releasing twice is harmless).
 */
export function fire(deps: FireDeps, app: ReissueRecord, event: EventInput, actor: Actor, expectedVersion?: number): Promise<ReissueRecord> {
  return fireEvent(
    machine(deps),
    {
      now: () => deps.clock.now(),
      save: (next, version) => deps.store.save(next, version),
      read: (id) => deps.store.application(id),
      release: (after) => deps.store.releaseOpen(after.applicant.subjectIdIndex, after._id),
    },
    app,
    event,
    actor,
    expectedVersion,
  );
}

/** What the system does right after an event on its own (a refund made due): looked past when matching a repeat. */
const FOLLOW_UPS = ['refundSucceeded', 'refundFailed', 'retryRefund'];

/**
 * The application's last event (past the system's follow-ups) is this one, decided on
 * `expectedVersion` when given (timeline entry i is version i), with the same effect.
 */
function alreadyFired(deps: FireDeps, app: ReissueRecord, event: EventInput, actor: Actor, expectedVersion: number | undefined): boolean {
  let i = app.timeline.length - 1;
  while (i > 0 && !FOLLOW_UPS.includes(event.type) && FOLLOW_UPS.includes(app.timeline[i].event)) i--;
  const last = app.timeline[i];
  if (!last || last.event !== event.type || last.by !== actor.role) return false;
  if (expectedVersion !== undefined && i !== expectedVersion + 1) return false;
  switch (event.type) {
    case 'ship':
    case 'reship':
      return app.shipment?.courier === event.courier && app.shipment?.trackingNumber === event.trackingNumber;
    case 'reject':
      return app.rejectionReason === event.reason;
    case 'paymentCollected':
      return app.payment.receipt === event.receipt;
    case 'feeReturned':
      return app.payment.returnReceipt === event.receipt;
    case 'cancelAtHall':
      return last.note === event.reason;
    case 'holdAtHall':
      return app.collectionHallId === event.hallId;
    case 'startPayment':
    case 'paymentSucceeded':
    case 'paymentFailed':
      return app.payment.id === event.paymentId;
    case 'changeAddress':
      return app.delivery.kind === 'mail' && sameAddress(deps, app.delivery.address, event.address);
    default:
      return true;
  }
}

function sameAddress(deps: FireDeps, a: MailAddress, b: MailAddress): boolean {
  if (a.districtCode !== b.districtCode) return false;
  try {
    const plain = (x: MailAddress) =>
      [deps.secrets.decrypt(x.detailEnc, FIELD.address), deps.secrets.decrypt(x.recipientEnc, FIELD.name), deps.secrets.decrypt(x.phoneEnc, FIELD.phone)].join('\u0000');
    return plain(a) === plain(b);
  } catch {
    return false;
  }
}
