import * as z from 'zod/mini';
import { isDomainError } from '../errors/DomainError';
import { FIELD } from '../identity/fieldNames';
import type { Secrets } from '../identity/ports';
import { lazySchema } from '../function/lazySchema';
import type { Courier } from '../reissue/ports';

/**
 * The shipment poll both mailing functions run every 30 minutes (Kuaidi100 asks that one number is
 * not queried more often): each shipped application is tracked with the courier port, and what the
 * carrier says is handed to the function's own state machine (`fire`). The reissue mails ID
 * cards, the business function the results of household-registration business.
 */

/** A parcel on its way, as the courier port needs it. */
export interface TrackedParcel {
  courier: string;
  trackingNumber: string;
  /** The recipient's phone, encrypted (FIELD.phone): some carriers (SF Express) answer only with its last four digits. */
  phoneEnc?: string;
}

/**
 * What the carrier's answer becomes: the same two events in both state machines, fired by the
 * courier. `note` of a return: the carrier's last event (returnNote), when it gave one.
 */
export type ParcelEvent = { type: 'deliver' } | { type: 'markReturned'; note?: string };

export const ShipmentPollCounts = lazySchema(() => z.object({ checked: z.int(), delivered: z.int(), returned: z.int(), unknown: z.int(), failed: z.int() }));
export type ShipmentPollCounts = z.infer<typeof ShipmentPollCounts>;

type PollDeps = { courier: Courier; secrets: Pick<Secrets, 'decrypt'> };

function phoneTail(deps: PollDeps, phoneEnc: string | undefined): string | undefined {
  if (!phoneEnc) return undefined;
  try {
    return deps.secrets.decrypt(phoneEnc, FIELD.phone).slice(-4);
  } catch {
    return undefined;
  }
}

/** The carrier's last word, for the timeline: at most 200 characters, mobile numbers (a courier's, a recipient's) masked. */
function returnNote(description: string | undefined): string | undefined {
  const note = description?.replace(/(?<!\d)1\d{10}(?!\d)/g, (p) => `${p.slice(0, 3)}****${p.slice(-4)}`).slice(0, 200);
  return note || undefined;
}

/**
 * Tracks each application's parcel (`parcelOf`; none: skipped) and hands deliveries and returns to
 * the function's state machine (`fire`).
 * A courier outage counts as failed; a domain error (an officer acted meanwhile, the version moved)
 * does not: either way the next run looks again.
 */
export async function pollParcels<A>(
  deps: PollDeps,
  apps: readonly A[],
  parcelOf: (app: A) => TrackedParcel | undefined,
  fire: (app: A, event: ParcelEvent) => Promise<unknown>,
): Promise<ShipmentPollCounts> {
  const counts = { checked: 0, delivered: 0, returned: 0, unknown: 0, failed: 0 };
  for (const app of apps) {
    const parcel = parcelOf(app);
    if (!parcel) continue;
    counts.checked++;
    try {
      const tracking = await deps.courier.track(parcel.courier, parcel.trackingNumber, phoneTail(deps, parcel.phoneEnc));
      if (tracking.state === 'delivered') {
        await fire(app, { type: 'deliver' });
        counts.delivered++;
      } else if (tracking.state === 'returned') {
        const note = returnNote(tracking.events.at(-1)?.description);
        await fire(app, { type: 'markReturned', ...(note ? { note } : {}) });
        counts.returned++;
      } else if (tracking.state === 'unknown') counts.unknown++;
    } catch (e) {
      if (!isDomainError(e)) counts.failed++;
    }
  }
  return counts;
}
