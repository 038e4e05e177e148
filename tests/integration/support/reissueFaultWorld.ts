/**
 * The reissue use cases over the real CloudbaseReissueStore (emulator through the SDK) and
 * in-memory stand-ins whose state can be copied and restored: a payment service that keeps a
 * ledger (orders paid, refunds made once per refund id, as WeChat Pay does), the card registry,
 * the accounts of a citizen and an officer, the halls and an audit log.
 */
import { createHash } from 'node:crypto';
import { CloudbaseReferenceNumbers } from '../../../server/reference/CloudbaseReferenceNumbers';
import { newAccount, type Account } from '../../../core/identity/Account';
import type { FamilyLink } from '../../../core/identity/family';
import { FIELD } from '../../../core/identity/fieldNames';
import type { Resident } from '../../../core/identity/Resident';
import type { CardRegistry, ReissueDeps } from '../../../core/reissue/ReissueDeps';
import type { CreatedOrder, NewOrder, OrderState, PaymentGateway, RefundRequest, RefundState, Courier, Tracking } from '../../../core/reissue/ports';
import { chineseDaysCalendar } from '../../../server/time/chineseDaysCalendar';
import { chinaAddressDivisions } from '../../../server/reissue/chinaAddressDivisions';
import { CloudbaseReissueStore } from '../../../server/reissue/CloudbaseReissueStore';
import { loadSeedContent } from '../../../server/seed/loadSeedContent';
import type { FaultInjector } from '../../support/faultInjection';
import { InMemoryGuideRepository } from '../../unit/support/InMemoryGuideRepository';
import { FixedClock, InMemoryAuditLog, testSecrets } from '../../unit/support/InMemoryIdentityPorts';
import { faultyDatabase } from './databaseFaults';
import type { EmulatedDatabase } from './emulatorSnapshot';
import { InMemoryRatingStore } from '../../unit/support/ratingInMemoryStore';
import { officerIdentity } from '../../support/officerIdentity';

export const CITIZEN = 'o-citizen';
export const OFFICER = 'o-officer';
export const HALL = 'haikou-longhua';
/** Monday 2026-03-02, 10:00 in Shanghai. */
export const NOW = '2026-03-02T02:00:00Z';
const ID_NUMBER = '460106198503141311';

export interface LedgerState {
  orders: Record<string, { amountFen: number; status: 'notPaid' | 'paid' | 'closed' | 'refunded' }>;
  /** Refunds made, by refund id: each one moved money once. */
  refunds: Record<string, { orderId: string; amountFen: number }>;
  /** How many refund requests moved money (a repeat of a refund id does not). */
  refundsMade: number;
}

/** WeChat Pay as far as the use cases can tell: an order is paid once; a refund id refunds once. */
export class LedgerPayment implements PaymentGateway {
  state: LedgerState = { orders: {}, refunds: {}, refundsMade: 0 };

  async createOrder(o: NewOrder): Promise<CreatedOrder> {
    this.state.orders[o.orderId] ??= { amountFen: o.amountFen, status: 'notPaid' };
    return { prepayId: `prepay-${o.orderId}`, paymentParams: { timeStamp: '0', nonceStr: 'n', package: `prepay_id=prepay-${o.orderId}`, signType: 'RSA', paySign: 's' } };
  }

  async queryOrder(orderId: string): Promise<OrderState> {
    const o = this.state.orders[orderId];
    return { status: o ? o.status : 'notPaid' };
  }

  async closeOrder(orderId: string): Promise<'closed' | 'paid'> {
    const o = this.state.orders[orderId];
    if (o?.status === 'paid' || o?.status === 'refunded') return 'paid';
    if (o) o.status = 'closed';
    return 'closed';
  }

  async refund(r: RefundRequest): Promise<RefundState> {
    if (this.state.refunds[r.refundId]) return { status: 'success' };
    const o = this.state.orders[r.orderId];
    if (!o || o.status !== 'paid') return { status: 'failed' };
    this.state.refunds[r.refundId] = { orderId: r.orderId, amountFen: r.amountFen };
    this.state.refundsMade++;
    o.status = 'refunded';
    return { status: 'success' };
  }

  async queryRefund(refundId: string): Promise<RefundState> {
    return { status: this.state.refunds[refundId] ? 'success' : 'failed' };
  }

  /** The citizen pays in WeChat. */
  payByCitizen(orderId: string): void {
    const o = this.state.orders[orderId];
    if (o && o.status === 'notPaid') o.status = 'paid';
  }
}

class FakeCardRegistry implements CardRegistry {
  lostAt: Date | undefined;
  constructor(private readonly person: Resident) {}
  async resident(residentId: string) {
    return residentId === this.person._id ? { ...this.person, ...(this.lostAt ? { cardLostAt: this.lostAt } : {}) } : null;
  }
  async reportCardLost(_residentId: string, at: Date) {
    if (this.lostAt) return false;
    this.lostAt = at;
    return true;
  }
  async photo() {
    return null;
  }
}

const noCourier: Courier = { track: async (): Promise<Tracking> => ({ state: 'inTransit', events: [] }) };

export function reissueWorld(edb: EmulatedDatabase) {
  const secrets = testSecrets();
  const clock = new FixedClock(NOW);
  const idIndex = secrets.index('idNumber', ID_NUMBER);
  const nameEnc = secrets.encrypt('王建国', FIELD.name);
  const person: Resident = {
    _id: 'resident-001',
    idNumberMasked: '4601**********1311',
    householdId: 'hk-0001',
    relationToHead: '户主',
    birthDate: '1985-03-14',
    sex: 'male',
    divisionCode: '460106',
    fingerprintsOnFile: true,
    cardIssuedOn: '2021-06-10',
  };
  const at = clock.now();
  const accounts: Record<string, Account> = {
    [CITIZEN]: {
      ...newAccount(CITIZEN, at),
      identity: {
        residentId: person._id,
        idIndex,
        idNumberEnc: secrets.encrypt(ID_NUMBER, FIELD.idNumber),
        nameEnc,
        phoneEnc: secrets.encrypt('13800138000', FIELD.phone),
        phoneIndex: 'p',
        verifiedAt: at,
      },
    },
    [OFFICER]: { _id: OFFICER, role: 'officer', consents: [], halls: [HALL], createdAt: at, updatedAt: at, identity: officerIdentity(secrets, OFFICER, at) },
  };
  const identities = {
    account: async (openid: string) => (accounts[openid] ? structuredClone(accounts[openid]) : null),
    familyLinks: async (): Promise<FamilyLink[]> => [],
  };
  const payment = new LedgerPayment();
  const registry = new FakeCardRegistry(person);
  const audit = new InMemoryAuditLog();
  const ratings = new InMemoryRatingStore();
  const guides = new InMemoryGuideRepository(loadSeedContent());
  const storeOn = (db: EmulatedDatabase['db']) => new CloudbaseReissueStore(db, (plain) => secrets.encrypt(plain, FIELD.address));
  const store = storeOn(edb.db);
  /** Where faults hit: each store method, or each database request inside them. */
  const faults = { level: 'store' as 'store' | 'database' };
  const faultyStore = (injector: FaultInjector) => (faults.level === 'store' ? injector.wrap('store', store) : storeOn(faultyDatabase(injector, edb.db)));
  let ids = 0;

  function deps(openid: string | undefined, injector?: FaultInjector): ReissueDeps {
    return {
      caller: { openid, clientIp: '203.0.113.9' },
      store: injector ? faultyStore(injector) : store,
      references: new CloudbaseReferenceNumbers(edb.db),
      payment: injector ? injector.wrap('payment', payment) : payment,
      registry,
      identities,
      guides,
      divisions: chinaAddressDivisions,
      calendar: chineseDaysCalendar,
      secrets,
      courier: noCourier,
      audit,
      ratings,
      clock,
      requests: { removeExpired: async () => 0 },
      newId: (seed?: string) => (seed ? `app-${createHash('sha256').update(seed).digest('base64url').slice(0, 16)}` : `app-random-${++ids}`),
    };
  }

  /** The stand-ins' state, to restore with the database's. */
  const save = () => structuredClone({ ledger: payment.state, lostAt: registry.lostAt, t: clock.now().toISOString() });
  const load = (s: ReturnType<typeof save>) => {
    payment.state = structuredClone(s.ledger);
    registry.lostAt = s.lostAt;
    clock.set(s.t);
  };
  return { faults, deps, payment, registry, clock, secrets, idIndex, save, load, audit };
}
export type ReissueWorld = ReturnType<typeof reissueWorld>;
