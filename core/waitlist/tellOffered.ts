import type { GuideRepository } from '../guide/GuideRepository';
import { parseSlotId } from '../booking/slots';
import type { WaitEntry, WaitOffer } from './WaitEntry';
import type { WaitlistNotifier } from './ports';

/** How long the notice may take: the cancellation that freed the place waits for it, and has more to do after. */
export const NOTICE_TIMEOUT_MS = 3000;

/**
 * Tells the account that joined that a place is held for it (subscribe message). Best effort: the
 * offer stands whatever happens here (WeChat refuses a person who did not subscribe; the page
 * shows the offer anyway, and the timer passes it on when unanswered), and a notice that does not
 * answer in `timeoutMs` is not waited for (the cancellation still gives back its claims).
 */
export async function tellOffered(
  deps: { waitlistNotifier?: WaitlistNotifier; guides?: Pick<GuideRepository, 'guide'> },
  entry: WaitEntry,
  offer: WaitOffer,
  timeoutMs = NOTICE_TIMEOUT_MS,
): Promise<boolean> {
  if (!deps.waitlistNotifier) return false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<boolean>((resolve) => {
    timer = setTimeout(() => resolve(false), timeoutMs);
  });
  try {
    return await Promise.race([send(deps.waitlistNotifier, deps.guides, entry, offer), late]);
  } finally {
    clearTimeout(timer);
  }
}

async function send(notifier: WaitlistNotifier, guides: Pick<GuideRepository, 'guide'> | undefined, entry: WaitEntry, offer: WaitOffer): Promise<boolean> {
  try {
    const guide = await guides?.guide(entry.business);
    const slot = parseSlotId(offer.slotId);
    await notifier.offered(entry.actorOpenid, {
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
