import * as z from 'zod/mini';
import { lazySchema } from '../function/lazySchema';
import { maskName, maskPhone } from '../privacy/mask';
import { FIELD } from '../identity/fieldNames';
import type { Secrets } from '../identity/ports';
import { ASSISTED_REASONS, type AssistedSession } from './AssistedSession';
import { sessionPhase } from './sessionRules';

/** What the officer's screen shows of a session: never the full name, ID number or phone. */
export const AssistedSessionView = lazySchema(() =>
  z.object({
    sessionId: z.string(),
    hallId: z.string(),
    reason: z.enum(ASSISTED_REASONS),
    phase: z.enum(['codeSent', 'confirmed', 'expired', 'failed', 'closed']),
    nameMasked: z.string(),
    idNumberMasked: z.string(),
    phoneMasked: z.string(),
    /** ISO instant: the code's end while codeSent, the session's once confirmed. */
    expiresAt: z.string(),
  }),
);
export type AssistedSessionView = z.infer<typeof AssistedSessionView>;

export function assistedSessionView(s: AssistedSession, now: Date, secrets: Pick<Secrets, 'decrypt'>): AssistedSessionView {
  return {
    sessionId: s._id,
    hallId: s.hallId,
    reason: s.reason,
    phase: sessionPhase(s, now),
    nameMasked: maskName(secrets.decrypt(s.subjectNameEnc, FIELD.name)),
    idNumberMasked: s.subjectIdMasked,
    phoneMasked: maskPhone(secrets.decrypt(s.phoneEnc, FIELD.phone)),
    expiresAt: s.expiresAt.toISOString(),
  };
}
