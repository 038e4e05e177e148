import type { Resident } from './Resident';

/**
 * A verified adult may act for members of their own household who cannot easily act for
 * themselves: children under 16 and elderly parents, as government apps allow.
 */
export const FAMILY_POLICY = { actorMinAge: 18, childUnder: 16, parentFrom: 60, maxMembers: 10 };

export type FamilyRelation = 'child' | 'parent';

export type FamilyVerdict = { ok: true } | { ok: false; reason: string };

/**
 * What can be judged before asking the registry, from the caller's own record and the number they
 * typed (its birth date gives the member's age): telling the caller these reveals nothing about
 * anyone else.
 */
export function judgeFamilyRequest(input: {
  actorAge: number;
  memberAge: number;
  relation: FamilyRelation;
  /** The number typed is the caller's own. */
  self: boolean;
  currentMembers: number;
  policy?: typeof FAMILY_POLICY;
}): FamilyVerdict {
  const p = input.policy ?? FAMILY_POLICY;
  if (input.actorAge < p.actorMinAge) return { ok: false, reason: `年满${p.actorMinAge}周岁才能为家人代办` };
  if (input.self) return { ok: false, reason: '不能添加本人' };
  if (input.relation === 'child' && input.memberAge >= p.childUnder) {
    return { ok: false, reason: `子女须未满${p.childUnder}周岁；已满${p.childUnder}周岁的请本人认证` };
  }
  if (input.relation === 'parent' && input.memberAge < p.parentFrom) {
    return { ok: false, reason: `父母须年满${p.parentFrom}周岁` };
  }
  if (input.currentMembers >= p.maxMembers) return { ok: false, reason: `最多添加${p.maxMembers}位家庭成员` };
  return { ok: true };
}

/** The registry's part of the rule: the member is another person on the actor's household register. */
export function isHouseholdMember(actor: Pick<Resident, '_id' | 'householdId'>, member: Pick<Resident, '_id' | 'householdId'>): boolean {
  return member._id !== actor._id && member.householdId === actor.householdId;
}

/**
 * The whole rule, registry answer included. The use case tells the caller only the request part
 * (judgeFamilyRequest); a registry answer that does not fit is one answer for every reason.
 */
export function judgeFamilyMember(input: {
  actor: Pick<Resident, '_id' | 'householdId'>;
  actorAge: number;
  member: Pick<Resident, '_id' | 'householdId'>;
  memberAge: number;
  relation: FamilyRelation;
  currentMembers: number;
  policy?: typeof FAMILY_POLICY;
}): FamilyVerdict {
  const request = judgeFamilyRequest({ ...input, self: input.member._id === input.actor._id });
  if (!request.ok) return request;
  if (!isHouseholdMember(input.actor, input.member)) return { ok: false, reason: '只能添加同一户口簿上的家庭成员' };
  return { ok: true };
}

export interface FamilyLink {
  /** actorOpenid:memberResidentId */
  _id: string;
  actorOpenid: string;
  memberResidentId: string;
  memberIdIndex: string;
  memberIdNumberEnc: string;
  memberNameEnc: string;
  relation: FamilyRelation;
  addedAt: Date;
}

export function familyLinkId(actorOpenid: string, memberResidentId: string): string {
  return `${actorOpenid}:${memberResidentId}`;
}
