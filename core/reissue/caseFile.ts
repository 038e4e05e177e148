import * as z from 'zod/mini';
import { FIELD } from '../identity/fieldNames';
import { ageOn } from '../identity/idNumber';
import { AUDIT_PURPOSE_NAMES } from '../identity/auditActionNames';
import { maskIdNumber } from '../privacy/mask';
import { shanghaiMinuteText, shanghaiDate } from '../time/shanghai';
import type { ReissueState } from './ReissueApplication';
import type { ReissueDeps, ReissueRecord } from './ReissueDeps';
import { configFor } from './cityConfig';
import { addYears, cardValidity, checkEligibility, type CardValidity } from './eligibility';
import { REASON_NAMES } from './names';
import { placeOf } from './views';
import { lazySchema } from '../function/lazySchema';

/**
 * The case file: what an officer of the application's hall needs to decide it and to write the
 * waybill, and nothing more. The photo on file and the card facts for the decision (is the photo
 * young enough to reuse, are fingerprints on file, was the card reported lost), the recipient's
 * name, full street address and phone for the waybill. The ID number stays masked: no decision
 * needs more. Shown to that hall's officers alone, one audited view at a time
 * (actions/caseFile.ts); never part of a list, a log line or an audit record.
 */

/** Why an officer looks at the case file, from what the application waits for. */
export const CASE_PURPOSES = ['review', 'production', 'shipping', 'collection', 'followUp'] as const;
export type CasePurpose = (typeof CASE_PURPOSES)[number];

export function purposeOf(app: Pick<ReissueRecord, 'state' | 'delivery'>): CasePurpose {
  const byState: Partial<Record<ReissueState, CasePurpose>> = {
    submitted: 'review',
    paid: 'review',
    underReview: 'review',
    approved: 'production',
    inProduction: app.delivery.kind === 'mail' ? 'shipping' : 'collection',
    shipped: 'shipping',
    returned: 'shipping',
    delivered: 'shipping',
    heldAtHall: 'collection',
    collected: 'collection',
  };
  return byState[app.state] ?? 'followUp';
}

const VALIDITY_NAMES: Record<CardValidity, string> = { fiveYear: '5年', tenYear: '10年', twentyYear: '20年', longTerm: '长期' };
const VALIDITY_YEARS: Record<CardValidity, number | undefined> = { fiveYear: 5, tenYear: 10, twentyYear: 20, longTerm: undefined };

export const CaseFileView = lazySchema(() =>
  z.object({
    applicationId: z.string(),
    version: z.int(),
    hallId: z.string(),
    purpose: z.enum(CASE_PURPOSES),
    purposeName: z.string(),
    subject: z.object({
      /** The name the card bears, in full: the officer checks it against the photo and the card. */
      name: z.string(),
      idNumberMasked: z.string(),
      sexName: z.string(),
      /** Age today (Shanghai). */
      age: z.int(),
      /** Applied for by a family member (代办). */
      byFamilyMember: z.boolean(),
    }),
    /** The photo a reissued card reuses: a data URL (no request leaves the page), or none on file. */
    photo: z.discriminatedUnion('onFile', [
      z.object({ onFile: z.literal(true), dataUrl: z.string(), takenOn: z.optional(z.string()), sample: z.boolean() }),
      z.object({ onFile: z.literal(false) }),
    ]),
    card: z.object({
      issuedOn: z.optional(z.string()),
      validityName: z.optional(z.string()),
      /** YYYY-MM-DD, or 长期. */
      validUntil: z.optional(z.string()),
      photoTakenOn: z.optional(z.string()),
      fingerprintsOnFile: z.boolean(),
      photoReused: z.boolean(),
      /** When the card was reported lost (Shanghai wall clock), if it was. */
      lostReportedAt: z.optional(z.string()),
    }),
    reasonName: z.string(),
    appearanceUnchangedDeclared: z.boolean(),
    /** The online pre-check run again today: what no longer holds (empty: every rule still met). */
    checks: z.array(z.object({ code: z.string(), message: z.string() })),
    /** Mail delivery: what the waybill needs. */
    recipient: z.optional(z.object({ name: z.string(), address: z.string(), phone: z.string() })),
    collectionHallId: z.optional(z.string()),
  }),
);
export type CaseFileView = z.infer<typeof CaseFileView>;

const unreadable = '（无法读取）';

/** Decrypts, or says it cannot (a rotated key) rather than failing the whole case file. */
function open(deps: Pick<ReissueDeps, 'secrets'>, enc: string, field: string): string {
  try {
    return deps.secrets.decrypt(enc, field);
  } catch {
    return unreadable;
  }
}

/** The registry masks the number itself (docs/REGISTRY.md); anything else it sends is shown fully masked. */
const REGISTRY_MASK = /^\d{4}\*{10}\d{3}[\dX]$/;

export async function caseFileOf(deps: Pick<ReissueDeps, 'registry' | 'secrets' | 'clock' | 'store'>, app: ReissueRecord): Promise<CaseFileView> {
  const [resident, config] = await Promise.all([deps.registry.resident(app.applicant.subjectResidentId), configFor(deps, app)]);
  const photo = resident ? await deps.registry.photo(resident._id) : null;
  const today = shanghaiDate(deps.clock.now());
  const purpose = purposeOf(app);

  const issuedOn = resident?.cardIssuedOn;
  const validity = resident && issuedOn && issuedOn >= resident.birthDate ? cardValidity(ageOn(resident.birthDate, issuedOn)) : undefined;
  const years = validity ? VALIDITY_YEARS[validity] : undefined;
  const photoTakenOn = photo?.takenOn ?? issuedOn;
  const checks = resident
    ? (() => {
        const verdict = checkEligibility({
          resident: { ...resident, ...(photoTakenOn ? { photoTakenOn } : {}) },
          reason: app.reason,
          appearanceUnchanged: app.declaredAppearanceUnchanged,
          today,
          // This application is the open one: it does not count against itself.
          openApplications: [],
          config,
        });
        return verdict.ok ? [] : verdict.reasons.map((r) => ({ code: r.code, message: r.message }));
      })()
    : [{ code: 'NOT_IN_REGISTRY', message: '户籍系统中未查到此人，请核实' }];

  const { delivery } = app;
  return {
    applicationId: app._id,
    version: app.version,
    hallId: app.hallId,
    purpose,
    purposeName: AUDIT_PURPOSE_NAMES[purpose],
    subject: {
      name: open(deps, app.subjectNameEnc, FIELD.name),
      idNumberMasked: resident && REGISTRY_MASK.test(resident.idNumberMasked) ? resident.idNumberMasked : maskIdNumber(undefined),
      sexName: resident ? (resident.sex === 'female' ? '女' : '男') : '',
      age: resident && today >= resident.birthDate ? ageOn(resident.birthDate, today) : 0,
      byFamilyMember: Boolean(app.actedFor),
    },
    photo: photo
      ? { onFile: true, dataUrl: `data:${photo.mimeType};base64,${photo.base64}`, ...(photo.takenOn ? { takenOn: photo.takenOn } : {}), sample: Boolean(photo.sample) }
      : { onFile: false },
    card: {
      ...(issuedOn ? { issuedOn } : {}),
      ...(validity ? { validityName: VALIDITY_NAMES[validity], validUntil: years && issuedOn ? addYears(issuedOn, years) : '长期' } : {}),
      ...(photoTakenOn ? { photoTakenOn } : {}),
      fingerprintsOnFile: Boolean(resident?.fingerprintsOnFile),
      photoReused: Boolean(resident?.photoReused),
      ...(resident?.cardLostAt ? { lostReportedAt: shanghaiMinuteText(resident.cardLostAt) } : {}),
    },
    reasonName: REASON_NAMES[app.reason],
    appearanceUnchangedDeclared: app.declaredAppearanceUnchanged,
    checks,
    ...(delivery.kind === 'mail'
      ? {
          recipient: {
            name: open(deps, delivery.address.recipientEnc, FIELD.name),
            address: `${placeOf(delivery.address.names)}${open(deps, delivery.address.detailEnc, FIELD.address)}`,
            phone: open(deps, delivery.address.phoneEnc, FIELD.phone),
          },
        }
      : { collectionHallId: delivery.hallId }),
  };
}
