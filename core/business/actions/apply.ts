import * as z from 'zod/mini';
import { assignReferenceNumber } from '../../reference/assignReferenceNumber';
import { defineAction } from '../../function/action';
import { Day } from './inputs';
import { lazySchema } from '../../function/lazySchema';
import { DomainError } from '../../errors/DomainError';
import { resolveActingFor } from '../../identity/actingFor';
import { recordAudit } from '../../identity/recordAudit';
import { shanghaiDate } from '../../time/shanghai';
import { BusinessKind } from '../BusinessApplication';
import type { BusinessDeps, BusinessRecord } from '../BusinessDeps';
import { unmetConditions } from '../conditions';
import { DECLARED_FIELDS, DECLARED_FIELD_KEYS } from '../declaredFields';
import { openClaimKey } from '../fire';
import { BUSINESSES, BUSINESS_KINDS, BUSINESS_TRACKS, trackOf } from '../kinds';
import { materialListOf } from '../materialList';
import { BUSINESS_NAMES } from '../names';
import { draftApplication } from '../stateMachine';
import { BusinessApplicationView } from '../views';
import { citizenActor, viewFor } from './shared';

const day = Day;

export const businessCatalogue = defineAction({
  summary: 'The household-registration businesses that can be applied for online: materials to upload, conditions, and the halls that take each.',
  input: lazySchema(() => z.strictObject({})),
  output: lazySchema(() =>
    z.object({
      businesses: z.array(
        z.object({
          kind: BusinessKind,
          name: z.string(),
          track: z.enum(BUSINESS_TRACKS),
          guideId: z.string(),
          /** What the form asks besides the materials (apply's details). */
          fields: z.array(z.enum(DECLARED_FIELD_KEYS)),
          conditions: z.array(z.string()),
          materials: z.array(z.object({ key: z.string(), name: z.string(), required: z.boolean(), note: z.optional(z.string()) })),
          halls: z.array(z.object({ id: z.string(), name: z.string() })),
        }),
      ),
    }),
  ),
  errors: [],
  async run(_input, deps: BusinessDeps) {
    const businesses = await Promise.all(
      BUSINESS_KINDS.map(async (kind) => {
        const { guideId } = BUSINESSES[kind];
        const [guide, halls] = await Promise.all([deps.guides.guide(guideId), deps.guides.hallsHandling(guideId)]);
        if (!guide || halls.length === 0) return [];
        return [
          {
            kind,
            name: BUSINESS_NAMES[kind],
            track: trackOf(kind),
            guideId,
            fields: [...DECLARED_FIELDS[kind]],
            conditions: guide.conditions,
            materials: materialListOf(guide.materials).map((m, i) => ({ ...m, ...(guide.materials[i].note ? { note: guide.materials[i].note } : {}) })),
            halls: halls.map((h) => ({ id: h._id, name: h.name })),
          },
        ];
      }),
    );
    return { businesses: businesses.flat() };
  },
});

export const apply = defineAction({
  summary:
    'Starts an online application (a draft) at a hall for the caller or a family member: the conditions that are data are checked first; the materials come from the guide. One open application per person and business. Idempotent under the envelope requestId.',
  input: lazySchema(() =>
    z.strictObject({
      kind: BusinessKind,
      hallId: z.string().check(z.minLength(1), z.maxLength(64)),
      forMemberId: z.optional(z.string().check(z.maxLength(64))),
      details: z._default(
        z.strictObject({
          purpose: z.optional(z.string().check(z.trim(), z.minLength(2), z.maxLength(100))),
          graduatedOn: z.optional(day),
          marriedOn: z.optional(day),
          residenceRegisteredOn: z.optional(day),
          residencePermitIssuedOn: z.optional(day),
        }),
        {},
      ),
    }),
  ),
  output: BusinessApplicationView,
  errors: [
    'UNAUTHENTICATED',
    'NOT_VERIFIED',
    'FAMILY_MEMBER_NOT_FOUND',
    'HALL_NOT_FOUND',
    'GUIDE_NOT_FOUND',
    'BUSINESS_NOT_ONLINE',
    'REGISTRY_MISMATCH',
    'REGISTRY_UNAVAILABLE',
    'BUSINESS_CONDITIONS_UNMET',
    'APPLICATION_ALREADY_OPEN',
    'INVALID_INPUT',
  ],
  idempotent: 'required',
  async run(input, deps: BusinessDeps, request) {
    const { account, subject } = await resolveActingFor(deps, input.forMemberId);
    const { guideId } = BUSINESSES[input.kind];
    const [hall, guide] = await Promise.all([deps.guides.hall(input.hallId), deps.guides.guide(guideId)]);
    if (!hall) throw new DomainError('HALL_NOT_FOUND');
    if (!guide) throw new DomainError('GUIDE_NOT_FOUND');
    if (!hall.services.includes(guideId)) throw new DomainError('BUSINESS_NOT_ONLINE');
    if (DECLARED_FIELDS[input.kind].includes('purpose') && !input.details.purpose) throw new DomainError('INVALID_INPUT', '请说明证明的用途');
    const person = await deps.registry.person(subject.residentId);
    if (!person) throw new DomainError('REGISTRY_MISMATCH');
    const now = deps.clock.now();
    const config = await deps.store.config(hall._id);
    const unmet = unmetConditions(input.kind, { birthDate: person.birthDate, sex: person.sex, ...input.details }, config.conditions, shanghaiDate(now));
    if (unmet.length) throw new DomainError('BUSINESS_CONDITIONS_UNMET', unmet.join('；'));

    const id = deps.newId(`${account._id}:${request?.requestId ?? ''}`);
    let app = await deps.store.application(id);
    if (!app) {
      const draft = draftApplication(
        {
          _id: id,
          kind: input.kind,
          hallId: hall._id,
          applicant: { actorOpenid: account._id, subjectResidentId: subject.residentId },
          materialList: materialListOf(guide.materials),
        },
        now,
      );
      const record: BusinessRecord = {
        ...draft,
        subjectIdIndex: subject.idIndex,
        subjectNameEnc: subject.nameEnc,
        subjectIdNumberMasked: person.idNumberMasked,
        householdDivisionCode: person.divisionCode,
        details: input.details,
        ...(subject.actedFor ? { actedFor: subject.actedFor } : {}),
      };
      const claim = await deps.store.claimOpen(openClaimKey(record), id, now);
      if (!claim.taken && claim.holder !== id) throw new DomainError('APPLICATION_ALREADY_OPEN');
      // The 办件编号, unique in the hall; derived from the application id, so a retry gets the same one.
      record.refNumber = await assignReferenceNumber(deps.references, { kind: 'business', id, hallId: hall._id }, (attempt) => deps.newId(`reference:${id}:${attempt}`), now);
      await deps.store.insert(record);
      app = record;
    }
    await recordAudit(deps, account, {
      id: `business.apply:${app._id}`,
      action: 'business.apply',
      target: app._id,
      hallId: app.hallId,
      ...(app.actedFor ? { actedFor: app.actedFor } : {}),
    });
    return viewFor(deps, app, citizenActor(account._id));
  },
});
