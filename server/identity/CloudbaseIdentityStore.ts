import type { Account, Role } from '../../core/identity/Account';
import type { FamilyLink } from '../../core/identity/family';
import type { OfficerInvitation } from '../../core/identity/Invitation';
import type { IdentityStore } from '../../core/identity/ports';
import type { Verification } from '../../core/identity/Verification';
import type { Database } from '../cloudbase/app';
import { getDoc, isDuplicateKey, putDoc } from '../cloudbase/documents';

/** What this store uses of the SDK's transaction (its `runTransaction` is typed `any`). */
interface Tx {
  collection(name: string): {
    doc(id: string): { get(): Promise<{ data: unknown }>; set(data: object): Promise<unknown>; update(data: object): Promise<unknown> };
  };
  rollback(reason: unknown): Promise<unknown>;
}

/** runTransaction rejects with the reason given to rollback(). */
const BINDING_CHANGED = 'binding changed';

/**
 * Versions before PRIVACY.md's "no birth date in clear" stored `identity.birthDate` on accounts and
 * `birthDate` on verifications. Reads drop it (so a save never writes it back) and
 * `removePlainBirthDates` deletes it from stored documents.
 */
function withoutBirthDate<T extends object>(doc: T | null): T | null {
  if (!doc) return doc;
  const { birthDate: _plain, ...rest } = doc as T & { birthDate?: unknown };
  void _plain;
  return rest as T;
}

/** Identity data in CloudBase: accounts, bindings, verifications, failures, family, invitations. */
export class CloudbaseIdentityStore implements IdentityStore {
  constructor(private readonly db: Database) {}

  private get _() {
    return this.db.command;
  }

  async account(openid: string) {
    const account = await getDoc<Account>(this.db, 'accounts', openid);
    return account?.identity ? { ...account, identity: withoutBirthDate(account.identity)! } : account;
  }

  saveAccount(account: Account) {
    return putDoc(this.db, 'accounts', account);
  }

  async boundOpenid(idIndex: string) {
    return (await getDoc<{ openid: string }>(this.db, 'identity_bindings', idIndex))?.openid;
  }

  /**
   * One transaction of single-document operations: check the binding is still as the use case saw
   * it, take it, clear the identity from the account it leaves, and save the new account.
   */
  async bindIdentity(account: Account, expectedBoundOpenid: string | undefined): Promise<boolean> {
    const identity = account.identity;
    if (!identity) throw new Error('bindIdentity needs an account with an identity');
    const moved = await this.db
      .runTransaction(async (tx: Tx) => {
        const binding = (await tx.collection('identity_bindings').doc(identity.idIndex).get()).data as { openid: string; movedFrom?: string } | null;
        // Already this account's: this same bind was applied before (its answer lost, or retried).
        const current = binding?.openid ?? undefined;
        if (current !== expectedBoundOpenid && current !== account._id) {
          await tx.rollback(BINDING_CHANGED);
          return false;
        }
        if (expectedBoundOpenid && expectedBoundOpenid !== account._id) {
          const old = (await tx.collection('accounts').doc(expectedBoundOpenid).get()).data as Account | null;
          if (old?.identity?.idIndex === identity.idIndex) {
            await tx.collection('accounts').doc(expectedBoundOpenid).update({ identity: this._.remove(), updatedAt: account.updatedAt });
          }
        }
        // The account the identity left is remembered, so a retry can finish its clean-up below.
        const movedFrom = expectedBoundOpenid && expectedBoundOpenid !== account._id ? expectedBoundOpenid : binding?.openid === account._id ? binding.movedFrom : undefined;
        const { _id, ...body } = account;
        await tx
          .collection('identity_bindings')
          .doc(identity.idIndex)
          .set({ openid: _id, boundAt: identity.verifiedAt, ...(movedFrom ? { movedFrom } : {}) });
        await tx.collection('accounts').doc(_id).set(body);
        return { movedFrom };
      })
      .catch((e: unknown) => {
        // Someone else bound it meanwhile, or conflicts outlasted runTransaction's retries.
        if (e === BINDING_CHANGED || isDuplicateKey(e) || (e as { code?: string })?.code === 'DATABASE_TRANSACTION_CONFLICT') return false;
        throw e;
      });
    if (!moved) return false;
    if (moved.movedFrom && !(await this.account(moved.movedFrom))?.identity) {
      // The old account no longer acts for anyone (again on a retry: removing is idempotent).
      await this.db.collection('family_links').where({ actorOpenid: moved.movedFrom }).remove();
    }
    return true;
  }

  /** Every step is idempotent; without an idIndex (a retry after the identity went) it clears what is left. */
  async unbindIdentity(openid: string, idIndex: string | undefined, now: Date): Promise<void> {
    await this.db
      .collection('identity_bindings')
      .where(idIndex ? { _id: idIndex, openid } : { openid })
      .remove();
    await this.db.collection('accounts').doc(openid).update({ identity: this._.remove(), updatedAt: now });
    await this.db.collection('family_links').where({ actorOpenid: openid }).remove();
  }

  async verification(id: string) {
    return withoutBirthDate(await getDoc<Verification>(this.db, 'verifications', id));
  }

  async removePlainBirthDates(): Promise<number> {
    const accounts = await this.db
      .collection('accounts')
      .where({ 'identity.birthDate': this._.exists(true) })
      .update({ 'identity.birthDate': this._.remove() });
    const verifications = await this.db
      .collection('verifications')
      .where({ birthDate: this._.exists(true) })
      .update({ birthDate: this._.remove() });
    return (accounts.updated ?? 0) + (verifications.updated ?? 0);
  }

  async addVerification(v: Verification) {
    await this.db.collection('verifications').add(v);
  }

  async advanceVerification(id: string, from: Verification['step'], changes: Partial<Verification>): Promise<boolean> {
    const res = await this.db.collection('verifications').where({ _id: id, step: from }).update(changes);
    return res.updated === 1;
  }

  async countOtpAttempt(id: string): Promise<number> {
    await this.db
      .collection('verifications')
      .doc(id)
      .update({ otpAttempts: this._.inc(1) });
    return (await this.verification(id))?.otpAttempts ?? Number.MAX_SAFE_INTEGER;
  }

  async countFaceAttempt(id: string, resultKey: string): Promise<number | null> {
    // `neq` on an array: no element equals the key (also true while the field is missing).
    const res = await this.db
      .collection('verifications')
      .where({ _id: id, step: 'face', faceResultKeys: this._.neq(resultKey) })
      .update({ faceAttempts: this._.inc(1), faceResultKeys: this._.push(resultKey) });
    if (res.updated !== 1) return null;
    return (await this.verification(id))?.faceAttempts ?? Number.MAX_SAFE_INTEGER;
  }

  async uncountFaceAttempt(id: string, resultKey: string): Promise<void> {
    // Matching the key (an array holds it) makes a repeat a no-op: the pull removes it.
    await this.db
      .collection('verifications')
      .where({ _id: id, step: 'face', faceResultKeys: resultKey, faceAttempts: this._.gt(0) })
      .update({ faceAttempts: this._.inc(-1), faceResultKeys: this._.pull(resultKey) });
  }

  async countFaceReplay(id: string): Promise<number | null> {
    const res = await this.db
      .collection('verifications')
      .where({ _id: id, step: 'face' })
      .update({ faceReplays: this._.inc(1) });
    if (res.updated !== 1) return null;
    return (await this.verification(id))?.faceReplays ?? Number.MAX_SAFE_INTEGER;
  }

  async removeVerificationsExpiredBefore(before: Date): Promise<number> {
    const res = await this.db
      .collection('verifications')
      .where({ expiresAt: this._.lt(before) })
      .remove();
    return res.deleted ?? 0;
  }

  async removeFailureCountersBefore(day: string): Promise<number> {
    const res = await this.db
      .collection('verification_failures')
      .where({ day: this._.lt(day) })
      .remove();
    return res.deleted ?? 0;
  }

  async failures(openid: string, day: string): Promise<number> {
    return (await getDoc<{ count: number }>(this.db, 'verification_failures', `${openid}:${day}`))?.count ?? 0;
  }

  /** Atomic increment of a daily counter; the first count of a day creates it (a racing create retries). */
  private async incrementDaily(collection: string, id: string, fields: Record<string, string>): Promise<number> {
    for (let attempt = 0; attempt < 3; attempt++) {
      const res = await this.db
        .collection(collection)
        .where({ _id: id })
        .updateAndReturn({ count: this._.inc(1) });
      const doc = (res as { doc?: { count?: number } | null }).doc;
      if (res.updated === 1 && doc?.count !== undefined) return doc.count;
      try {
        await this.db.collection(collection).add({ _id: id, ...fields, count: 1 });
        return 1;
      } catch (e) {
        if (!isDuplicateKey(e)) throw e;
      }
    }
    throw new Error(`could not count in ${collection}`);
  }

  recordFailure(openid: string, day: string): Promise<number> {
    return this.incrementDaily('verification_failures', `${openid}:${day}`, { openid, day });
  }

  /** Kept with the failure counters (same day, same retention), under a document id of its own. */
  countRegistryLookup(openid: string, day: string): Promise<number> {
    return this.incrementDaily('verification_failures', `${openid}:${day}:lookups`, { openid, day, kind: 'registryLookups' });
  }

  async uncountRegistryLookup(openid: string, day: string): Promise<void> {
    await this.db
      .collection('verification_failures')
      .where({ _id: `${openid}:${day}:lookups`, count: this._.gt(0) })
      .update({ count: this._.inc(-1) });
  }

  countSms(key: string, day: string): Promise<number> {
    return this.incrementDaily('sms_counters', `${key}:${day}`, { day });
  }

  async removeSmsCountersBefore(day: string): Promise<number> {
    const res = await this.db
      .collection('sms_counters')
      .where({ day: this._.lt(day) })
      .remove();
    return res.deleted ?? 0;
  }

  async familyLinks(actorOpenid: string): Promise<FamilyLink[]> {
    const res = await this.db.collection('family_links').where({ actorOpenid }).orderBy('addedAt', 'asc').limit(100).get();
    return (res.data ?? []) as FamilyLink[];
  }

  saveFamilyLink(link: FamilyLink) {
    return putDoc(this.db, 'family_links', link);
  }

  async removeFamilyLink(id: string): Promise<boolean> {
    const res = await this.db.collection('family_links').doc(id).remove();
    return (res.deleted ?? 0) > 0;
  }

  async missingHalls(ids: readonly string[]): Promise<string[]> {
    const res = await this.db
      .collection('halls')
      .where({ _id: this._.in([...ids]) })
      .field({ _id: true })
      .limit(100)
      .get();
    const found = new Set(((res.data ?? []) as Array<{ _id: string }>).map((h) => h._id));
    return ids.filter((id) => !found.has(id));
  }

  async hallNames(ids: readonly string[]): Promise<Record<string, string>> {
    const res = await this.db
      .collection('halls')
      .where({ _id: this._.in([...ids]) })
      .field({ _id: true, name: true })
      .limit(100)
      .get();
    return Object.fromEntries(((res.data ?? []) as Array<{ _id: string; name: string }>).map((h) => [h._id, h.name]));
  }

  async addInvitation(invitation: OfficerInvitation) {
    await this.db.collection('officer_invitations').add(invitation);
  }

  /** Compare-and-set: only an unused, unexpired invitation is marked used, exactly once (again by the same account: the same claim). */
  async claimInvitation(id: string, openid: string, now: Date): Promise<OfficerInvitation | null> {
    const res = await this.db
      .collection('officer_invitations')
      .where({ _id: id, usedBy: this._.exists(false), expiresAt: this._.gt(now) })
      .update({ usedBy: openid, usedAt: now });
    if (res.updated === 1) return getDoc<OfficerInvitation>(this.db, 'officer_invitations', id);
    // Used already, by this account: its claim was applied before (answer lost, or retried).
    const used = await getDoc<OfficerInvitation>(this.db, 'officer_invitations', id);
    return used?.usedBy === openid ? used : null;
  }
  async officerAccounts(): Promise<Account[]> {
    const res = await this.db
      .collection('accounts')
      .where({ role: this._.in(['officer', 'admin']) })
      .limit(1000)
      .get();
    return ((res.data ?? []) as Account[]).map((a) => (a.identity ? { ...a, identity: withoutBirthDate(a.identity)! } : a));
  }

  async invitationsUsedBy(openids: readonly string[]): Promise<OfficerInvitation[]> {
    if (openids.length === 0) return [];
    const res = await this.db
      .collection('officer_invitations')
      .where({ usedBy: this._.in([...openids]) })
      .limit(1000)
      .get();
    return (res.data ?? []) as OfficerInvitation[];
  }

  async openInvitations(now: Date): Promise<OfficerInvitation[]> {
    const res = await this.db
      .collection('officer_invitations')
      .where({ usedBy: this._.exists(false), expiresAt: this._.gt(now) })
      .orderBy('createdAt', 'desc')
      .limit(100)
      .get();
    return (res.data ?? []) as OfficerInvitation[];
  }

  /** Compare-and-set: only an open invitation is withdrawn, and it expires at once (claimInvitation needs expiresAt > now). */
  async withdrawInvitation(id: string, by: string, now: Date): Promise<OfficerInvitation | null> {
    const res = await this.db
      .collection('officer_invitations')
      .where({ _id: id, usedBy: this._.exists(false), expiresAt: this._.gt(now) })
      .update({ expiresAt: now, withdrawnBy: by, withdrawnAt: now });
    return res.updated === 1 ? getDoc<OfficerInvitation>(this.db, 'officer_invitations', id) : null;
  }

  async setOfficerDuty(openid: string, duty: { role: Role; halls: string[]; leads?: string[] }, expectedUpdatedAt: Date, now: Date): Promise<boolean> {
    const res = await this.db
      .collection('accounts')
      .where({ _id: openid, updatedAt: expectedUpdatedAt })
      .update({ role: duty.role, halls: this._.set([...duty.halls]), ...(duty.leads ? { leads: this._.set([...duty.leads]) } : {}), updatedAt: now });
    return res.updated === 1;
  }
}
