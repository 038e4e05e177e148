import { pageMessages } from '../../core/errors/pageMessages';
import { ApiError } from './api';
import { officerHalls, type OfficerHalls } from './officerHalls';

/**
 * The halls the officer acts for, by name; OFFICER_NOT_VERIFIED (an ApiError the page shows) while
 * they must verify first. Apart from officerHalls.ts, whose other pages do not carry the messages.
 */
export async function verifiedOfficerHalls(): Promise<OfficerHalls['halls']> {
  const { mustVerify, halls } = await officerHalls();
  if (mustVerify) throw new ApiError('OFFICER_NOT_VERIFIED', pageMessages.OFFICER_NOT_VERIFIED);
  return halls;
}
