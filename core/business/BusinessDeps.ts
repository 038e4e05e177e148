import type { Appointment } from '../booking/Appointment';
import type { AddressDivisions } from '../reissue/ReissueDeps';
import type { ExpiringRequests } from '../function/requestExpiry';
import type { GuideRepository } from '../guide/GuideRepository';
import type { CallerContext } from '../identity/caller';
import type { AuditLog, IdentityStore, PopulationRegistry, Secrets } from '../identity/ports';
import type { Courier } from '../reissue/ports';
import type { Clock } from '../time/Clock';
import type { WorkCalendar } from '../time/WorkCalendar';
import type { BusinessApplication, BusinessState } from './BusinessApplication';
import type { BusinessConfig } from './BusinessConfig';
import type { BusinessNotice } from './notices';
import type { IssuedUpload } from './uploads';
import type { ReferenceNumberStore } from '../reference/ports';

/**
 * A business application as stored (`business_applications`): the domain record plus what the use
 * cases need to route, check and show it. `transition` spreads the record, so these fields travel
 * through every state change unchanged.
 */
export type BusinessRecord = BusinessApplication & {
  /** Blind index of the subject's ID number: one open application per person and business. */
  subjectIdIndex: string;
  /** The subject's name, encrypted (officers see it masked; the certificate states it). */
  subjectNameEnc: string;
  /** The subject's ID number as the registry masks it (4601**********1311). */
  subjectIdNumberMasked: string;
  /** The family member acted for (resident id), when the applicant acts for someone else. */
  actedFor?: string;
  /** What the citizen declared: what the certificate is for, dates the conditions look at. */
  details: BusinessDetails;
  /** The review's deadline (the guide's promised working days from submission), when it has one. */
  reviewDueAt?: Date;
  /** Where the household is registered (division code), from the registry when applied. */
  householdDivisionCode: string;
  /** When its material photos were deleted from storage (docs/PRIVACY.md); the list of what was attached stays. */
  materialsPurgedAt?: Date;
  /** 办件编号: eight digits unique in the hall (core/reference), what the citizen tells the window. Absent on applications made before numbers. */
  refNumber?: string;
};

export interface BusinessDetails {
  /** 户籍类证明: what it is for (用途), in the citizen's words. */
  purpose?: string;
  graduatedOn?: string;
  marriedOn?: string;
  residenceRegisteredOn?: string;
  residencePermitIssuedOn?: string;
}

export interface BusinessQueueQuery {
  hallIds: readonly string[];
  states: readonly BusinessState[];
  limit: number;
}

/** Business applications in CloudBase (`business_applications`, `business_claims`, `business_configs`). */
export interface BusinessStore {
  application(id: string): Promise<BusinessRecord | null>;
  insert(app: BusinessRecord): Promise<void>;
  /** Writes the new version only while the stored one is still `expectedVersion`; false when it changed meanwhile. */
  save(app: BusinessRecord, expectedVersion: number): Promise<boolean>;
  /**
   * One open application per person and business, enforced by the database (a claim with a
   * deterministic id). Not taken: the holding application's id ('' when it vanished meanwhile).
   */
  claimOpen(key: string, applicationId: string, at: Date): Promise<{ taken: true } | { taken: false; holder: string }>;
  /** Releases the claim if this application holds it. */
  releaseOpen(key: string, applicationId: string): Promise<void>;
  /** The caller's applications (as the actor), newest first. */
  applicationsOf(actorOpenid: string, limit: number): Promise<BusinessRecord[]>;
  /** Migrations whose origin is this district, in these states, oldest due first (the origin station's move-out queue). */
  moveOutQueue(originDivisionCode: string, states: readonly BusinessState[], limit: number): Promise<BusinessRecord[]>;
  /** The halls' applications in these states, oldest submission first. */
  queue(query: BusinessQueueQuery): Promise<BusinessRecord[]>;
  /** Applications in these states, least recently changed first (timers). */
  inStates(states: readonly BusinessState[], limit: number): Promise<BusinessRecord[]>;
  /** Ended applications (these states) unchanged since `before` whose photos are still stored, oldest first. */
  photosToPurge(states: readonly BusinessState[], before: Date, limit: number): Promise<BusinessRecord[]>;
  /** Records that the photos are gone (no version change: nothing the applicant decides on changed). */
  markMaterialsPurged(id: string, at: Date): Promise<void>;
  /** The application that holds this certificate serial. */
  byCertificateSerial(serial: string): Promise<BusinessRecord | null>;
  /** The hall's rules (defaults filled in). */
  config(hallId: string): Promise<BusinessConfig>;
  /**
   * Counts one lookup by `key` in the window that starts at `windowStart`; returns the count so far
   * (public certificate verification is rate-limited per account).
   */
  countLookup(key: string, windowStart: Date): Promise<number>;
  /** Removes the lookup counters of windows that started before `before`; returns how many. */
  removeLookupsBefore(before: Date): Promise<number>;
  /** Records an upload place handed out (`business_uploads`), before the phone learns it. */
  recordUpload(upload: IssuedUpload): Promise<void>;
  /** The record of one upload place, by id; null when there is none (forgotten, or handed out before records were kept). */
  upload(id: string): Promise<IssuedUpload | null>;
  /** Upload places handed out before `before`, oldest first (the daily timer). */
  uploadsIssuedBefore(before: Date, limit: number): Promise<IssuedUpload[]>;
  /** Every upload place handed out for this application (its materials are purged). */
  uploadsOf(applicationId: string): Promise<IssuedUpload[]>;
  /** Forgets these upload records (their files were deleted, or the application holds them). */
  forgetUploads(ids: readonly string[]): Promise<void>;
}

/** Where a citizen's photo goes: the function names the place; the phone uploads there. */
export interface UploadTarget {
  cloudPath: string;
  fileId: string;
  /** For a client without the WeChat cloud API (H5): a signed PUT (the storage service's protocol). */
  url: string;
  authorization: string;
  token: string;
  cosFileId: string;
}

/**
 * Private cloud storage for material photos (CloudBase storage through @cloudbase/node-sdk; the
 * local cloud plays it with the same protocol). Nothing is ever public: a photo is read through a
 * temporary URL handed to its owner or an officer of the handling hall.
 */
export interface MaterialStorage {
  uploadTarget(cloudPath: string): Promise<UploadTarget>;
  /** Temporary URLs valid `maxAgeSeconds`, by file id; a file that does not exist is left out. */
  temporaryUrls(fileIds: readonly string[], maxAgeSeconds: number): Promise<Map<string, string>>;
  /** The file's first bytes (at most `limit`) and its size; undefined when it does not exist. */
  head(fileId: string, limit: number): Promise<{ bytes: Uint8Array; size: number } | undefined>;
  /** Removes the files; returns how many were there. */
  remove(fileIds: readonly string[]): Promise<number>;
}

/** Tells the applicant of a decision (a WeChat subscribe message); rejects when WeChat refuses (not subscribed). */
export interface BusinessNotifier {
  progress(openid: string, notice: BusinessNotice & { applicationId: string; at: Date }): Promise<void>;
}

export interface BusinessDeps {
  caller: CallerContext;
  store: BusinessStore;
  storage: MaterialStorage;
  registry: Pick<PopulationRegistry, 'person'>;
  identities: Pick<IdentityStore, 'account' | 'familyLinks'>;
  guides: Pick<GuideRepository, 'guide' | 'hall' | 'hallsHandling'>;
  calendar: WorkCalendar;
  /** GB/T 2260 divisions: mail addresses, and the place a certificate states. */
  divisions: AddressDivisions;
  /** The booking function's appointments, read to attach one to an application's handover. */
  appointments: { appointment(id: string): Promise<Appointment | null> };
  secrets: Pick<Secrets, 'encrypt' | 'decrypt'>;
  /** 办件编号 claims, unique per hall (`reference_numbers`, shared with appointments and reissues). */
  references: Pick<ReferenceNumberStore, 'claim'>;
  audit: AuditLog;
  notifier: BusinessNotifier;
  /** The carrier's tracking of results sent by mail (the reissue's port: Kuaidi100, or the local cloud's stand-in). */
  courier: Courier;
  clock: Clock;
  /** Random bytes (certificate serials, permit numbers, file names). */
  random(bytes: number): Uint8Array;
  /** An application id: random, or the same unguessable id for the same seed (a retried request). */
  newId(seed?: string): string;
  requests: ExpiringRequests;
}
