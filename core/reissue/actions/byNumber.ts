import * as z from 'zod/mini';
import { defineAction } from '../../function/action';
import { DomainError } from '../../errors/DomainError';
import { FIELD } from '../../identity/fieldNames';
import { hallsActedFor, requireActingForAnyHall } from '../../identity/hallAccess';
import { recordAudit } from '../../identity/recordAudit';
import { requireOpenid } from '../../identity/caller';
import { maskName } from '../../privacy/mask';
import { parseReferenceNumber } from '../../reference/referenceNumber';
import type { ReissueRecord } from '../ReissueDeps';
import type { ReissueDeps } from '../ReissueDeps';
import { STATE_NAMES } from '../names';
import { lazySchema } from '../../function/lazySchema';

/**
 * Officer: the application with this 办件编号 in one of the officer's halls, to open it from the
 * review queue. Another hall's number is not found (the same answer as a number nobody holds).
 * A malformed or misheard number (check digit) is refused before any lookup. Audited.
 */
export const applicationByNumber = defineAction({
  summary: "Officer: finds a reissue application of the officer's halls by its 办件编号. Another hall's number is not found. Audited, found or not.",
  input: lazySchema(() => z.strictObject({ number: z.string().check(z.trim(), z.minLength(1), z.maxLength(32)) })),
  output: lazySchema(() => z.object({ id: z.string(), hallId: z.string(), refNumber: z.string(), state: z.string(), stateName: z.string(), subjectNameMasked: z.string() })),
  errors: ['UNAUTHENTICATED', 'FORBIDDEN', 'OFFICER_NOT_VERIFIED', 'REFERENCE_NUMBER_INVALID', 'REISSUE_NOT_FOUND'],
  async run(input, deps: ReissueDeps) {
    const officer = requireActingForAnyHall(await deps.identities.account(requireOpenid(deps)));
    const parsed = parseReferenceNumber(input.number);
    if (!parsed.ok) throw new DomainError('REFERENCE_NUMBER_INVALID');
    const number = parsed.number;
    let app: ReissueRecord | null = null;
    for (const hallId of hallsActedFor(officer)) {
      const holder = await deps.references.holder(hallId, number);
      if (holder?.kind !== 'reissue') continue;
      const found = await deps.store.application(holder.id);
      if (found && found.hallId === hallId && found.refNumber === number) {
        app = found;
        break;
      }
    }
    await recordAudit(deps, officer, { action: 'reissue.lookupByNumber', target: app ? app._id : `办件编号 ${number}`, ...(app ? { hallId: app.hallId } : {}) });
    if (!app) throw new DomainError('REISSUE_NOT_FOUND');
    let name = '***';
    try {
      name = maskName(deps.secrets.decrypt(app.subjectNameEnc, FIELD.name));
    } catch {
      // unreadable: fully masked
    }
    return { id: app._id, hallId: app.hallId, refNumber: number, state: app.state, stateName: STATE_NAMES[app.state], subjectNameMasked: name };
  },
});
