import type { ConsultState } from '../../core/consult/consultNames';
import type { Consultation, FaqEntry } from '../../core/consult/Consultation';
import type { ConsultationStore } from '../../core/consult/ports';
import type { Database } from '../cloudbase/app';
import { getDoc, isDuplicateKey, putDoc } from '../cloudbase/documents';

const DATES = ['createdAt', 'answeredAt', 'publishedAt', 'closedAt'] as const;

/** Dates come back from the database as strings or Date-likes: made Dates again. */
function revive(doc: Consultation): Consultation {
  const c = { ...doc };
  for (const key of DATES) if (c[key] !== undefined) c[key] = new Date(c[key]);
  return c;
}

/** Consultations in CloudBase (`consultations`) and their published versions (`consult_faq`). */
export class CloudbaseConsultationStore implements ConsultationStore {
  constructor(private readonly db: Database) {}

  async get(id: string): Promise<Consultation | null> {
    const doc = await getDoc<Consultation>(this.db, 'consultations', id);
    return doc ? revive(doc) : null;
  }

  async add(c: Consultation): Promise<{ created: boolean; consultation: Consultation }> {
    try {
      await this.db.collection('consultations').add(c);
      return { created: true, consultation: c };
    } catch (e) {
      if (!isDuplicateKey(e)) throw e;
      const stored = await this.get(c._id);
      if (!stored) throw e;
      return { created: false, consultation: stored };
    }
  }

  async ofAsker(openid: string, limit: number): Promise<Consultation[]> {
    const res = await this.db.collection('consultations').where({ askerOpenid: openid }).orderBy('createdAt', 'desc').limit(limit).get();
    return ((res.data ?? []) as Consultation[]).map(revive);
  }

  async countOpenOfAsker(openid: string): Promise<number> {
    return (await this.db.collection('consultations').where({ askerOpenid: openid, state: 'open' }).count()).total ?? 0;
  }

  async countAskedSince(openid: string, since: Date): Promise<number> {
    return (
      (
        await this.db
          .collection('consultations')
          .where({ askerOpenid: openid, createdAt: this.db.command.gte(since) })
          .count()
      ).total ?? 0
    );
  }

  async ofHall(hallId: string, state: ConsultState, limit: number): Promise<Consultation[]> {
    const res = await this.db
      .collection('consultations')
      .where({ hallId, state })
      .orderBy('createdAt', state === 'open' ? 'asc' : 'desc')
      .limit(limit)
      .get();
    return ((res.data ?? []) as Consultation[]).map(revive);
  }

  async transition(id: string, from: readonly ConsultState[], patch: Partial<Consultation> & { state: ConsultState }): Promise<boolean> {
    const res = await this.db
      .collection('consultations')
      .where({ _id: id, state: this.db.command.in([...from]) })
      .update(patch);
    return res.updated === 1;
  }

  async putFaq(entry: FaqEntry): Promise<void> {
    await putDoc(this.db, 'consult_faq', entry);
  }
}
