import type { ApplicationFacts } from '../../core/tempProof/facts';
import type { TempProofStore } from '../../core/tempProof/ports';
import type { RevocationReason, TempProof } from '../../core/tempProof/TempProof';
import type { TempProofCheck } from '../../core/tempProof/TempProofCheck';
import type { Database } from '../cloudbase/app';
import { countInWindow } from '../cloudbase/countInWindow';
import { getDoc, isDuplicateKey, putDoc } from '../cloudbase/documents';

const PROOFS = 'temp_proofs';
const CHECKS = 'temp_proof_checks';
const LOOKUPS = 'temp_proof_lookups';
const APPLICATIONS = 'reissue_applications';

const asDate = (v: unknown): Date => (v instanceof Date ? v : new Date(v as string));

function reviveProof(doc: TempProof | null): TempProof | null {
  if (!doc) return null;
  const basis = doc.basis.kind === 'lost' ? { ...doc.basis, lostAt: asDate(doc.basis.lostAt) } : doc.basis;
  return {
    ...doc,
    basis,
    issuedAt: asDate(doc.issuedAt),
    expiresAt: asDate(doc.expiresAt),
    faceAt: asDate(doc.faceAt),
    ...(doc.revokedAt ? { revokedAt: asDate(doc.revokedAt) } : {}),
  };
}

/** Temporary proofs in CloudBase; the person's reissue applications are read from the reissue function's collection. */
export class CloudbaseTempProofStore implements TempProofStore {
  constructor(private readonly db: Database) {}

  private get _() {
    return this.db.command;
  }

  async proof(id: string): Promise<TempProof | null> {
    return reviveProof(await getDoc<TempProof>(this.db, PROOFS, id));
  }

  async insert(proof: TempProof): Promise<boolean> {
    try {
      await this.db.collection(PROOFS).add(proof);
      return true;
    } catch (e) {
      if (isDuplicateKey(e)) return false;
      throw e;
    }
  }

  private async list(where: Record<string, unknown>, limit: number): Promise<TempProof[]> {
    const res = await this.db.collection(PROOFS).where(where).orderBy('issuedAt', 'desc').limit(limit).get();
    return ((res.data ?? []) as TempProof[]).map((d) => reviveProof(d)!);
  }

  issuedSince(idIndex: string, since: Date): Promise<TempProof[]> {
    return this.list({ idIndex, issuedAt: this._.gte(since) }, 50);
  }

  proofsOf(openid: string, limit: number): Promise<TempProof[]> {
    return this.list({ openid }, limit);
  }

  async refreshFace(id: string, fromKey: string, faceAt: Date, faceKey: string): Promise<boolean> {
    const res = await this.db.collection(PROOFS).where({ _id: id, faceKey: fromKey }).update({ faceAt, faceKey });
    return res.updated === 1;
  }

  async revoke(id: string, reason: RevocationReason, at: Date): Promise<void> {
    await this.db
      .collection(PROOFS)
      .where({ _id: id, revokedAt: this._.exists(false) })
      .update({ revokedAt: at, revokedReason: reason });
  }

  async addCheck(check: TempProofCheck): Promise<void> {
    try {
      await putDoc(this.db, CHECKS, check);
    } catch (e) {
      if (!isDuplicateKey(e)) throw e;
    }
  }

  async checksOf(holderOpenid: string, limit: number): Promise<TempProofCheck[]> {
    const res = await this.db.collection(CHECKS).where({ holderOpenid }).orderBy('at', 'desc').limit(limit).get();
    return ((res.data ?? []) as TempProofCheck[]).map((c) => ({ ...c, at: asDate(c.at) }));
  }

  countLookup(key: string, windowStart: Date): Promise<number> {
    return countInWindow(this.db, LOOKUPS, key, windowStart);
  }

  async removeProofsExpiredBefore(before: Date): Promise<number> {
    return (
      (
        await this.db
          .collection(PROOFS)
          .where({ expiresAt: this._.lt(before) })
          .remove()
      ).deleted ?? 0
    );
  }

  async removeChecksBefore(before: Date): Promise<number> {
    return (
      (
        await this.db
          .collection(CHECKS)
          .where({ at: this._.lt(before) })
          .remove()
      ).deleted ?? 0
    );
  }

  async removeLookupsBefore(before: Date): Promise<number> {
    return (
      (
        await this.db
          .collection(LOOKUPS)
          .where({ windowStart: this._.lt(before) })
          .remove()
      ).deleted ?? 0
    );
  }

  async applicationsFor(idIndex: string): Promise<ApplicationFacts[]> {
    const res = await this.db
      .collection(APPLICATIONS)
      .where({ 'applicant.subjectIdIndex': idIndex })
      .orderBy('createdAt', 'desc')
      .limit(50)
      .field({ _id: true, state: true, reason: true, timeline: true })
      .get();
    return ((res.data ?? []) as ApplicationFacts[]).map((a) => ({
      _id: a._id,
      state: a.state,
      reason: a.reason,
      timeline: (a.timeline ?? []).map((t) => ({ state: t.state, at: asDate(t.at) })),
    }));
  }
}
