/**
 * Test doubles of the identity ports, for use cases run without the local cloud:
 * - InMemoryIdentityStore: the semantics of server/identity/CloudbaseIdentityStore.ts (documents
 *   copied in and out as a database would, compare-and-set steps, the binding transaction), plus
 *   a hook to let a competing write land just before a bindIdentity;
 * - InMemoryRegistry, RecordingSmsSender, ScriptedFaceVerifier, InMemoryAuditLog, FixedClock;
 * - testSecrets: the production Secrets (server/identity/secrets.ts) with fixed test keys.
 */
import type { Account, Role } from '../../../core/identity/Account';
import type { AuditEntry, AuditQuery } from '../../../core/identity/AuditEntry';
import type { FaceIdentifyInfo } from '../../../core/identity/faceResult';
import type { FamilyLink } from '../../../core/identity/family';
import type { OfficerInvitation } from '../../../core/identity/Invitation';
import type { AuditLog, FaceVerifier, IdentityStore, PopulationRegistry, Secrets, SmsSender } from '../../../core/identity/ports';
import type { RegisteredPerson, Resident } from '../../../core/identity/Resident';
import type { Verification } from '../../../core/identity/Verification';
import type { Clock } from '../../../core/time/Clock';
import { createBlindIndex } from '../../../server/crypto/blindIndex';
import { createCipher } from '../../../server/crypto/personalDataCipher';
import { createSecrets } from '../../../server/identity/secrets';

/** What a database round trip does to a document: a deep copy (Dates stay Dates). */
const copy = <T>(value: T): T => structuredClone(value);

function duplicateKey(collection: string): Error {
  return Object.assign(new Error(`E11000 duplicate key in ${collection}`), { code: 'DATABASE_DUPLICATE_WRITE' });
}

export class InMemoryIdentityStore implements IdentityStore {
  readonly accounts = new Map<string, Account>();
  readonly bindings = new Map<string, { openid: string; boundAt: Date }>();
  readonly verifications = new Map<string, Verification>();
  /** `openid:day` → the day's counter, as the verification_failures documents. */
  readonly failureCounts = new Map<string, { openid: string; day: string; count: number }>();
  readonly links = new Map<string, FamilyLink>();
  readonly invitations = new Map<string, OfficerInvitation>();
  /** What each bindIdentity answered, in order. */
  readonly bindResults: boolean[] = [];
  private beforeNextBind?: () => Promise<void>;

  constructor(private readonly halls: readonly string[] = []) {}

  /** Runs `write` once, inside the next bindIdentity, after the use case read the binding. */
  interceptNextBind(write: () => Promise<void>): void {
    this.beforeNextBind = write;
  }

  /** Everything stored, for scans of what a database would hold. */
  dump(): unknown {
    return {
      accounts: [...this.accounts.entries()],
      bindings: [...this.bindings.entries()],
      verifications: [...this.verifications.values()],
      failures: [...this.failureCounts.values()],
      links: [...this.links.values()],
      invitations: [...this.invitations.values()],
    };
  }

  async account(openid: string) {
    const a = this.accounts.get(openid);
    return a ? copy(a) : null;
  }

  async saveAccount(account: Account) {
    this.accounts.set(account._id, copy(account));
  }

  async boundOpenid(idIndex: string) {
    return this.bindings.get(idIndex)?.openid;
  }

  async bindIdentity(account: Account, expectedBoundOpenid: string | undefined): Promise<boolean> {
    const identity = account.identity;
    if (!identity) throw new Error('bindIdentity needs an account with an identity');
    const competing = this.beforeNextBind;
    this.beforeNextBind = undefined;
    if (competing) await competing();
    // From here on, one transaction: nothing else runs until it returns.
    const current = this.bindings.get(identity.idIndex)?.openid;
    if (current !== expectedBoundOpenid && current !== account._id) {
      this.bindResults.push(false);
      return false;
    }
    const moving = expectedBoundOpenid !== undefined && expectedBoundOpenid !== account._id;
    if (moving) {
      const old = this.accounts.get(expectedBoundOpenid);
      if (old?.identity?.idIndex === identity.idIndex) {
        delete old.identity;
        old.updatedAt = account.updatedAt;
      }
    }
    this.bindings.set(identity.idIndex, { openid: account._id, boundAt: identity.verifiedAt });
    this.accounts.set(account._id, copy(account));
    if (moving) {
      for (const [id, link] of this.links) if (link.actorOpenid === expectedBoundOpenid) this.links.delete(id);
    }
    this.bindResults.push(true);
    return true;
  }

  async unbindIdentity(openid: string, idIndex: string | undefined, now: Date) {
    for (const [key, b] of this.bindings) if ((idIndex === undefined || key === idIndex) && b.openid === openid) this.bindings.delete(key);
    const account = this.accounts.get(openid);
    if (account) {
      delete account.identity;
      account.updatedAt = now;
    }
    for (const [id, link] of this.links) if (link.actorOpenid === openid) this.links.delete(id);
  }

  async verification(id: string) {
    const v = this.verifications.get(id);
    return v ? copy(v) : null;
  }

  async addVerification(v: Verification) {
    if (this.verifications.has(v._id)) throw duplicateKey('verifications');
    this.verifications.set(v._id, copy(v));
  }

  async advanceVerification(id: string, from: Verification['step'], changes: Partial<Verification>) {
    const v = this.verifications.get(id);
    if (!v || v.step !== from) return false;
    Object.assign(v, copy(changes));
    return true;
  }

  async countOtpAttempt(id: string) {
    const v = this.verifications.get(id);
    if (!v) return Number.MAX_SAFE_INTEGER;
    v.otpAttempts += 1;
    return v.otpAttempts;
  }

  async countFaceAttempt(id: string, resultKey: string) {
    const v = this.verifications.get(id);
    if (!v || v.step !== 'face' || v.faceResultKeys?.includes(resultKey)) return null;
    v.faceResultKeys = [...(v.faceResultKeys ?? []), resultKey];
    v.faceAttempts = (v.faceAttempts ?? 0) + 1;
    return v.faceAttempts;
  }

  async uncountFaceAttempt(id: string, resultKey: string) {
    const v = this.verifications.get(id);
    if (!v || v.step !== 'face' || !v.faceResultKeys?.includes(resultKey) || !v.faceAttempts) return;
    v.faceResultKeys = v.faceResultKeys.filter((k) => k !== resultKey);
    v.faceAttempts -= 1;
  }

  async countFaceReplay(id: string) {
    const v = this.verifications.get(id);
    if (!v || v.step !== 'face') return null;
    v.faceReplays = (v.faceReplays ?? 0) + 1;
    return v.faceReplays;
  }

  async removeVerificationsExpiredBefore(before: Date) {
    let removed = 0;
    for (const [id, v] of this.verifications) {
      if (v.expiresAt.getTime() < before.getTime()) {
        this.verifications.delete(id);
        removed++;
      }
    }
    return removed;
  }

  async failures(openid: string, day: string) {
    return this.failureCounts.get(`${openid}:${day}`)?.count ?? 0;
  }

  async recordFailure(openid: string, day: string) {
    const key = `${openid}:${day}`;
    const counter = this.failureCounts.get(key) ?? { openid, day, count: 0 };
    counter.count += 1;
    this.failureCounts.set(key, counter);
    return counter.count;
  }

  readonly smsCounts = new Map<string, { day: string; count: number }>();

  async countSms(key: string, day: string) {
    const counter = this.smsCounts.get(`${key}:${day}`) ?? { day, count: 0 };
    counter.count += 1;
    this.smsCounts.set(`${key}:${day}`, counter);
    return counter.count;
  }

  readonly lookupCounts = new Map<string, number>();

  async countRegistryLookup(openid: string, day: string) {
    const key = `${openid}:${day}`;
    const count = (this.lookupCounts.get(key) ?? 0) + 1;
    this.lookupCounts.set(key, count);
    return count;
  }

  async uncountRegistryLookup(openid: string, day: string) {
    const key = `${openid}:${day}`;
    this.lookupCounts.set(key, Math.max(0, (this.lookupCounts.get(key) ?? 0) - 1));
  }

  async removePlainBirthDates() {
    let changed = 0;
    for (const a of this.accounts.values()) {
      if (!a.identity || !('birthDate' in a.identity)) continue;
      delete (a.identity as { birthDate?: string }).birthDate;
      changed++;
    }
    for (const v of this.verifications.values()) {
      if (!('birthDate' in v)) continue;
      delete (v as { birthDate?: string }).birthDate;
      changed++;
    }
    return changed;
  }

  async removeSmsCountersBefore(day: string) {
    let removed = 0;
    for (const [key, counter] of this.smsCounts) {
      if (counter.day < day) {
        this.smsCounts.delete(key);
        removed++;
      }
    }
    return removed;
  }

  async removeFailureCountersBefore(day: string) {
    let removed = 0;
    for (const [key, counter] of this.failureCounts) {
      if (counter.day < day) {
        this.failureCounts.delete(key);
        removed++;
      }
    }
    return removed;
  }

  async familyLinks(actorOpenid: string) {
    return [...this.links.values()]
      .filter((l) => l.actorOpenid === actorOpenid)
      .sort((a, b) => a.addedAt.getTime() - b.addedAt.getTime())
      .slice(0, 100)
      .map(copy);
  }

  async saveFamilyLink(link: FamilyLink) {
    this.links.set(link._id, copy(link));
  }

  async removeFamilyLink(id: string) {
    return this.links.delete(id);
  }

  async missingHalls(ids: readonly string[]) {
    return ids.filter((id) => !this.halls.includes(id));
  }

  async hallNames(ids: readonly string[]) {
    return Object.fromEntries(ids.filter((id) => this.halls.includes(id)).map((id) => [id, `${id} hall`]));
  }

  async addInvitation(invitation: OfficerInvitation) {
    if (this.invitations.has(invitation._id)) throw duplicateKey('officer_invitations');
    this.invitations.set(invitation._id, copy(invitation));
  }

  async claimInvitation(id: string, openid: string, now: Date) {
    const inv = this.invitations.get(id);
    if (inv?.usedBy === openid) return copy(inv);
    if (!inv || inv.usedBy !== undefined || !(inv.expiresAt.getTime() > now.getTime())) return null;
    inv.usedBy = openid;
    inv.usedAt = now;
    return copy(inv);
  }

  async officerAccounts() {
    return [...this.accounts.values()].filter((a) => a.role === 'officer' || a.role === 'admin').map(copy);
  }

  async invitationsUsedBy(openids: readonly string[]) {
    return [...this.invitations.values()].filter((i) => i.usedBy !== undefined && openids.includes(i.usedBy)).map(copy);
  }

  async openInvitations(now: Date) {
    return [...this.invitations.values()]
      .filter((i) => i.usedBy === undefined && i.expiresAt.getTime() > now.getTime())
      .sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime())
      .map(copy);
  }

  async withdrawInvitation(id: string, by: string, now: Date) {
    const inv = this.invitations.get(id);
    if (!inv || inv.usedBy !== undefined || !(inv.expiresAt.getTime() > now.getTime())) return null;
    Object.assign(inv, { expiresAt: now, withdrawnBy: by, withdrawnAt: now });
    return copy(inv);
  }

  async setOfficerDuty(openid: string, duty: { role: Role; halls: string[]; leads?: string[] }, expectedUpdatedAt: Date, now: Date) {
    const a = this.accounts.get(openid);
    if (!a || a.updatedAt.getTime() !== expectedUpdatedAt.getTime()) return false;
    Object.assign(a, { role: duty.role, halls: [...duty.halls], ...(duty.leads ? { leads: [...duty.leads] } : {}), updatedAt: now });
    return true;
  }
}

/** A person as the registry keeps them: the record it answers, and the name and number it matches against. */
export type RegistryRecord = Resident & { idNumber: string; name: string };

/** The registry as its gateway answers (docs/REGISTRY.md): a match by number and name, never the name back. */
export class InMemoryRegistry implements PopulationRegistry {
  constructor(readonly residents: RegistryRecord[]) {}

  async match(idNumber: string, name: string) {
    const r = this.residents.find((x) => x.idNumber === idNumber && x.name === name);
    return r ? answer(r) : null;
  }

  async person(personId: string) {
    const r = this.residents.find((x) => x._id === personId);
    return r ? answer(r) : null;
  }
}

function answer(r: RegistryRecord): RegisteredPerson {
  const { idNumber: _n, name: _m, fingerprintsOnFile: _f, cardIssuedOn: _c, ...person } = copy(r);
  return person;
}

export interface SentCode {
  phone: string;
  code: string;
  minutesValid: number;
}

export class RecordingSmsSender implements SmsSender {
  readonly sent: SentCode[] = [];

  async sendVerificationCode(phone: string, code: string, minutesValid: number) {
    this.sent.push({ phone, code, minutesValid });
  }

  lastCodeTo(phone: string): string {
    const last = [...this.sent].reverse().find((s) => s.phone === phone);
    if (!last) throw new Error('no code was sent to that number');
    return last.code;
  }
}

/** Answers getinfo with whatever the test scripted for a verify_result; unknown ones get an errcode. */
export class ScriptedFaceVerifier implements FaceVerifier {
  readonly asked: string[] = [];
  private readonly answers = new Map<string, FaceIdentifyInfo>();

  script(verifyResult: string, info: FaceIdentifyInfo): void {
    this.answers.set(verifyResult, copy(info));
  }

  async identifyInfo(verifyResult: string): Promise<FaceIdentifyInfo> {
    this.asked.push(verifyResult);
    const info = this.answers.get(verifyResult);
    return info ? copy(info) : { errcode: 84001, errmsg: 'invalid verify_result', identify_ret: -1, openid: '', finish_time: 0, id_card_number_md5: '', name_utf8_md5: '' };
  }
}

export class InMemoryAuditLog implements AuditLog {
  readonly entries: Array<AuditEntry & { _id: string }> = [];

  async record(entry: AuditEntry, id?: string) {
    if (id && this.entries.some((e) => e._id === id)) return;
    this.entries.push({ ...copy(entry), _id: id ?? `audit-${this.entries.length + 1}` });
  }

  async query(q: AuditQuery) {
    return this.entries
      .filter(
        (e) =>
          (!q.halls || (e.hallId !== undefined && q.halls.includes(e.hallId))) &&
          (!q.action || e.action === q.action) &&
          (!q.actorOpenid || e.actorOpenid === q.actorOpenid) &&
          (!q.from || e.at >= q.from) &&
          (!q.to || e.at < q.to),
      )
      .sort((a, b) => b.at.getTime() - a.at.getTime())
      .slice(q.offset, q.offset + q.limit)
      .map(copy);
  }
}

export class FixedClock implements Clock {
  private t: number;

  constructor(start: Date | string) {
    this.t = new Date(start).getTime();
  }

  now(): Date {
    return new Date(this.t);
  }

  advance(ms: number): void {
    this.t += ms;
  }

  set(instant: Date | string): void {
    this.t = new Date(instant).getTime();
  }
}

/**
 * The production Secrets with fixed test keys. `codes`, when given, are handed out as the next
 * one-time codes (then random ones again), so a test can tell an old code from a new one.
 */
export function testSecrets(codes: string[] = []): Secrets {
  const cipher = createCipher({ keys: new Map([['test1', Buffer.alloc(32, 0x11)]]), currentKeyId: 'test1' });
  const secrets = createSecrets(cipher, createBlindIndex(Buffer.alloc(32, 0x22)));
  const queue = [...codes];
  return { ...secrets, randomDigits: (count) => queue.shift() ?? secrets.randomDigits(count) };
}
