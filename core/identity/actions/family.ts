import * as z from 'zod/mini';
import { defineAction } from '../../function/action';
import { DomainError, isDomainError } from '../../errors/DomainError';
import { birthYearShown, maskIdNumber, maskName, maskNameForFamily } from '../../privacy/mask';
import { shanghaiDate } from '../../time/shanghai';
import { checkPerson } from '../checkPerson';
import { familyLinkId, isHouseholdMember, judgeFamilyRequest, type FamilyLink } from '../family';
import { ageOn, birthDateOf } from '../idNumber';
import { FIELD } from '../fieldNames';
import { recordAudit } from '../recordAudit';
import { requireVerified } from '../callerAccount';
import { type IdentityDeps } from '../IdentityDeps';
import { IdNumberInput, NameInput } from '../inputs';
import { FamilyMemberView } from '../views';
import { describeUntil, failureDay, LOCKOUT_POLICY, lockoutState } from '../lockout';
import { countFailure, ensureNotLocked } from './verification';
import { lazySchema } from '../../function/lazySchema';

/** A member as the account that linked them sees them: told apart by name (first and last character), relation and year of birth. */
function memberView(link: FamilyLink, deps: IdentityDeps): FamilyMemberView {
  const name = deps.secrets.decrypt(link.memberNameEnc, FIELD.name);
  const idNumber = deps.secrets.decrypt(link.memberIdNumberEnc, FIELD.idNumber);
  const birthYear = birthYearShown(idNumber);
  return {
    memberId: link.memberResidentId,
    nameMasked: maskName(name),
    nameForFamily: maskNameForFamily(name),
    ...(birthYear === undefined ? {} : { birthYear }),
    idNumberMasked: maskIdNumber(idNumber),
    relation: link.relation,
    addedAt: link.addedAt.toISOString(),
  };
}

const FamilyList = lazySchema(() => z.object({ members: z.array(FamilyMemberView) }));

export const familyMembers = defineAction({
  summary: 'Family members the caller may act for (masked).',
  input: lazySchema(() => z.strictObject({})),
  output: FamilyList,
  errors: ['UNAUTHENTICATED', 'NOT_VERIFIED'],
  async run(_input, deps: IdentityDeps) {
    const account = await requireVerified(deps);
    return { members: (await deps.identities.familyLinks(account._id)).map((l) => memberView(l, deps)) };
  },
});

/**
 * Looks a person up in the registry for the caller, counting the lookup first (so concurrent
 * requests cannot exceed the day's limit): over the limit the caller is locked as for verification.
 */
async function countedLookup(deps: IdentityDeps, openid: string, person: { idNumber: string; name: string }) {
  const now = deps.clock.now();
  const day = failureDay(now);
  const lookups = await deps.identities.countRegistryLookup(openid, day);
  const lock = lockoutState(lookups - 1, now, { maxFailuresPerDay: LOCKOUT_POLICY.maxRegistryLookupsPerDay });
  if (lock.locked && lock.until) throw new DomainError('VERIFICATION_LOCKED', `请于${describeUntil(lock.until)}后再试`);
  try {
    return await deps.registry.match(person.idNumber, person.name);
  } catch (e) {
    // The registry was not asked (an outage): the lookup is given back, nothing is held against the caller.
    if (isDomainError(e) && e.code === 'REGISTRY_UNAVAILABLE') await deps.identities.uncountRegistryLookup(openid, day);
    throw e;
  }
}

export const addFamilyMember = defineAction({
  summary:
    'Adds a member of the same household (a child under 16 or a parent of 60 or more) the caller may act for. Idempotent. Every registry lookup counts towards a daily limit; a stranger, a wrong name, an unknown number and a person of another household get one and the same answer, which also counts towards the lock.',
  input: lazySchema(() => z.strictObject({ name: NameInput, idNumber: IdNumberInput, relation: z.enum(['child', 'parent']) })),
  output: FamilyList,
  errors: ['UNAUTHENTICATED', 'NOT_VERIFIED', 'VERIFICATION_LOCKED', 'NAME_INVALID', 'ID_NUMBER_INVALID', 'FAMILY_NOT_ELIGIBLE', 'FAMILY_MEMBER_UNMATCHED', 'REGISTRY_UNAVAILABLE'],
  async run(input, deps: IdentityDeps) {
    const account = await requireVerified(deps);
    await ensureNotLocked(deps, account._id);
    const now = deps.clock.now();
    const today = shanghaiDate(now);
    const person = checkPerson(input.name, input.idNumber, now, deps.divisions);
    const idIndex = deps.secrets.index('idNumber', person.idNumber);
    const links = await deps.identities.familyLinks(account._id);
    const existing = links.find((l) => l.memberIdIndex === idIndex);
    // Judged from the caller's own record and the number typed only: says nothing about anyone else.
    const request = judgeFamilyRequest({
      actorAge: ageOn(birthDateOf(deps.secrets.decrypt(account.identity.idNumberEnc, FIELD.idNumber)), today),
      memberAge: ageOn(person.birthDate, today),
      relation: input.relation,
      self: idIndex === account.identity.idIndex,
      currentMembers: existing ? 0 : links.length,
    });
    if (!request.ok) throw new DomainError('FAMILY_NOT_ELIGIBLE', request.reason);

    // The registry matches name and number itself (one answer for an unknown number and another name).
    const member = await countedLookup(deps, account._id, person);
    // Asked whatever the first answer was: every outcome makes the same calls (no timing oracle).
    const actor = await deps.registry.person(account.identity.residentId);
    // Not found, another name, another household: one answer, counted as a failed verification.
    if (!member || !actor || !isHouseholdMember(actor, member)) {
      await countFailure(deps, account._id);
      throw new DomainError('FAMILY_MEMBER_UNMATCHED');
    }
    if (!existing) {
      const link: FamilyLink = {
        _id: familyLinkId(account._id, member._id),
        actorOpenid: account._id,
        memberResidentId: member._id,
        memberIdIndex: idIndex,
        memberIdNumberEnc: deps.secrets.encrypt(person.idNumber, FIELD.idNumber),
        memberNameEnc: deps.secrets.encrypt(person.name, FIELD.name),
        relation: input.relation,
        addedAt: now,
      };
      await deps.identities.saveFamilyLink(link);
      links.push(link);
      await recordAudit(deps, account, { action: 'family.add', target: member._id, actedFor: member._id });
    }
    return { members: links.map((l) => memberView(l, deps)) };
  },
});

export const removeFamilyMember = defineAction({
  summary: 'Stops acting for a family member.',
  input: lazySchema(() => z.strictObject({ memberId: z.string().check(z.minLength(1), z.maxLength(64)) })),
  output: FamilyList,
  errors: ['UNAUTHENTICATED', 'NOT_VERIFIED', 'FAMILY_MEMBER_NOT_FOUND'],
  async run({ memberId }, deps: IdentityDeps) {
    const account = await requireVerified(deps);
    if (!(await deps.identities.removeFamilyLink(familyLinkId(account._id, memberId)))) throw new DomainError('FAMILY_MEMBER_NOT_FOUND');
    await recordAudit(deps, account, { action: 'family.remove', target: memberId, actedFor: memberId });
    return { members: (await deps.identities.familyLinks(account._id)).map((l) => memberView(l, deps)) };
  },
});
