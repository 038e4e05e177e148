import * as z from 'zod/mini';
import { DomainError } from '../../errors/DomainError';
import { defineAction } from '../../function/action';
import { lazySchema } from '../../function/lazySchema';
import { stableId } from '../../guide/ServiceGuide';
import { resolveActingFor } from '../../identity/actingFor';
import { requireOpenid } from '../../identity/caller';
import { FIELD } from '../../identity/fieldNames';
import type { HomeVisit } from '../HomeVisit';
import type { HomeVisitDeps } from '../HomeVisitDeps';
import { HOME_VISIT_LIMITS, homeVisitReasons } from '../homeVisitNames';
import { takeOpenPlace } from '../openPlaces';
import { requestProblem } from '../requestRules';
import { HomeVisitView } from '../views';
import { ExpectedVersion, HomeVisitId, nowOf, step, Text, viewOf, viewsOf } from './shared';

const MINE_LIMIT = 50;

/**
 * Who may see and act on a visit as the citizen: the account that asked, the person visited (their
 * own verified account) and anyone who may act for that person (a family link). Anyone else is told
 * it does not exist (ids cannot be probed).
 */
async function loadForCitizen(deps: HomeVisitDeps, visitId: string): Promise<HomeVisit> {
  const openid = requireOpenid(deps);
  const v = await deps.homeVisits.get(visitId);
  if (!v) throw new DomainError('HOME_VISIT_NOT_FOUND');
  if (v.requesterOpenid === openid) return v;
  if ((await subjectsOf(deps, openid)).includes(v.subjectIdIndex)) return v;
  throw new DomainError('HOME_VISIT_NOT_FOUND');
}

/** The people the account stands for: itself (once verified) and its family members. */
async function subjectsOf(deps: HomeVisitDeps, openid: string): Promise<string[]> {
  const [account, links] = await Promise.all([deps.identities.account(openid), deps.identities.familyLinks(openid)]);
  return [...(account?.identity ? [account.identity.idIndex] : []), ...links.map((l) => l.memberIdIndex)];
}

export const requestHomeVisit = defineAction({
  summary:
    "Verified citizen, for themselves or a family member they act for (`forMemberId`): ask a hall to come to their home for one of its businesses, because they cannot travel (a reason from a fixed list); street and room within the hall's district and a mobile number (both stored encrypted). At most 2 open requests per person.",
  input: lazySchema(() =>
    z.strictObject({
      hallId: stableId,
      business: stableId,
      reason: z.enum(homeVisitReasons as [string, ...string[]]),
      detail: Text(HOME_VISIT_LIMITS.detail.max),
      phone: z.string().check(z.maxLength(20)),
      note: z.optional(Text(HOME_VISIT_LIMITS.note.max)),
      forMemberId: z.optional(z.string().check(z.minLength(1), z.maxLength(64))),
    }),
  ),
  output: HomeVisitView,
  errors: ['UNAUTHENTICATED', 'NOT_VERIFIED', 'FAMILY_MEMBER_NOT_FOUND', 'HALL_NOT_FOUND', 'HOME_VISIT_BUSINESS_NOT_OFFERED', 'HOME_VISIT_INVALID', 'HOME_VISIT_LIMIT'],
  idempotent: 'required',
  async run(input, deps: HomeVisitDeps, request) {
    const problem = requestProblem(input);
    if (problem) throw new DomainError('HOME_VISIT_INVALID', problem);
    const { account, subject } = await resolveActingFor(deps, input.forMemberId);
    const hall = await deps.guides.hall(input.hallId);
    if (!hall) throw new DomainError('HALL_NOT_FOUND');
    if (!hall.services.includes(input.business) || !(await deps.guides.guide(input.business))) throw new DomainError('HOME_VISIT_BUSINESS_NOT_OFFERED');
    // The id is the request's: a retry whose first attempt was stored finds it before the limit counts it.
    const id = deps.idFor(`homeVisit:${account._id}:${request?.requestId ?? ''}`);
    const earlier = await deps.homeVisits.get(id);
    if (earlier) return viewOf(deps, earlier, 'citizen', hall);
    // A place first (claim documents: the database refuses a third however many ask at once), then the visit.
    if (!(await takeOpenPlace(deps, subject.idIndex, id))) throw new DomainError('HOME_VISIT_LIMIT');
    const { at } = nowOf(deps);
    const visit: HomeVisit = {
      _id: id,
      hallId: hall._id,
      business: input.business,
      reason: input.reason as HomeVisit['reason'],
      state: 'requested',
      version: 1,
      requesterOpenid: account._id,
      subjectResidentId: subject.residentId,
      subjectIdIndex: subject.idIndex,
      subjectNameEnc: subject.nameEnc,
      ...(subject.actedFor && { actedFor: subject.actedFor }),
      detailEnc: deps.secrets.encrypt(input.detail.trim(), FIELD.address),
      phoneEnc: deps.secrets.encrypt(input.phone.trim(), FIELD.phone),
      ...(input.note?.trim() && { note: input.note.trim() }),
      createdAt: at,
      updatedAt: at,
      history: [{ event: 'request', state: 'requested', by: 'citizen', at }],
    };
    const { visit: stored } = await deps.homeVisits.add(visit);
    return viewOf(deps, stored, 'citizen', hall);
  },
});

export const myHomeVisits = defineAction({
  summary: 'Citizen: the home visits they asked for, and those for themselves or their family members asked by someone else (the 50 latest), each with what to do next.',
  input: lazySchema(() => z.strictObject({})),
  output: lazySchema(() => z.object({ visits: z.array(HomeVisitView) })),
  errors: ['UNAUTHENTICATED'],
  async run(_input, deps: HomeVisitDeps) {
    const openid = requireOpenid(deps);
    const subjects = await subjectsOf(deps, openid);
    const [asked, about] = await Promise.all([deps.homeVisits.ofRequester(openid, MINE_LIMIT), subjects.length ? deps.homeVisits.ofSubjects(subjects, MINE_LIMIT) : []]);
    const byId = new Map([...asked, ...about].map((v) => [v._id, v]));
    const visits = [...byId.values()].sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime()).slice(0, MINE_LIMIT);
    return { visits: await viewsOf(deps, visits, 'citizen') };
  },
});

const CitizenStep = lazySchema(() => z.strictObject({ visitId: HomeVisitId, expectedVersion: ExpectedVersion }));

/** A citizen's step on a visit they may act on, decided on the version they saw. */
const citizenStep = (summary: string, event: 'confirm' | 'cancel') =>
  defineAction({
    summary,
    input: CitizenStep,
    output: HomeVisitView,
    errors: ['UNAUTHENTICATED', 'HOME_VISIT_NOT_FOUND', 'HOME_VISIT_STATE_CONFLICT', 'HOME_VISIT_VERSION_CONFLICT'],
    idempotent: 'optional',
    async run({ visitId, expectedVersion }, deps: HomeVisitDeps) {
      const v = await loadForCitizen(deps, visitId);
      return viewOf(deps, await step(deps, v, { event }, 'citizen', expectedVersion), 'citizen');
    },
  });

export const confirmHomeVisit = citizenStep('Citizen (who asked, the person visited, or a family member acting): agree to the time the hall proposed.', 'confirm');

export const cancelHomeVisit = citizenStep('Citizen (who asked, the person visited, or a family member acting): withdraw a request before the visit is done.', 'cancel');
