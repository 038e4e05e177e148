import * as z from 'zod/mini';
import { DomainError } from '../../errors/DomainError';
import { defineAction } from '../../function/action';
import { lazySchema } from '../../function/lazySchema';
import { stableId } from '../../guide/ServiceGuide';
import { requireOpenid } from '../../identity/caller';
import { resolveActingFor } from '../../identity/actingFor';
import { FIELD } from '../../identity/fieldNames';
import type { BookingDeps } from '../../booking/BookingDeps';
import { DateInput, SlotIdInput } from '../../booking/actions/inputs';
import { releaseApplicationId } from '../draw';
import { groupOf, isElderlyOn, PRIORITY_GROUP_IDS } from '../priorityGroups';
import type { ReleaseApplicationDoc, ReleaseDraw } from '../ReleaseDraw';
import { ApplicationView, applicationView } from '../views';
import { drawOf, hallDay } from './shared';

const MAX_PREFERENCES = 3;
const MemberInput = lazySchema(() => z.optional(z.string().check(z.maxLength(64))));

function requireWindowOpen(draw: ReleaseDraw, now: Date): void {
  if (draw.state !== 'open' || now.getTime() < draw.opensAt.getTime() || now.getTime() >= draw.closesAt.getTime()) throw new DomainError('RELEASE_WINDOW_CLOSED');
}

export const applyReleaseDraw = defineAction({
  summary:
    'Citizen (verified), for themselves or a family member acted for: applies for a place in a hall-day released by draw, within its window, with 1 to 3 preferred slots of that day. One application per person, hall-day and business (the database refuses a second: applying again returns the standing one). A priority group the hall gives is verified from the ID number where it can be (高龄: age from the birth date; RELEASE_GROUP_NOT_MET otherwise), else declared and marked so. Idempotent under the envelope requestId.',
  input: lazySchema(() =>
    z.strictObject({
      hallId: stableId,
      date: DateInput,
      business: stableId,
      preferences: z.array(SlotIdInput).check(z.minLength(1), z.maxLength(MAX_PREFERENCES)),
      group: z.optional(z.enum(PRIORITY_GROUP_IDS)),
      forMemberId: MemberInput,
    }),
  ),
  output: ApplicationView,
  errors: [
    'UNAUTHENTICATED',
    'NOT_VERIFIED',
    'FAMILY_MEMBER_NOT_FOUND',
    'HALL_NOT_FOUND',
    'BUSINESS_NOT_BOOKABLE',
    'RELEASE_DRAW_NOT_FOUND',
    'RELEASE_WINDOW_CLOSED',
    'RELEASE_APPLICATION_INVALID',
    'RELEASE_GROUP_NOT_MET',
    'REQUEST_IN_PROGRESS',
    'IDEMPOTENCY_KEY_REUSED',
  ],
  idempotent: 'required',
  async run(input, deps: BookingDeps) {
    const { account, subject } = await resolveActingFor(deps, input.forMemberId);
    const draw = await drawOf(deps, input.hallId, input.date);
    const now = deps.clock.now();
    requireWindowOpen(draw, now);
    const { schedule, plans } = await hallDay(deps, input.hallId, input.date);
    if (!schedule.businesses.includes(input.business)) throw new DomainError('BUSINESS_NOT_BOOKABLE');
    const slotIds = new Set(plans.map((p) => p.slotId));
    if (new Set(input.preferences).size !== input.preferences.length || input.preferences.some((s) => !slotIds.has(s))) {
      throw new DomainError('RELEASE_APPLICATION_INVALID', '所选时段须是该日的不同时段');
    }
    // 高龄 is verified from the birth date in the ID number (the member's, when acting for one).
    let elderly = false;
    if (draw.groups.includes('elderly70')) {
      const idNumberEnc = subject.actedFor
        ? (await deps.identities.familyLinks(account._id)).find((l) => l.memberResidentId === subject.actedFor)?.memberIdNumberEnc
        : account.identity.idNumberEnc;
      elderly = idNumberEnc !== undefined && isElderlyOn(deps.secrets.decrypt(idNumberEnc, FIELD.idNumber), draw.date);
    }
    const group = groupOf(input.group, draw.groups, elderly);
    if (group === 'notMet') throw new DomainError('RELEASE_GROUP_NOT_MET');
    if (group === 'notOffered') throw new DomainError('RELEASE_APPLICATION_INVALID', '该大厅本次摇号不设此优先群体');
    const id = releaseApplicationId(input.hallId, input.date, input.business, subject.idIndex);
    const application: ReleaseApplicationDoc = {
      _id: id,
      drawId: draw._id,
      hallId: input.hallId,
      date: input.date,
      business: input.business,
      actorOpenid: account._id,
      subject,
      preferences: input.preferences,
      ...(group.group && { group: group.group }),
      ...(group.declared && { groupDeclared: true }),
      ticket: deps.idFor(`releaseTicket:${id}`),
      state: 'applied',
      appliedAt: now,
      version: 0,
    };
    if (await deps.fairRelease.addApplication(application)) return applicationView(application, draw);
    const existing = (await deps.fairRelease.application(id))!;
    if (existing.actorOpenid !== account._id) throw new DomainError('RELEASE_APPLICATION_INVALID', '该办理人已由他人提交本日该事项的摇号申请');
    if (existing.state !== 'withdrawn') return applicationView(existing, draw);
    // Withdrawn within the window: applying again takes the same place (the document) back.
    const again = { state: 'applied' as const, preferences: input.preferences, appliedAt: now, ...(group.group && { group: group.group }), groupDeclared: Boolean(group.declared) };
    if (!(await deps.fairRelease.changeApplication(id, existing.version, again))) return applicationView((await deps.fairRelease.application(id))!, draw);
    return applicationView({ ...existing, ...again, version: existing.version + 1 }, draw);
  },
});

export const withdrawReleaseApplication = defineAction({
  summary: 'Citizen: withdraws their application (or a family member’s they made) while the window is open; applying again within it is possible.',
  input: lazySchema(() => z.strictObject({ hallId: stableId, date: DateInput, business: stableId, forMemberId: MemberInput })),
  output: ApplicationView,
  errors: ['UNAUTHENTICATED', 'NOT_VERIFIED', 'FAMILY_MEMBER_NOT_FOUND', 'RELEASE_DRAW_NOT_FOUND', 'RELEASE_APPLICATION_NOT_FOUND', 'RELEASE_WINDOW_CLOSED'],
  async run(input, deps: BookingDeps) {
    const { account, subject } = await resolveActingFor(deps, input.forMemberId);
    const draw = await drawOf(deps, input.hallId, input.date);
    const id = releaseApplicationId(input.hallId, input.date, input.business, subject.idIndex);
    const a = await deps.fairRelease.application(id);
    if (!a || a.actorOpenid !== account._id) throw new DomainError('RELEASE_APPLICATION_NOT_FOUND');
    if (a.state === 'withdrawn') return applicationView(a, draw);
    requireWindowOpen(draw, deps.clock.now());
    if (!(await deps.fairRelease.changeApplication(id, a.version, { state: 'withdrawn' }))) return applicationView((await deps.fairRelease.application(id))!, draw);
    return applicationView({ ...a, state: 'withdrawn', version: a.version + 1 }, draw);
  },
});

export const myReleaseApplications = defineAction({
  summary: "Citizen: the caller's draw applications (the 50 latest, for themselves and family members), each with its ticket, its place in the order once drawn and its result.",
  input: lazySchema(() => z.strictObject({})),
  output: lazySchema(() => z.object({ applications: z.array(ApplicationView) })),
  errors: ['UNAUTHENTICATED'],
  async run(_input, deps: BookingDeps) {
    const mine = await deps.fairRelease.ofActor(requireOpenid(deps), 50);
    const draws = new Map(await Promise.all([...new Set(mine.map((a) => a.drawId))].map(async (id) => [id, await deps.fairRelease.draw(id)] as const)));
    return { applications: mine.map((a) => applicationView(a, draws.get(a.drawId) ?? null)) };
  },
});
