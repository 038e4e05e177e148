import { ReissueConfig } from '../../core/reissue/ReissueConfig';
import type { QueueQuery, ReissueRecord, ReissueStore } from '../../core/reissue/ReissueDeps';
import type { ReissueApplication, ReissueState } from '../../core/reissue/ReissueApplication';
import type { Database } from '../cloudbase/app';
import { getDoc, isDuplicateKey } from '../cloudbase/documents';
import { claimOpen, releaseOpen } from '../cloudbase/openClaims';
import { saveVersioned } from '../cloudbase/versionedSave';
import { writeLog } from '../log/logLine';
import { knownCityRules } from './cityRules';

const APPS = 'reissue_applications';
const CLAIMS = 'reissue_claims';
const CONFIGS = 'reissue_configs';

const asDate = (v: unknown): Date => (v instanceof Date ? v : new Date(typeof v === 'object' && v && '$date' in v ? (v as { $date: string | number }).$date : (v as string)));

/** Encrypts a street address as the use cases do (`Secrets.encrypt(detail, FIELD.address)`). */
export type AddressSealer = (plain: string) => string;

/** A mail address as versions before the encryption of street and room stored it. */
type LegacyAddress = { detail?: string; detailEnc?: string };

/**
 * An address stored plain by an older version (`detail`), encrypted in memory: the use cases only
 * ever see `detailEnc`, and the next save replaces the stored address with the sealed one.
 */
function sealLegacy(doc: ReissueRecord, seal: AddressSealer): ReissueRecord['delivery'] {
  if (doc.delivery.kind !== 'mail') return doc.delivery;
  const { detail, ...rest } = doc.delivery.address as typeof doc.delivery.address & LegacyAddress;
  if (detail === undefined) return doc.delivery;
  return { kind: 'mail', address: { ...rest, detailEnc: rest.detailEnc ?? seal(detail) } };
}

/** Dates as Date objects whatever shape the wire gave them; a plain address sealed. */
function revive(doc: ReissueRecord, seal: AddressSealer): ReissueRecord {
  return {
    ...doc,
    delivery: sealLegacy(doc, seal),
    createdAt: asDate(doc.createdAt),
    updatedAt: asDate(doc.updatedAt),
    ...(doc.submittedAt ? { submittedAt: asDate(doc.submittedAt) } : {}),
    timeline: doc.timeline.map((t) => ({ ...t, at: asDate(t.at) })),
    ...(doc.shipment ? { shipment: { ...doc.shipment, shippedAt: asDate(doc.shipment.shippedAt) } } : {}),
  };
}

/**
 * Reissue applications in CloudBase. Every change of an application is one conditional update on
 * `{ _id, version }` (compare-and-set): of two writers that read the same version, exactly one
 * updates a document and the other learns it lost (updated 0).
 */
export class CloudbaseReissueStore implements ReissueStore {
  constructor(
    private readonly db: Database,
    /** Encrypts addresses older versions stored plain (reissueAdapters: the personal-data cipher). */
    private readonly seal: AddressSealer,
  ) {}

  private get _() {
    return this.db.command;
  }

  async application(id: string): Promise<ReissueRecord | null> {
    const doc = await getDoc<ReissueRecord>(this.db, APPS, id);
    return doc ? revive(doc, this.seal) : null;
  }

  /** Ids are deterministic per request: inserting the same application again (a retry) is no error. */
  async insert(app: ReissueRecord): Promise<void> {
    try {
      await this.db.collection(APPS).add(app);
    } catch (e) {
      if (!isDuplicateKey(e)) throw e;
      const stored = await getDoc<ReissueRecord>(this.db, APPS, app._id);
      if (stored?.applicant.actorOpenid !== app.applicant.actorOpenid || asDate(stored.createdAt).getTime() !== app.createdAt.getTime()) throw e;
    }
  }

  claimOpen(subjectIdIndex: string, applicationId: string, at: Date): Promise<{ taken: true } | { taken: false; holder: string; since?: Date }> {
    return claimOpen(this.db, CLAIMS, subjectIdIndex, applicationId, at);
  }

  releaseOpen(subjectIdIndex: string, applicationId: string): Promise<void> {
    return releaseOpen(this.db, CLAIMS, subjectIdIndex, applicationId);
  }

  save(app: ReissueRecord, expectedVersion: number): Promise<boolean> {
    return saveVersioned(this.db, APPS, app, expectedVersion);
  }

  private async list(where: Record<string, unknown>, order: [string, 'asc' | 'desc'], limit: number): Promise<ReissueRecord[]> {
    const res = await this.db.collection(APPS).where(where).orderBy(order[0], order[1]).limit(limit).get();
    return ((res.data ?? []) as ReissueRecord[]).map((d) => revive(d, this.seal));
  }

  applicationsOf(actorOpenid: string, limit: number) {
    return this.list({ 'applicant.actorOpenid': actorOpenid }, ['createdAt', 'desc'], limit);
  }

  applicationsFor(subjectIdIndex: string, limit: number) {
    return this.list({ 'applicant.subjectIdIndex': subjectIdIndex }, ['createdAt', 'desc'], limit);
  }

  queue({ hallIds, states, submittedBefore, paymentStatuses, limit }: QueueQuery) {
    return this.list(
      {
        hallId: this._.in([...hallIds]),
        state: this._.in([...states]),
        ...(submittedBefore ? { submittedAt: this._.lte(submittedBefore) } : {}),
        ...(paymentStatuses ? { 'payment.status': this._.in([...paymentStatuses]) } : {}),
      },
      ['submittedAt', 'asc'],
      limit,
    );
  }

  inState(state: ReissueState, limit: number) {
    return this.list({ state }, ['updatedAt', 'asc'], limit);
  }

  withPayment(status: ReissueApplication['payment']['status'], limit: number) {
    return this.list({ 'payment.status': status }, ['updatedAt', 'asc'], limit);
  }

  /**
   * Encrypts, in place, street addresses that versions before their encryption stored plain
   * (`delivery.address.detail`), at most `limit` of them; the version is not changed (nothing the
   * applicant sees changes), and an application changed meanwhile is left for the next run.
   */
  async sealLegacyAddresses(limit: number): Promise<number> {
    const res = await this.db
      .collection(APPS)
      .where({ 'delivery.address.detail': this._.exists(true) })
      .limit(limit)
      .get();
    let sealed = 0;
    for (const doc of (res.data ?? []) as ReissueRecord[]) {
      const delivery = sealLegacy(doc, this.seal);
      const done = await this.db
        .collection(APPS)
        .where({ _id: doc._id, version: doc.version, 'delivery.address.detail': this._.exists(true) })
        .update({ delivery: this._.set(delivery) });
      sealed += done.updated;
    }
    return sealed;
  }

  async config(cityCode: string): Promise<ReissueConfig> {
    const doc = await getDoc<Record<string, unknown>>(this.db, CONFIGS, cityCode);
    if (doc) {
      const { _id, ...rest } = doc;
      const parsed = ReissueConfig.safeParse({ ...rest, cityCode });
      if (parsed.success) return parsed.data;
      writeLog({ fn: 'reissue', outcome: 'failed', error: `invalid reissue config of city ${cityCode}` });
    }
    return ReissueConfig.parse({ ...(knownCityRules[cityCode] ?? {}), cityCode });
  }
}
