import type { ConsultState } from '../../../core/consult/consultNames';
import type { Consultation, FaqEntry } from '../../../core/consult/Consultation';
import type { ConsultationStore, ConsultNotifier, FaqReader } from '../../../core/consult/ports';

/** The consultation store in memory, as CloudbaseConsultationStore behaves (conditional transitions, one document per id). */
export class InMemoryConsultationStore implements ConsultationStore, FaqReader {
  readonly docs = new Map<string, Consultation>();
  readonly faq = new Map<string, FaqEntry>();

  async get(id: string) {
    const c = this.docs.get(id);
    return c ? { ...c } : null;
  }
  async add(c: Consultation) {
    const stored = this.docs.get(c._id);
    if (stored) return { created: false, consultation: { ...stored } };
    this.docs.set(c._id, { ...c });
    return { created: true, consultation: { ...c } };
  }
  async ofAsker(openid: string, limit: number) {
    return [...this.docs.values()]
      .filter((c) => c.askerOpenid === openid)
      .sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime())
      .slice(0, limit);
  }
  async countOpenOfAsker(openid: string) {
    return [...this.docs.values()].filter((c) => c.askerOpenid === openid && c.state === 'open').length;
  }
  async countAskedSince(openid: string, since: Date) {
    return [...this.docs.values()].filter((c) => c.askerOpenid === openid && c.createdAt >= since).length;
  }
  async ofHall(hallId: string, state: ConsultState, limit: number) {
    const sign = state === 'open' ? 1 : -1;
    return [...this.docs.values()]
      .filter((c) => c.hallId === hallId && c.state === state)
      .sort((a, b) => sign * (a.createdAt.getTime() - b.createdAt.getTime()))
      .slice(0, limit);
  }
  async transition(id: string, from: readonly ConsultState[], patch: Partial<Consultation> & { state: ConsultState }) {
    const c = this.docs.get(id);
    if (!c || !from.includes(c.state)) return false;
    this.docs.set(id, { ...c, ...patch });
    return true;
  }
  async putFaq(entry: FaqEntry) {
    this.faq.set(entry._id, { ...entry });
  }
  async of(filter: { business: string; hallId?: string }, limit: number) {
    return [...this.faq.values()]
      .filter((e) => e.business === filter.business && (!filter.hallId || e.hallId === filter.hallId))
      .sort((a, b) => b.publishedAt.getTime() - a.publishedAt.getTime())
      .slice(0, limit);
  }
}

/** Records the answers told; `refuse` makes WeChat refuse (not subscribed). */
export class RecordingConsultNotifier implements ConsultNotifier {
  readonly told: { openid: string; consultationId: string; businessTitle: string }[] = [];
  refuse = false;
  async answered(openid: string, n: { consultationId: string; businessTitle: string; at: Date }) {
    if (this.refuse) throw new Error('43101');
    this.told.push({ openid, consultationId: n.consultationId, businessTitle: n.businessTitle });
  }
}
