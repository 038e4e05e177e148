import type { FaqEntry } from '../../core/consult/Consultation';
import type { FaqReader } from '../../core/consult/ports';
import type { Database } from '../cloudbase/app';

/** The guide's FAQ (`consult_faq`): published texts only, read by the public guide function. */
export class CloudbaseFaqReader implements FaqReader {
  constructor(private readonly db: Database) {}

  async of(filter: { business: string; hallId?: string }, limit: number): Promise<FaqEntry[]> {
    const res = await this.db.collection('consult_faq').where(filter).orderBy('publishedAt', 'desc').limit(limit).get();
    return ((res.data ?? []) as FaqEntry[]).map((e) => ({ ...e, publishedAt: new Date(e.publishedAt) }));
  }
}
