import type { ExpiringRequests } from '../function/requestExpiry';
import type { WorkCalendar } from '../time/WorkCalendar';
import type { GuideRepository } from '../guide/GuideRepository';
import type { CallerContext } from '../identity/caller';
import type { AuditLog, IdentityStore, Secrets } from '../identity/ports';
import type { Resident } from '../identity/Resident';
import type { Clock } from '../time/Clock';
import type { PaymentStatus, ReissueApplication, ReissueState } from './ReissueApplication';
import type { ReissueConfig } from './ReissueConfig';
import type { Courier, PaymentGateway } from './ports';
import type { RatingStore } from '../rating/ports';
import type { ReferenceNumberStore } from '../reference/ports';

/**
 * An application as stored: the domain record plus what the use cases need to route and show it.
 * `transition` spreads the record, so these fields travel through every state change unchanged.
 */
export type ReissueRecord = ReissueApplication & {
  /** The hall whose officers review, produce and ship it. */
  hallId: string;
  /** The subject's name, encrypted (officers see it masked). */
  subjectNameEnc: string;
  /** The family member acted for (resident id), when the applicant acts for someone else. */
  actedFor?: string;
  /** 办件编号: eight digits, unique in the hall (core/reference). Absent on applications made before numbers existed. */
  refNumber?: string;
};

export interface QueueQuery {
  hallIds: readonly string[];
  states: readonly ReissueState[];
  /** Only applications submitted before this instant (filter by age). */
  submittedBefore?: Date;
  /** Only applications whose payment is in one of these statuses (e.g. a fee to hand back). */
  paymentStatuses?: readonly PaymentStatus[];
  limit: number;
}

/** Reissue applications in CloudBase (`reissue_applications`, `reissue_claims`, `reissue_configs`; requests: server/function/CloudbaseRequestLog). */
export interface ReissueStore {
  application(id: string): Promise<ReissueRecord | null>;
  insert(app: ReissueRecord): Promise<void>;
  /**
   * One open application per person, enforced by the database: a claim document with a
   * deterministic id, stamped `at`. Not taken when the person already has one: the holding
   * application's id and since when it holds the claim are returned ('' and no instant when the
   * claim vanished meanwhile).
   */
  claimOpen(subjectIdIndex: string, applicationId: string, at: Date): Promise<{ taken: true } | { taken: false; holder: string; since?: Date }>;
  /** Releases the claim if this application holds it. */
  releaseOpen(subjectIdIndex: string, applicationId: string): Promise<void>;
  /**
   * Writes the application's new version only while the stored one is still `expectedVersion`
   * (compare-and-set); false when someone else changed it meanwhile.
   */
  save(app: ReissueRecord, expectedVersion: number): Promise<boolean>;
  /** The caller's applications (as the actor), newest first. */
  applicationsOf(actorOpenid: string, limit: number): Promise<ReissueRecord[]>;
  /** Applications for a person (any actor), newest first. */
  applicationsFor(subjectIdIndex: string, limit: number): Promise<ReissueRecord[]>;
  /** Oldest submitted first. */
  queue(query: QueueQuery): Promise<ReissueRecord[]>;
  /** Applications in one state, oldest update first (timers). */
  inState(state: ReissueState, limit: number): Promise<ReissueRecord[]>;
  /** Applications whose payment is in one status (timers: refunds). */
  withPayment(status: ReissueApplication['payment']['status'], limit: number): Promise<ReissueRecord[]>;
  /**
   * Encrypts street addresses stored plain by older versions, at most `limit`; returns how many
   * (reads already return them sealed).
   */
  sealLegacyAddresses(limit: number): Promise<number>;
  /** The city's rules (defaults filled in). */
  config(cityCode: string): Promise<ReissueConfig>;
}

/** A person with their card record: when it was lost, when its photo was taken, whether that photo was reused. */
export type CardResident = Resident & { cardLostAt?: Date; photoTakenOn?: string; photoReused?: boolean; photoOnFile?: boolean };

/**
 * The card part of the population registry: the bureau's gateway (docs/REGISTRY.md), played locally
 * by devcloud/localRegistry. An unreachable registry throws DomainError('REGISTRY_UNAVAILABLE').
 */
export interface CardRegistry {
  /** The person (by the registry's id) with their card facts; null when the registry does not know them. */
  resident(residentId: string): Promise<CardResident | null>;
  /** Invalidates the person's current card at once; false when it was reported lost before. */
  reportCardLost(residentId: string, at: Date): Promise<boolean>;
  /** The photo on file for the person's card (what a reissued card reuses), or null when there is none. */
  photo(residentId: string): Promise<RegistryPhoto | null>;
}

/** A photo as the registry holds it: the image itself (base64), when it was taken, whether it only stands in for one. */
export interface RegistryPhoto {
  mimeType: 'image/jpeg' | 'image/png' | 'image/svg+xml';
  base64: string;
  /** YYYY-MM-DD, when the registry knows. */
  takenOn?: string;
  /** A drawn stand-in of the local registry (synthetic people have no photographs), never a real face. */
  sample?: boolean;
}

export interface DivisionNames {
  province: string;
  city: string;
  district: string;
}

/** GB/T 2260 divisions (a maintained data package on the server). */
export interface AddressDivisions {
  /** The names when the three codes exist and nest (district in city in province); otherwise undefined. */
  names(provinceCode: string, cityCode: string, districtCode: string): DivisionNames | undefined;
  /**
   * The divisions one level below a code, with 6-digit codes: the provinces (no code), a province's
   * cities (its xx0000 code), a city's districts (its xxyy00 code); empty for anything else.
   */
  children(code?: string): Array<{ code: string; name: string }>;
}

export interface ReissueDeps {
  caller: CallerContext;
  store: ReissueStore;
  /** 办件编号 claims. */
  references: ReferenceNumberStore;
  registry: CardRegistry;
  identities: Pick<IdentityStore, 'account' | 'familyLinks'>;
  guides: Pick<GuideRepository, 'halls' | 'hall'>;
  divisions: AddressDivisions;
  calendar: WorkCalendar;
  secrets: Pick<Secrets, 'encrypt' | 'decrypt'>;
  payment: PaymentGateway;
  courier: Courier;
  audit: AuditLog;
  /** 好差评 ratings of finished applications (core/rating). */
  ratings: RatingStore;
  clock: Clock;
  /**
   * An application id (16–22 characters of A–Z a–z 0–9 _ -): random, or, given a seed (the caller
   * and their request id), always the same unguessable id for that seed (a keyed hash), so a
   * retried request finds what its first attempt wrote.
   */
  newId(seed?: string): string;
  /** The function's request records, purged after the idempotency window. */
  requests: ExpiringRequests;
}
