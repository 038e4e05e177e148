import { BusinessConfig } from '../../core/business/BusinessConfig';
import type { BusinessState } from '../../core/business/BusinessApplication';
import type { BusinessQueueQuery, BusinessRecord, BusinessStore } from '../../core/business/BusinessDeps';
import type { Database } from '../cloudbase/app';
import { countInWindow } from '../cloudbase/countInWindow';
import { getDoc, isDuplicateKey } from '../cloudbase/documents';
import { claimOpen, releaseOpen } from '../cloudbase/openClaims';
import { saveVersioned } from '../cloudbase/versionedSave';
import { writeLog } from '../log/logLine';
import type { IssuedUpload } from '../../core/business/uploads';

const APPS = 'business_applications';
const CLAIMS = 'business_claims';
const CONFIGS = 'business_configs';
const LOOKUPS = 'business_lookups';
const UPLOADS = 'business_uploads';

const asDate = (v: unknown): Date => (v instanceof Date ? v : new Date(typeof v === 'object' && v && '$date' in v ? (v as { $date: string | number }).$date : (v as string)));
const maybe = <T>(v: T | undefined, f: (x: T) => T): T | undefined => (v === undefined || v === null ? undefined : f(v));

/** Dates as Date objects whatever shape the wire gave them. */
function revive(doc: BusinessRecord): BusinessRecord {
  const out: BusinessRecord = {
    ...doc,
    createdAt: asDate(doc.createdAt),
    updatedAt: asDate(doc.updatedAt),
    timeline: doc.timeline.map((t) => ({ ...t, at: asDate(t.at) })),
    materials: Object.fromEntries(Object.entries(doc.materials ?? {}).map(([k, m]) => [k, { ...m, attachedAt: asDate(m.attachedAt) }])),
  };
  const set = <K extends keyof BusinessRecord>(k: K, v: BusinessRecord[K] | undefined) => {
    if (v === undefined) delete out[k];
    else out[k] = v;
  };
  set('submittedAt', maybe(doc.submittedAt, asDate));
  set('reviewDueAt', maybe(doc.reviewDueAt, asDate));
  set(
    'corrections',
    maybe(doc.corrections, (c) => ({ ...c, requestedAt: asDate(c.requestedAt) })),
  );
  set(
    'certificate',
    maybe(doc.certificate, (c) => ({
      ...c,
      issuedAt: asDate(c.issuedAt),
      validUntil: asDate(c.validUntil),
      ...(c.revocation ? { revocation: { ...c.revocation, at: asDate(c.revocation.at) } } : {}),
    })),
  );
  set(
    'permit',
    maybe(doc.permit, (p) => ({
      ...p,
      issuedAt: asDate(p.issuedAt),
      validUntil: asDate(p.validUntil),
      extensions: p.extensions.map((x) => ({ ...x, validUntil: asDate(x.validUntil), at: asDate(x.at) })),
    })),
  );
  set(
    'moveOut',
    maybe(doc.moveOut, (m) => ({ ...m, dueAt: asDate(m.dueAt), ...(m.completedAt ? { completedAt: asDate(m.completedAt) } : {}) })),
  );
  set(
    'shipment',
    maybe(doc.shipment, (s) => ({ ...s, shippedAt: asDate(s.shippedAt) })),
  );
  return out;
}

/**
 * Business applications in CloudBase. Every change is one conditional update on `{ _id, version }`
 * (compare-and-set): of two officers deciding on the same version, exactly one writes.
 */
export class CloudbaseBusinessStore implements BusinessStore {
  constructor(private readonly db: Database) {}

  private get _() {
    return this.db.command;
  }

  async application(id: string): Promise<BusinessRecord | null> {
    const doc = await getDoc<BusinessRecord>(this.db, APPS, id);
    return doc ? revive(doc) : null;
  }

  /** Ids are deterministic per request: inserting the same application again (a retry) is no error. */
  async insert(app: BusinessRecord): Promise<void> {
    try {
      await this.db.collection(APPS).add(app);
    } catch (e) {
      if (!isDuplicateKey(e)) throw e;
      const stored = await getDoc<BusinessRecord>(this.db, APPS, app._id);
      if (stored?.applicant.actorOpenid !== app.applicant.actorOpenid) throw e;
    }
  }

  save(app: BusinessRecord, expectedVersion: number): Promise<boolean> {
    return saveVersioned(this.db, APPS, app, expectedVersion);
  }

  claimOpen(key: string, applicationId: string, at: Date): Promise<{ taken: true } | { taken: false; holder: string }> {
    return claimOpen(this.db, CLAIMS, key, applicationId, at);
  }

  releaseOpen(key: string, applicationId: string): Promise<void> {
    return releaseOpen(this.db, CLAIMS, key, applicationId);
  }

  private async list(where: Record<string, unknown>, order: [string, 'asc' | 'desc'], limit: number): Promise<BusinessRecord[]> {
    const res = await this.db.collection(APPS).where(where).orderBy(order[0], order[1]).limit(limit).get();
    return ((res.data ?? []) as BusinessRecord[]).map(revive);
  }

  applicationsOf(actorOpenid: string, limit: number) {
    return this.list({ 'applicant.actorOpenid': actorOpenid }, ['createdAt', 'desc'], limit);
  }

  queue({ hallIds, states, limit }: BusinessQueueQuery) {
    return this.list({ hallId: this._.in([...hallIds]), state: this._.in([...states]) }, ['submittedAt', 'asc'], limit);
  }

  inStates(states: readonly BusinessState[], limit: number) {
    return this.list({ state: this._.in([...states]) }, ['updatedAt', 'asc'], limit);
  }

  photosToPurge(states: readonly BusinessState[], before: Date, limit: number) {
    return this.list({ state: this._.in([...states]), updatedAt: this._.lte(before), materialsPurgedAt: this._.exists(false) }, ['updatedAt', 'asc'], limit);
  }

  async markMaterialsPurged(id: string, at: Date): Promise<void> {
    await this.db.collection(APPS).where({ _id: id }).update({ materialsPurgedAt: at });
  }

  moveOutQueue(originDivisionCode: string, states: readonly BusinessState[], limit: number) {
    return this.list({ 'moveOut.originDivisionCode': originDivisionCode, state: this._.in([...states]) }, ['moveOut.dueAt', 'asc'], limit);
  }

  async byCertificateSerial(serial: string): Promise<BusinessRecord | null> {
    const found = await this.list({ 'certificate.serial': serial }, ['createdAt', 'desc'], 1);
    return found[0] ?? null;
  }

  async config(hallId: string): Promise<BusinessConfig> {
    const doc = await getDoc<Record<string, unknown>>(this.db, CONFIGS, hallId);
    if (doc) {
      const { _id, ...rest } = doc;
      const parsed = BusinessConfig.safeParse({ ...rest, hallId });
      if (parsed.success) return parsed.data;
      writeLog({ fn: 'business', outcome: 'failed', error: `invalid business config of hall ${hallId}` });
    }
    return BusinessConfig.parse({ hallId });
  }

  async removeLookupsBefore(before: Date): Promise<number> {
    const res = await this.db
      .collection(LOOKUPS)
      .where({ windowStart: this._.lt(before) })
      .remove();
    return res.deleted ?? 0;
  }

  countLookup(key: string, windowStart: Date): Promise<number> {
    return countInWindow(this.db, LOOKUPS, key, windowStart);
  }

  async recordUpload(upload: IssuedUpload): Promise<void> {
    await this.db.collection(UPLOADS).add(upload);
  }

  private async uploads(where: Record<string, unknown>, limit: number): Promise<IssuedUpload[]> {
    const res = await this.db.collection(UPLOADS).where(where).orderBy('issuedAt', 'asc').limit(limit).get();
    return ((res.data ?? []) as IssuedUpload[]).map((u) => ({ ...u, issuedAt: asDate(u.issuedAt) }));
  }

  async upload(id: string): Promise<IssuedUpload | null> {
    const doc = await getDoc<IssuedUpload>(this.db, UPLOADS, id);
    return doc ? { ...doc, issuedAt: asDate(doc.issuedAt) } : null;
  }

  uploadsIssuedBefore(before: Date, limit: number) {
    return this.uploads({ issuedAt: this._.lt(before) }, limit);
  }

  /** At most a few days' worth of places (the daily limit keeps the list short). */
  uploadsOf(applicationId: string) {
    return this.uploads({ applicationId }, 1000);
  }

  async forgetUploads(ids: readonly string[]): Promise<void> {
    if (ids.length === 0) return;
    await this.db
      .collection(UPLOADS)
      .where({ _id: this._.in([...ids]) })
      .remove();
  }
}
