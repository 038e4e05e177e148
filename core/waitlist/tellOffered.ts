import type { GuideRepository } from '../guide/GuideRepository';
import { parseSlotId } from '../booking/slots';
import type { WaitEntry, WaitOffer } from './WaitEntry';
import type { WaitlistNotifier } from './ports';

/**
 * Tells the account that joined that a place is held for it (subscribe message). Best effort: the
 * offer stands whatever happens here (WeChat refuses a person who did not subscribe; the page
 * shows the offer anyway, and the timer passes it on when unanswered).
 */
export async function tellOffered(deps: { waitlistNotifier?: WaitlistNotifier; guides?: Pick<GuideRepository, 'guide'> }, entry: WaitEntry, offer: WaitOffer): Promise<boolean> {
  if (!deps.waitlistNotifier) return false;
  try {
    const guide = await deps.guides?.guide(entry.business);
    const slot = parseSlotId(offer.slotId);
    await deps.waitlistNotifier.offered(entry.actorOpenid, {
      entryId: entry._id,
      businessTitle: guide?.title ?? entry.business,
      date: slot?.date ?? entry.date,
      start: slot?.start ?? '',
      until: offer.until,
    });
    return true;
  } catch {
    return false;
  }
}
