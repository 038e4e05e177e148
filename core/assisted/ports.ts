import type { IdentityStore, PopulationRegistry, Secrets, SmsSender } from '../identity/ports';
import type { AssistedSession, AssistedState } from './AssistedSession';
import type { AssistedPage } from './tellCitizen';
import type { AddressDivisions, CardRegistry, ReissueStore } from '../reissue/ReissueDeps';

/** Where assisted sessions live (CloudBase collection `assisted_sessions`). */
export interface AssistedSessionStore {
  session(id: string): Promise<AssistedSession | null>;
  add(session: AssistedSession): Promise<void>;
  /** Compare-and-set on the state; false when it was not `from` any more. */
  change(id: string, from: AssistedState, changes: Partial<AssistedSession>): Promise<boolean>;
  /** Atomically counts one code read back; returns the new count. */
  countCodeAttempt(id: string): Promise<number>;
  /** Deletes at most `limit` sessions that ended (expiresAt) before the instant, the oldest first; returns how many. */
  removeEndedBefore(before: Date, limit: number): Promise<number>;
}

/**
 * The mobile number the population registry holds for a person (docs/REGISTRY.md, `GET
 * /v1/persons/{personId}/contact`): the one number an assisted session's code may go to besides the
 * citizen's own verified account's. Null when the registry holds none.
 */
export interface PhoneOnFile {
  mobileOnFile(personId: string): Promise<string | null>;
}

/**
 * What was done for the citizen, for the SMS that tells them (core/assisted/notice.ts): the four
 * parameters of the notice template, "民警已应您的要求为您办理{act}：{hallName}，{when}，{ref}。".
 */
export interface AssistedNotice {
  /** 预约 / 取消预约 / 补领居民身份证 / 办事材料告知 */
  act: string;
  hallName: string;
  /** 3月5日 09:00; for a reissue the fee and the delivery; for materials their names. */
  when: string;
  /** The number with its name: 预约号12345678, 办件编号12345678 (or what to do next). */
  ref: string;
}

/** Texts: the session's code, and the notice of each act (Tencent Cloud SMS templates; the local outbox here). */
export interface AssistedSms extends SmsSender {
  sendAssistedNotice(phone: string, notice: AssistedNotice): Promise<void>;
}

/** A subscribe message to a citizen with an account about an act done for them (the progress template). */
export interface AssistedNotifier {
  told(openid: string, message: { notice: AssistedNotice; at: Date; page: AssistedPage }): Promise<void>;
}

/** The ports of the assisted channel, inside the booking function's (issue 18). */
export interface AssistedPorts {
  sessions: AssistedSessionStore;
  /** The registry: the person by name and ID number, the phone on file, and the card facts a reissue needs. */
  registry: Pick<PopulationRegistry, 'match'> & PhoneOnFile & Pick<CardRegistry, 'resident' | 'reportCardLost'>;
  sms: AssistedSms;
  /** The subscribe message a citizen with an account also gets (server/wechat/CloudCallAssistedNotifier.ts). */
  notifier: AssistedNotifier;
  /** The citizen's account (its phone), the daily counters the identity lock and SMS limits use. */
  identities: Pick<IdentityStore, 'account' | 'boundOpenid' | 'failures' | 'recordFailure' | 'countRegistryLookup' | 'countSms'>;
  secrets: Pick<Secrets, 'encrypt' | 'decrypt' | 'index' | 'randomDigits' | 'randomToken'>;
  /** A reissue started in a session (core/assisted/actions/reissue.ts): the reissue function's applications and the address divisions. */
  reissue: { store: ReissueStore; divisions: AddressDivisions };
}
