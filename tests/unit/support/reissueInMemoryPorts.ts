/**
 * Test doubles of the reissue ports (core/reissue/ReissueDeps.ts, ports.ts), for the use cases run
 * without the local cloud, with the semantics of the CloudBase adapters:
 * - InMemoryReissueStore (server/reissue/CloudbaseReissueStore.ts): documents copied in and out,
 *   `save` a compare-and-set on the version, `claimOpen` a document with a deterministic id whose
 *   second insert fails, `releaseOpen` only by the application that holds the claim;
 * - InMemoryCardRegistry (CloudbaseCardRegistry.ts): a loss report lands once;
 * - ScriptedPayment: WeChat Pay as the payment port describes it (one order per order id, a
 *   closed order cannot be paid, one refund per refund id), with `payByCitizen` for the phone;
 * - ScriptedCourier: tracking answers the test sets.
 * Every port call passes through a `Gate` before it runs; a test with fast-check's scheduler makes
 * the gate a scheduled promise, so each database step is atomic and the steps of concurrent use
 * cases interleave in the orders the scheduler picks.
 */
import { officerIdentity } from '../../support/officerIdentity';
import { newAccount, type Account, type VerifiedAccount } from '../../../core/identity/Account';
import { InMemoryReferenceNumbers } from './InMemoryReferenceNumbers';
import type { FamilyLink } from '../../../core/identity/family';
import type { ReissueApplication, ReissueState } from '../../../core/reissue/ReissueApplication';
import { ReissueConfig } from '../../../core/reissue/ReissueConfig';
import type { CardRegistry, QueueQuery, ReissueDeps, ReissueRecord, ReissueStore } from '../../../core/reissue/ReissueDeps';
import type { CreatedOrder, Courier, NewOrder, OrderState, PaymentGateway, RefundRequest, RefundState, RefundStatus, Tracking } from '../../../core/reissue/ports';
import type { Resident } from '../../../core/identity/Resident';
import { isOpen } from '../../../core/reissue/stateMachine';
import { calendarFrom } from '../../../core/time/WorkCalendar';
import { chinaAddressDivisions } from '../../../server/reissue/chinaAddressDivisions';
import { knownCityRules } from '../../../server/reissue/cityRules';
import { FixedClock, InMemoryAuditLog, InMemoryIdentityStore, testSecrets } from './InMemoryIdentityPorts';
import { InMemoryGuideRepository, seedContent } from './InMemoryGuideRepository';
import { HALL, T0 } from './reissueFixtures';
import { InMemoryRatingStore } from './ratingInMemoryStore';

/** Where a concurrent test may let another use case run before a port call (default: right away). */
export type Gate = (label: string) => Promise<void>;
const open: Gate = () => Promise.resolve();

const copy = <T>(value: T): T => structuredClone(value);

function duplicateKey(collection: string): Error {
  return Object.assign(new Error(`E11000 duplicate key in ${collection}`), { code: 'DATABASE_DUPLICATE_WRITE' });
}

export class InMemoryReissueStore implements ReissueStore {
  readonly apps = new Map<string, ReissueRecord>();
  /** `open:<subjectIdIndex>` → the application holding the claim. */
  readonly claims = new Map<string, string>();
  /** When each claim was taken. */
  readonly claimedAt = new Map<string, Date>();
  readonly configs = new Map<string, ReissueConfig>();
  /** How many times each method ran (reads a use case costs). */
  readonly calls = new Map<string, number>();

  constructor(private readonly gate: Gate = open) {}

  private async step<T>(name: string, op: () => T): Promise<T> {
    await this.gate(`store.${name}`);
    this.calls.set(name, (this.calls.get(name) ?? 0) + 1);
    return op();
  }

  application(id: string) {
    return this.step('application', () => {
      const app = this.apps.get(id);
      return app ? copy(app) : null;
    });
  }

  /** A second insert of the same application (a retry: same applicant, same creation instant) is no error, as in CloudBase. */
  insert(app: ReissueRecord) {
    return this.step('insert', () => {
      const stored = this.apps.get(app._id);
      if (stored) {
        if (stored.applicant.actorOpenid !== app.applicant.actorOpenid || stored.createdAt.getTime() !== app.createdAt.getTime()) throw duplicateKey('reissue_applications');
        return;
      }
      this.apps.set(app._id, copy(app));
    });
  }

  claimOpen(subjectIdIndex: string, applicationId: string, at: Date) {
    return this.step('claimOpen', (): { taken: true } | { taken: false; holder: string; since?: Date } => {
      const key = `open:${subjectIdIndex}`;
      const holder = this.claims.get(key);
      if (holder !== undefined) {
        const since = this.claimedAt.get(key);
        return { taken: false, holder, ...(since ? { since } : {}) };
      }
      this.claims.set(key, applicationId);
      this.claimedAt.set(key, at);
      return { taken: true };
    });
  }

  releaseOpen(subjectIdIndex: string, applicationId: string) {
    return this.step('releaseOpen', () => {
      const key = `open:${subjectIdIndex}`;
      if (this.claims.get(key) === applicationId) this.claims.delete(key);
    });
  }

  save(app: ReissueRecord, expectedVersion: number) {
    return this.step('save', () => {
      const stored = this.apps.get(app._id);
      if (!stored || stored.version !== expectedVersion) return false;
      this.apps.set(app._id, copy(app));
      return true;
    });
  }

  private list(keep: (a: ReissueRecord) => boolean, order: (a: ReissueRecord) => number, limit: number) {
    return [...this.apps.values()]
      .filter(keep)
      .sort((a, b) => order(a) - order(b))
      .slice(0, limit)
      .map(copy);
  }

  applicationsOf(actorOpenid: string, limit: number) {
    return this.step('applicationsOf', () =>
      this.list(
        (a) => a.applicant.actorOpenid === actorOpenid,
        (a) => -a.createdAt.getTime(),
        limit,
      ),
    );
  }

  applicationsFor(subjectIdIndex: string, limit: number) {
    return this.step('applicationsFor', () =>
      this.list(
        (a) => a.applicant.subjectIdIndex === subjectIdIndex,
        (a) => -a.createdAt.getTime(),
        limit,
      ),
    );
  }

  queue({ hallIds, states, submittedBefore, paymentStatuses, limit }: QueueQuery) {
    return this.step('queue', () =>
      this.list(
        (a) =>
          hallIds.includes(a.hallId) &&
          states.includes(a.state) &&
          (!paymentStatuses || paymentStatuses.includes(a.payment.status)) &&
          (!submittedBefore || (a.submittedAt !== undefined && a.submittedAt.getTime() <= submittedBefore.getTime())),
        (a) => a.submittedAt?.getTime() ?? 0,
        limit,
      ),
    );
  }

  inState(state: ReissueState, limit: number) {
    return this.step('inState', () =>
      this.list(
        (a) => a.state === state,
        (a) => a.updatedAt.getTime(),
        limit,
      ),
    );
  }

  withPayment(status: ReissueApplication['payment']['status'], limit: number) {
    return this.step('withPayment', () =>
      this.list(
        (a) => a.payment.status === status,
        (a) => a.updatedAt.getTime(),
        limit,
      ),
    );
  }

  /** Nothing here was ever stored plain. */
  sealLegacyAddresses() {
    return this.step('sealLegacyAddresses', () => 0);
  }

  config(cityCode: string) {
    return this.step('config', () => this.configs.get(cityCode) ?? ReissueConfig.parse({ ...(knownCityRules[cityCode] ?? {}), cityCode }));
  }

  /** Applications still open for a person. */
  openFor(subjectIdIndex: string): ReissueRecord[] {
    return [...this.apps.values()].filter((a) => a.applicant.subjectIdIndex === subjectIdIndex && isOpen(a));
  }
}

/** A person as the test registry keeps them: the card record, and what our side stored of them. */
type CardResident = Resident & { cardLostAt?: Date; photoReused?: boolean; idIndex: string; idNumberEnc: string; nameEnc: string };

export class InMemoryCardRegistry implements CardRegistry {
  constructor(readonly residents: CardResident[]) {}

  async resident(residentId: string) {
    const r = this.residents.find((x) => x._id === residentId);
    if (!r) return null;
    const { idIndex: _i, idNumberEnc: _n, nameEnc: _m, ...answer } = copy(r);
    return answer;
  }

  async reportCardLost(residentId: string, at: Date) {
    const r = this.residents.find((x) => x._id === residentId);
    if (!r || r.cardLostAt) return false;
    r.cardLostAt = at;
    return true;
  }

  async photo(residentId: string) {
    const r = this.residents.find((x) => x._id === residentId);
    return r?.cardIssuedOn ? { mimeType: 'image/png' as const, base64: 'iVBORw0KGgo=', takenOn: r.cardIssuedOn } : null;
  }
}

interface Order {
  order: NewOrder;
  status: 'notPaid' | 'paid' | 'closed' | 'refunded';
}

/** WeChat Pay as ports.ts describes it; what the citizen's phone does is `payByCitizen`. */
export class ScriptedPayment implements PaymentGateway {
  readonly orders = new Map<string, Order>();
  readonly refunds = new Map<string, RefundRequest & { status: RefundStatus }>();
  /** Every createOrder and refund request, in order. */
  readonly requests: string[] = [];
  /** The answer the next refund requests get (a new refund id only; a known one keeps its status). */
  refundAnswer: RefundStatus = 'success';
  /** When set, every call rejects (the payment service cannot be reached). */
  down = false;

  constructor(private readonly gate: Gate = open) {}

  private async step<T>(name: string, op: () => T): Promise<T> {
    await this.gate(`payment.${name}`);
    if (this.down) throw new Error('payment service unreachable');
    this.requests.push(name);
    return op();
  }

  createOrder(order: NewOrder) {
    return this.step('createOrder', (): CreatedOrder => {
      const known = this.orders.get(order.orderId);
      if (known && known.order.amountFen !== order.amountFen) throw new Error('order id reused with another amount');
      if (!known) this.orders.set(order.orderId, { order: copy(order), status: 'notPaid' });
      const prepayId = `prepay_${order.orderId}`;
      return { prepayId, paymentParams: { timeStamp: '1', nonceStr: 'n', package: `prepay_id=${prepayId}`, signType: 'RSA', paySign: 's' } };
    });
  }

  queryOrder(orderId: string) {
    return this.step('queryOrder', (): OrderState => ({ status: this.orders.get(orderId)?.status ?? 'notPaid' }));
  }

  closeOrder(orderId: string) {
    return this.step('closeOrder', (): 'closed' | 'paid' => {
      const o = this.orders.get(orderId);
      if (o && (o.status === 'paid' || o.status === 'refunded')) return 'paid';
      if (o) o.status = 'closed';
      return 'closed';
    });
  }

  refund(request: RefundRequest) {
    return this.step('refund', (): RefundState => {
      const known = this.refunds.get(request.refundId);
      if (known) return { status: known.status };
      const o = this.orders.get(request.orderId);
      if (!o || o.status !== 'paid') return { status: 'failed' };
      this.refunds.set(request.refundId, { ...copy(request), status: this.refundAnswer });
      if (this.refundAnswer === 'success') o.status = 'refunded';
      return { status: this.refundAnswer };
    });
  }

  queryRefund(refundId: string) {
    return this.step('queryRefund', (): RefundState => ({ status: this.refunds.get(refundId)?.status ?? 'failed' }));
  }

  /** The citizen pays on the phone; false when the order cannot be paid (unknown, closed, paid). */
  payByCitizen(orderId: string): boolean {
    const o = this.orders.get(orderId);
    if (!o || o.status !== 'notPaid') return false;
    o.status = 'paid';
    return true;
  }

  /** Money taken and not given back, in fen. */
  kept(): number {
    let fen = 0;
    for (const o of this.orders.values()) if (o.status === 'paid') fen += o.order.amountFen;
    return fen;
  }
}

export class ScriptedCourier implements Courier {
  readonly answers = new Map<string, Tracking>();
  readonly asked: Array<{ courier: string; trackingNumber: string; phone?: string }> = [];

  async track(courier: string, trackingNumber: string, phone?: string): Promise<Tracking> {
    this.asked.push({ courier, trackingNumber, ...(phone ? { phone } : {}) });
    return this.answers.get(trackingNumber) ?? { state: 'inTransit', events: [] };
  }
}

/** A counting guide repository over the seed halls. */
class CountingGuides extends InMemoryGuideRepository {
  readonly hallReads: string[] = [];

  override async hall(id: string) {
    this.hallReads.push(id);
    return super.hall(id);
  }
}

export { T0 };
export const HAIKOU_HALL = HALL;
export const OTHER_HAIKOU_HALL = 'haikou-meilan';
export const SHENZHEN_HALL = 'shenzhen-futian';

export interface PersonOptions {
  divisionCode?: string;
  birthDate?: string;
  cardIssuedOn?: string | undefined;
  fingerprintsOnFile?: boolean;
}

/**
 * A reissue world: every port in memory, the seed halls, Haikou's rules. `as(openid)` gives the
 * deps a call from that person carries; `citizen`, `officer` and `familyMember` set people up.
 */
export function reissueWorld(options: { gate?: Gate; tick?: boolean } = {}) {
  const gate = options.gate ?? open;
  const secrets = testSecrets();
  const identities = new InMemoryIdentityStore();
  const registry = new InMemoryCardRegistry([]);
  const store = new InMemoryReissueStore(gate);
  const references = new InMemoryReferenceNumbers();
  const payment = new ScriptedPayment(gate);
  const courier = new ScriptedCourier();
  const guides = new CountingGuides(seedContent());
  const audit = new InMemoryAuditLog();
  const ratings = new InMemoryRatingStore();
  const clock = new FixedClock(T0);
  const now = options.tick ? () => (clock.advance(1), clock.now()) : () => clock.now();
  const ids = new Map<string, string>();
  let random = 0;
  const newId = (seed?: string) => {
    if (!seed) return `rand-${String(++random).padStart(4, '0')}`;
    if (!ids.has(seed)) ids.set(seed, `app-${String(ids.size + 1).padStart(4, '0')}`);
    return ids.get(seed)!;
  };
  const calendar = calendarFrom({ holidays: {}, adjustedWorkdays: {} });

  const as = (openid: string | undefined): ReissueDeps => ({
    caller: { ...(openid ? { openid } : {}), clientIp: '203.0.113.9' },
    store,
    references,
    registry,
    identities,
    guides,
    divisions: chinaAddressDivisions,
    calendar,
    secrets,
    payment,
    courier,
    audit,
    ratings,
    clock: { now },
    requests: { removeExpired: async () => 0 },
    newId,
  });

  let people = 0;
  /** A resident of the registry (not signed in). */
  function resident(name: string, o: PersonOptions = {}): CardResident {
    people++;
    const r: CardResident = {
      _id: `resident-${people}`,
      idIndex: `idx-${people}`,
      idNumberEnc: secrets.encrypt(`id-${people}`, 'idNumber'),
      nameEnc: secrets.encrypt(name, 'name'),
      idNumberMasked: '4601**********0001',
      householdId: 'hk-1',
      relationToHead: '户主',
      birthDate: o.birthDate ?? '1985-03-14',
      sex: 'male',
      divisionCode: o.divisionCode ?? '460106',
      fingerprintsOnFile: o.fingerprintsOnFile ?? true,
      ...('cardIssuedOn' in o ? (o.cardIssuedOn ? { cardIssuedOn: o.cardIssuedOn } : {}) : { cardIssuedOn: '2023-06-10' }),
    };
    registry.residents.push(r);
    return r;
  }

  /** A verified citizen, signed in as `openid`, who is `resident`. */
  function citizen(openid: string, name = '王建国', o: PersonOptions = {}): { openid: string; resident: CardResident } {
    const r = resident(name, o);
    const account: VerifiedAccount = {
      ...newAccount(openid, T0),
      identity: {
        residentId: r._id,
        idIndex: r.idIndex,
        idNumberEnc: r.idNumberEnc,
        nameEnc: r.nameEnc,
        phoneEnc: secrets.encrypt('13800000000', 'phone'),
        phoneIndex: `phone-${openid}`,
        verifiedAt: T0,
      },
    };
    identities.accounts.set(openid, account);
    return { openid, resident: r };
  }

  /** A family member of `actor` they may act for. */
  function familyMember(actorOpenid: string, name: string, o: PersonOptions = {}): CardResident {
    const r = resident(name, o);
    const link: FamilyLink = {
      _id: `${actorOpenid}:${r._id}`,
      actorOpenid,
      memberResidentId: r._id,
      memberIdIndex: r.idIndex,
      memberIdNumberEnc: r.idNumberEnc,
      memberNameEnc: r.nameEnc,
      relation: 'child',
      addedAt: T0,
    };
    identities.links.set(link._id, link);
    return r;
  }

  /** An officer (verified, as officers must be to act), or with `verified: false` one who is not yet. */
  function officer(openid: string, halls: string[], role: Account['role'] = 'officer', opts: { verified?: boolean } = {}): string {
    const identity = opts.verified === false ? {} : { identity: officerIdentity(secrets, openid, T0) };
    identities.accounts.set(openid, { _id: openid, role, consents: [], halls, createdAt: T0, updatedAt: T0, ...identity });
    return openid;
  }

  return { as, store, registry, identities, payment, courier, guides, audit, ratings, clock, secrets, citizen, familyMember, officer, resident };
}

export type ReissueWorld = ReturnType<typeof reissueWorld>;

/** A mail delivery to a Haikou address (same city as the Longhua hall: 15 yuan postage). */
export const HAIKOU_MAIL = {
  kind: 'mail' as const,
  address: { provinceCode: '460000', cityCode: '460100', districtCode: '460108', detail: '海甸岛人民大道58号3栋', recipient: '王建国', phone: '13800000000' },
};

/** The same shape to another province (Guangzhou, Tianhe: 20 yuan). */
export const GUANGZHOU_MAIL = {
  kind: 'mail' as const,
  address: { provinceCode: '440000', cityCode: '440100', districtCode: '440106', detail: '天河路385号1201室', recipient: '王建国', phone: '13800000000' },
};
