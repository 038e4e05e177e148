import { bookingApi } from '../../../services/bookingApi';
import { identityApi } from '../../../services/identityApi';

/** The guide whose hall booking takes the cases that cannot be done online. */
export const REISSUE_BUSINESS = 'id-card-reissue-loss';

/** What the page needs before the form: the caller's status, their family and the halls. */
export async function loadBasics() {
  const status = await identityApi.status();
  if (!status.verified || !status.profile) return { status, members: [], halls: [] };
  const [family, options] = await Promise.all([
    identityApi.familyMembers(),
    // Halls for collection: those handling the reissue (an empty list if booking is not offered).
    bookingApi.bookingOptions(REISSUE_BUSINESS).catch(() => ({ halls: [], dates: [] })),
  ]);
  return { status, members: family.members, halls: options.halls };
}
