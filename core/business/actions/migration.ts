import * as z from 'zod/mini';
import { defineAction } from '../../function/action';
import { Decided, OFFICER_ERRORS } from './inputs';
import { lazySchema } from '../../function/lazySchema';
import { DomainError } from '../../errors/DomainError';
import { shanghaiMinuteText, shanghaiInstant, addDays } from '../../time/shanghai';
import type { BusinessDeps, BusinessRecord } from '../BusinessDeps';
import { isOverdue, lastDayOf } from '../deadlines';
import { fireBusiness } from '../fire';
import { placeOf } from '../place';
import { BusinessApplicationView, BusinessSummaryView, businessSummaryOf } from '../views';
import { auditBusiness, loadBusiness, OFFICER_ACTOR, requireBusinessOfficer, subjectNameOf, viewFor } from './shared';

/**
 * The two ends of a cross-province migration (DOMAIN.md, "Cross-province items"): the destination
 * hall issued the permission to move in; the station of the origin district completes the
 * move-out within 5 working days, and any officer of a hall in that district acts for it.
 */

/** The caller's account when one of its halls lies in the application's origin district. */
async function requireOriginOfficer(deps: BusinessDeps, hallId: string, app?: BusinessRecord) {
  const account = await requireBusinessOfficer(deps, hallId);
  const hall = await deps.guides.hall(hallId);
  if (!hall || (app && app.moveOut?.originDivisionCode !== hall.divisionCode)) throw new DomainError('FORBIDDEN', '只有迁出地的民警可以办结迁出');
  return { account, hall };
}

export const moveOutQueue = defineAction({
  summary:
    "Migrations out of the district of the caller's hall waiting for the move-out (迁出), the nearest deadline first, overdue ones flagged (officers of a hall in that district).",
  input: lazySchema(() => z.strictObject({ hallId: z.string().check(z.minLength(1), z.maxLength(64)) })),
  output: lazySchema(() =>
    z.object({
      applications: z.array(
        z.extend(BusinessSummaryView, {
          version: z.int(),
          /** Who moves out, as the station's registry finds them: the masked ID number and the household's 省市区. */
          idNumberMasked: z.string(),
          householdPlace: z.string(),
          /** Where to: the destination hall that issued the permit. */
          destinationHallName: z.string(),
          permitNumber: z.string(),
          /** The permit's last valid moment (YYYY-MM-DD HH:mm, Shanghai); an expired one must be extended by the destination first. */
          permitValidUntil: z.string(),
          permitExpired: z.boolean(),
          dueAt: z.string(),
          overdue: z.boolean(),
        }),
      ),
    }),
  ),
  errors: ['UNAUTHENTICATED', 'FORBIDDEN', 'OFFICER_NOT_VERIFIED'],
  async run(input, deps: BusinessDeps) {
    const { hall } = await requireOriginOfficer(deps, input.hallId);
    const now = deps.clock.now();
    const apps = await deps.store.moveOutQueue(hall.divisionCode, ['permitIssued', 'permitExpired'], 200);
    const destinations = new Map<string, string>();
    for (const id of new Set(apps.map((a) => a.hallId))) destinations.set(id, (await deps.guides.hall(id))?.name ?? '');
    return {
      applications: apps.map((a) => ({
        ...businessSummaryOf(a, subjectNameOf(deps, a)),
        version: a.version,
        idNumberMasked: a.subjectIdNumberMasked,
        householdPlace: placeOf(deps.divisions, a.householdDivisionCode),
        destinationHallName: destinations.get(a.hallId) ?? '',
        permitNumber: a.permit!.number,
        permitValidUntil: shanghaiMinuteText(a.permit!.validUntil),
        permitExpired: a.state === 'permitExpired',
        dueAt: lastDayOf(a.moveOut!.dueAt),
        overdue: isOverdue(a.moveOut!.dueAt, a.moveOut!.completedAt, now),
      })),
    };
  },
});

export const completeMoveOut = defineAction({
  summary:
    'The origin station completes the move-out (迁出) of a migration whose permit is valid: the destination can settle the person (落户). Officers of a hall in the origin district; audited.',
  input: lazySchema(() => z.strictObject({ ...Decided, hallId: z.string().check(z.minLength(1), z.maxLength(64)) })),
  output: BusinessApplicationView,
  errors: [...OFFICER_ERRORS],
  async run(input, deps: BusinessDeps) {
    const app = await loadBusiness(deps, input.applicationId);
    const { account } = await requireOriginOfficer(deps, input.hallId, app);
    const next = await fireBusiness(deps, app, { type: 'completeMoveOut' }, OFFICER_ACTOR, input.expectedVersion);
    if (next !== app) await auditBusiness(deps, account, next, 'completeMoveOut', `business.completeMoveOut:${next._id}`);
    return viewFor(deps, next, OFFICER_ACTOR);
  },
});

export const extendPermit = defineAction({
  summary:
    'Extends a permission to move in to the end of a later day, with the reason (as halls did during the epidemic); an expired permit runs again. Officers of the destination hall; audited.',
  input: lazySchema(() =>
    z.strictObject({ ...Decided, validThrough: z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/)), reason: z.string().check(z.trim(), z.minLength(2), z.maxLength(200)) }),
  ),
  output: BusinessApplicationView,
  errors: [...OFFICER_ERRORS],
  async run(input, deps: BusinessDeps) {
    const app = await loadBusiness(deps, input.applicationId);
    const account = await requireBusinessOfficer(deps, app.hallId);
    const validUntil = shanghaiInstant(addDays(input.validThrough, 1));
    const next = await fireBusiness(deps, app, { type: 'extendPermit', validUntil, reason: input.reason }, OFFICER_ACTOR, input.expectedVersion);
    if (next !== app) await auditBusiness(deps, account, next, 'extendPermit', `business.extendPermit:${next._id}:${next.version}`);
    return viewFor(deps, next, OFFICER_ACTOR);
  },
});
