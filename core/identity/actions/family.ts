import { z } from 'zod';
import { defineAction } from '../../function/action';
import { DomainError } from '../../errors/DomainError';
import { maskIdNumber, maskName } from '../../privacy/mask';
import { shanghaiDate } from '../../time/shanghai';
import { checkPerson } from '../checkPerson';
import { familyLinkId, judgeFamilyMember, type FamilyLink } from '../family';
import { ageOn, birthDateOf } from '../idNumber';
import { FIELD, audit, requireVerified, type IdentityDeps } from '../IdentityDeps';
import { IdNumberInput, NameInput } from '../inputs';
import { FamilyMemberView } from '../views';
import { countFailure, ensureNotLocked } from './verification';

function memberView(link: FamilyLink, deps: IdentityDeps): FamilyMemberView {
  return {
    memberId: link.memberResidentId,
    nameMasked: maskName(deps.secrets.decrypt(link.memberNameEnc, FIELD.name)),
    idNumberMasked: maskIdNumber(deps.secrets.decrypt(link.memberIdNumberEnc, FIELD.idNumber)),
    relation: link.relation,
    addedAt: link.addedAt.toISOString(),
  };
}

const FamilyList = z.object({ members: z.array(FamilyMemberView) });

export const familyMembers = defineAction({
  summary: 'Family members the caller may act for (masked).',
  input: z.object({}).strict(),
  output: FamilyList,
  errors: ['UNAUTHENTICATED', 'NOT_VERIFIED'],
  async run(_input, deps: IdentityDeps) {
    const account = await requireVerified(deps);
    return { members: (await deps.store.familyLinks(account._id)).map((l) => memberView(l, deps)) };
  },
});

export const addFamilyMember = defineAction({
  summary:
    'Adds a member of the same household (a child under 16 or a parent of 60 or more) the caller may act for. Idempotent; a mismatch with the registry counts towards the lock.',
  input: z.object({ name: NameInput, idNumber: IdNumberInput, relation: z.enum(['child', 'parent']) }).strict(),
  output: FamilyList,
  errors: ['UNAUTHENTICATED', 'NOT_VERIFIED', 'VERIFICATION_LOCKED', 'NAME_INVALID', 'ID_NUMBER_INVALID', 'REGISTRY_MISMATCH', 'FAMILY_NOT_ELIGIBLE'],
  async run(input, deps: IdentityDeps) {
    const account = await requireVerified(deps);
    await ensureNotLocked(deps, account._id);
    const now = deps.clock.now();
    const person = checkPerson(input.name, input.idNumber, now, deps.divisions);
    const idIndex = deps.secrets.index('idNumber', person.idNumber);
    const member = await deps.registry.findByIdIndex(idIndex);
    if (!member || deps.secrets.decrypt(member.nameEnc, FIELD.name) !== person.name) {
      await countFailure(deps, account._id);
      throw new DomainError('REGISTRY_MISMATCH');
    }
    const actor = await deps.registry.findByIdIndex(account.identity.idIndex);
    if (!actor) throw new DomainError('REGISTRY_MISMATCH');
    const today = shanghaiDate(now);
    const links = await deps.store.familyLinks(account._id);
    const id = familyLinkId(account._id, member._id);
    const existing = links.find((l) => l._id === id);
    if (!existing) {
      const verdict = judgeFamilyMember({
        actor,
        actorAge: ageOn(birthDateOf(deps.secrets.decrypt(account.identity.idNumberEnc, FIELD.idNumber)), today),
        member,
        memberAge: ageOn(member.birthDate, today),
        relation: input.relation,
        currentMembers: links.length,
      });
      if (!verdict.ok) throw new DomainError('FAMILY_NOT_ELIGIBLE', verdict.reason);
      const link: FamilyLink = {
        _id: id,
        actorOpenid: account._id,
        memberResidentId: member._id,
        memberIdIndex: idIndex,
        memberIdNumberEnc: deps.secrets.encrypt(person.idNumber, FIELD.idNumber),
        memberNameEnc: deps.secrets.encrypt(person.name, FIELD.name),
        relation: input.relation,
        addedAt: now,
      };
      await deps.store.saveFamilyLink(link);
      links.push(link);
      await audit(deps, account, { action: 'family.add', target: member._id, actedFor: member._id });
    }
    return { members: links.map((l) => memberView(l, deps)) };
  },
});

export const removeFamilyMember = defineAction({
  summary: 'Stops acting for a family member.',
  input: z.object({ memberId: z.string().min(1).max(64) }).strict(),
  output: FamilyList,
  errors: ['UNAUTHENTICATED', 'NOT_VERIFIED', 'FAMILY_MEMBER_NOT_FOUND'],
  async run({ memberId }, deps: IdentityDeps) {
    const account = await requireVerified(deps);
    if (!(await deps.store.removeFamilyLink(familyLinkId(account._id, memberId)))) throw new DomainError('FAMILY_MEMBER_NOT_FOUND');
    await audit(deps, account, { action: 'family.remove', target: memberId, actedFor: memberId });
    return { members: (await deps.store.familyLinks(account._id)).map((l) => memberView(l, deps)) };
  },
});
