/**
 * The one declaration of every collection, its indexes and its security rules.
 * The local cloud's database emulator and the ops bootstrap both read this.
 * Every collection is closed to clients: all access goes through cloud functions.
 */
export interface IndexDeclaration {
  /** Index name as created in CloudBase. */
  name: string;
  /** Field paths in order; 1 ascending, -1 descending. */
  keys: Record<string, 1 | -1>;
  unique?: boolean;
}

export interface SecurityRules {
  read: boolean;
  write: boolean;
}

export interface CollectionDeclaration {
  name: string;
  indexes: IndexDeclaration[];
  rules: SecurityRules;
}

const closed: SecurityRules = { read: false, write: false };

export const collections: CollectionDeclaration[] = [
  {
    name: 'guide_categories',
    indexes: [{ name: 'order', keys: { order: 1 } }],
    rules: closed,
  },
  {
    name: 'guides',
    indexes: [
      { name: 'category_order', keys: { categoryId: 1, order: 1 } },
      { name: 'cross_province', keys: { crossProvince: 1, order: 1 } },
    ],
    rules: closed,
  },
  {
    name: 'halls',
    indexes: [
      { name: 'city_order', keys: { city: 1, order: 1 } },
      { name: 'services', keys: { services: 1 } },
    ],
    rules: closed,
  },
  {
    // One per WeChat account (_id = openid): role, consents, verified identity (encrypted), officer halls.
    name: 'accounts',
    indexes: [{ name: 'role', keys: { role: 1 } }],
    rules: closed,
  },
  {
    // _id = blind index of the ID number: the database itself allows one account per identity.
    name: 'identity_bindings',
    indexes: [{ name: 'openid', keys: { openid: 1 }, unique: true }],
    rules: closed,
  },
  {
    name: 'verifications',
    indexes: [
      { name: 'openid_created', keys: { openid: 1, createdAt: -1 } },
      { name: 'expires', keys: { expiresAt: 1 } },
    ],
    rules: closed,
  },
  {
    // _id = openid:YYYY-MM-DD (Asia/Shanghai): failed verifications per account per day.
    name: 'verification_failures',
    indexes: [{ name: 'day', keys: { day: 1 } }],
    rules: closed,
  },
  {
    // _id = account:<openid>:YYYY-MM-DD or phone:<blind index>:YYYY-MM-DD: texts sent per day.
    name: 'sms_counters',
    indexes: [{ name: 'day', keys: { day: 1 } }],
    rules: closed,
  },
  {
    // Issue 17, electronic temporary identity proofs: _id = a keyed hash of the holder, the Shanghai
    // month and a slot 1..3 (server/tempProof/tempProofAdapters.ts), so a 4th in a month cannot be inserted.
    name: 'temp_proofs',
    indexes: [
      { name: 'holder_issued', keys: { idIndex: 1, issuedAt: -1 } },
      { name: 'account_issued', keys: { openid: 1, issuedAt: -1 } },
      // The daily purge.
      { name: 'expires', keys: { expiresAt: 1 } },
    ],
    rules: closed,
  },
  {
    // Every verification of a temporary proof, for its holder to see (who, when, what they were told).
    name: 'temp_proof_checks',
    indexes: [
      { name: 'holder_at', keys: { holderOpenid: 1, at: -1 } },
      { name: 'at', keys: { at: 1 } },
    ],
    rules: closed,
  },
  {
    // _id = verify:<openid>:<window start ms>: the public verification's rate limit per account.
    name: 'temp_proof_lookups',
    indexes: [{ name: 'window', keys: { windowStart: 1 } }],
    rules: closed,
  },
  {
    // _id = actor openid:member resident id.
    name: 'family_links',
    indexes: [{ name: 'actor', keys: { actorOpenid: 1 } }],
    rules: closed,
  },
  {
    // _id = SHA-256 of the invitation code: the code itself is never stored.
    name: 'officer_invitations',
    indexes: [
      { name: 'created', keys: { createdAt: -1 } },
      // The admin's officer list: who used which invitation; the invitations still open.
      { name: 'used_by_expires', keys: { usedBy: 1, expiresAt: 1 } },
    ],
    rules: closed,
  },
  {
    // Append-only: functions only ever add to it.
    name: 'audit_log',
    indexes: [
      { name: 'at', keys: { at: -1 } },
      { name: 'actor_at', keys: { actorOpenid: 1, at: -1 } },
      // The log's filters (core/identity/actions/auditLog.ts): an officer's halls, one action.
      { name: 'hall_at', keys: { hallId: 1, at: -1 } },
      { name: 'action_at', keys: { action: 1, at: -1 } },
    ],
    rules: closed,
  },
  {
    // _id = hall id: booking settings of a hall (data/schedules.json).
    name: 'hall_schedules',
    indexes: [],
    rules: closed,
  },
  {
    // _id = hall id: the hall's special periods as edited in the mini-program (issue 16); once
    // stored they replace the data file's, read fresh by every function that shows or books hours.
    name: 'hall_hours',
    indexes: [],
    rules: closed,
  },
  {
    // _id = hallId:date: who is on duty at which window, and the duty phone (issue 16).
    name: 'duty_rosters',
    indexes: [{ name: 'hall_date', keys: { hallId: 1, date: 1 } }],
    rules: closed,
  },
  {
    // _id = hallId:date:HHmm; `booked` only ever changes by conditional increments.
    name: 'slots',
    indexes: [
      { name: 'hall_date', keys: { hallId: 1, date: 1 } },
      { name: 'date_taken', keys: { date: 1, lastTakenAt: 1 } },
    ],
    rules: closed,
  },
  {
    // Deterministic ids (active:/day:/week:…): the database refuses a second claim.
    name: 'booking_claims',
    indexes: [{ name: 'at', keys: { at: -1 } }],
    rules: closed,
  },
  {
    // Issue 18: an officer's assisted session for a citizen (core/assisted); removed a day after it ends.
    name: 'assisted_sessions',
    indexes: [{ name: 'expires', keys: { expiresAt: 1 } }],
    rules: closed,
  },
  {
    name: 'appointments',
    indexes: [
      { name: 'actor_created', keys: { actorOpenid: 1, createdAt: -1 } },
      { name: 'subject_status_date', keys: { subjectIdIndex: 1, status: 1, date: 1 } },
      { name: 'hall_date_start', keys: { hallId: 1, date: 1, start: 1 } },
      { name: 'status_date', keys: { status: 1, date: 1 } },
      { name: 'slot_status', keys: { slotId: 1, status: 1 } },
      // The 预约号 is unique in its hall: the database refuses a second holder, and the insert tries
      // another number (core/booking/insertNumbered.ts). A missing number counts as null, so every
      // appointment must carry one before this index is created (docs/PERFORMANCE.md, release burst).
      { name: 'hall_ref', keys: { hallId: 1, refNumber: 1 }, unique: true },
    ],
    rules: closed,
  },
  {
    // _id = hallId:date: the next queue number of a hall's day; hallId:date:walkIn: walk-in places taken.
    name: 'queue_counters',
    indexes: [],
    rules: closed,
  },
  {
    // The hall floor's numbers (issue 16): _id = appt:<appointment id> for a booked arrival (one per
    // check-in), request-derived for a walk-in. Changed only by compare-and-set on `version`.
    name: 'queue_tickets',
    indexes: [
      { name: 'hall_date_number', keys: { hallId: 1, date: 1, number: 1 }, unique: true },
      { name: 'hall_date_called', keys: { hallId: 1, date: 1, lastCalledAt: -1 } },
    ],
    rules: closed,
  },
  {
    // _id = openid:requestId: the first result of a repeatable write.
    name: 'booking_requests',
    indexes: [
      { name: 'created', keys: { createdAt: 1 } },
      { name: 'expires', keys: { expiresAt: 1 } },
    ],
    rules: closed,
  },
  {
    // Online reissue applications; every state change is a compare-and-set on `version`.
    name: 'reissue_applications',
    indexes: [
      { name: 'actor_created', keys: { 'applicant.actorOpenid': 1, createdAt: -1 } },
      { name: 'subject_created', keys: { 'applicant.subjectIdIndex': 1, createdAt: -1 } },
      { name: 'hall_state_submitted', keys: { hallId: 1, state: 1, submittedAt: 1 } },
      { name: 'state_updated', keys: { state: 1, updatedAt: 1 } },
      { name: 'payment_updated', keys: { 'payment.status': 1, updatedAt: 1 } },
    ],
    rules: closed,
  },
  {
    // _id = open:<blind index of the ID number>: one open reissue application per person.
    name: 'reissue_claims',
    indexes: [],
    rules: closed,
  },
  {
    // _id = city division code: that city's reissue rules (photo reuse, fees), defaults otherwise.
    name: 'reissue_configs',
    indexes: [],
    rules: closed,
  },
  {
    // _id = openid:requestId: the first result of a repeatable reissue write.
    name: 'reissue_requests',
    indexes: [
      { name: 'created', keys: { createdAt: 1 } },
      { name: 'expires', keys: { expiresAt: 1 } },
    ],
    rules: closed,
  },
  {
    // Household-registration business applied for online (issue 15): one document per application.
    name: 'business_applications',
    indexes: [
      { name: 'actor_created', keys: { 'applicant.actorOpenid': 1, createdAt: -1 } },
      // The hall's review queue: its open states, oldest submission first.
      { name: 'hall_state_submitted', keys: { hallId: 1, state: 1, submittedAt: 1 } },
      // Timers: drafts and corrections that lapse, permits that expire, photos to delete, shipments to track; oldest change first.
      { name: 'state_updated', keys: { state: 1, updatedAt: 1 } },
      // The origin station's move-out queue: migrations out of its district, by state, due first.
      { name: 'origin_state_due', keys: { 'moveOut.originDivisionCode': 1, state: 1, 'moveOut.dueAt': 1 } },
      // Public verification answers to a certificate's serial alone.
      { name: 'certificate_serial', keys: { 'certificate.serial': 1 } },
      // Check-in at the window: the application a handover appointment carries (booking function).
      { name: 'handover_appointment', keys: { 'handover.appointmentId': 1 } },
    ],
    rules: closed,
  },
  {
    // _id = open:<blind index of the ID number>:<business kind>: one open application per person and business.
    name: 'business_claims',
    indexes: [],
    rules: closed,
  },
  {
    // _id = hall id: that hall's rules for online business (automatic certificates, validity), defaults otherwise.
    name: 'business_configs',
    indexes: [],
    rules: closed,
  },
  {
    // _id = <key>:<window start>: counters per window: public certificate lookups per account
    // (verify:<openid>, 10 minutes), upload places handed out per application (upload:<id>, a day).
    name: 'business_lookups',
    indexes: [{ name: 'window', keys: { windowStart: 1 } }],
    rules: closed,
  },
  {
    // _id = the random file name: each upload place `materialUpload` handed out, until the daily
    // timer deletes its file (never attached) or finds it attached (core/business/uploads.ts).
    name: 'business_uploads',
    indexes: [
      { name: 'issued', keys: { issuedAt: 1 } },
      { name: 'application_issued', keys: { applicationId: 1, issuedAt: 1 } },
    ],
    rules: closed,
  },
  {
    // _id = openid:requestId: the first result of a repeatable business write.
    name: 'business_requests',
    indexes: [
      { name: 'created', keys: { createdAt: 1 } },
      { name: 'expires', keys: { expiresAt: 1 } },
    ],
    rules: closed,
  },
  {
    // _id = <appointment|application>:<service id>: one 好差评 rating per finished service.
    name: 'service_ratings',
    indexes: [
      { name: 'hall_level', keys: { hallId: 1, level: 1 } },
      { name: 'hall_poor_created', keys: { hallId: 1, poor: 1, createdAt: -1 } },
      { name: 'actor_created', keys: { actorOpenid: 1, createdAt: -1 } },
    ],
    rules: closed,
  },
  {
    // One document (_id = default): synonyms, pointers to other offices and the hotline of guide search.
    name: 'search_lexicon',
    indexes: [],
    rules: closed,
  },
  {
    // _id = hallId:number: the 办件编号 of a reissue or business application, unique in its hall (core/reference).
    // Appointments' 预约号 claimed here before the index hall_ref on appointments stay, unused.
    name: 'reference_numbers',
    indexes: [{ name: 'target', keys: { kind: 1, targetId: 1 } }],
    rules: closed,
  },
  {
    // _id = appt:<appointment id> or officer:<openid>:YYYY-MM-DD: wrong ID-number endings typed at the window.
    name: 'reference_check_failures',
    indexes: [{ name: 'at', keys: { at: 1 } }],
    rules: closed,
  },
  {
    // Consultations (core/consult): a citizen's question to a hall and its answer. Read by the asker
    // and the hall's officers only; createdAt/answeredAt, hallId and business feed the statistics.
    name: 'consultations',
    indexes: [
      { name: 'asker_created', keys: { askerOpenid: 1, createdAt: -1 } },
      { name: 'asker_state', keys: { askerOpenid: 1, state: 1 } },
      { name: 'hall_state_created', keys: { hallId: 1, state: 1, createdAt: 1 } },
      // The hall's closed visits, newest first.
      { name: 'hall_state_updated', keys: { hallId: 1, state: 1, updatedAt: -1 } },
      { name: 'hall_created', keys: { hallId: 1, createdAt: -1 } },
    ],
    rules: closed,
  },
  {
    // _id = the consultation's: its published (edited) version in the guide's FAQ, nothing else (read by the public guide function).
    name: 'consult_faq',
    indexes: [
      { name: 'business_published', keys: { business: 1, publishedAt: -1 } },
      { name: 'business_hall_published', keys: { business: 1, hallId: 1, publishedAt: -1 } },
    ],
    rules: closed,
  },
  {
    // Door-to-door service (core/homeVisit, issue 17): a request for a home visit and its arrangement.
    // Street, phone and name encrypted; read by who asked, the person visited, their family members
    // acting for them and the hall's officers. Each step a compare-and-set on `version`.
    name: 'home_visits',
    indexes: [
      { name: 'requester_created', keys: { requesterOpenid: 1, createdAt: -1 } },
      { name: 'subject_created', keys: { subjectIdIndex: 1, createdAt: -1 } },
      { name: 'hall_state_created', keys: { hallId: 1, state: 1, createdAt: 1 } },
      // The hall's closed visits, newest first.
      { name: 'hall_state_updated', keys: { hallId: 1, state: 1, updatedAt: -1 } },
    ],
    rules: closed,
  },
  {
    // Issue 17 (docs/WAITLIST.md): one entry per person, hall-day and business (_id); the line by
    // joinedAt; each change a compare-and-set on `version`. The subject's name encrypted.
    name: 'waitlist',
    indexes: [
      { name: 'line', keys: { hallId: 1, date: 1, business: 1, state: 1, joinedAt: 1, _id: 1 } },
      { name: 'offers_due', keys: { state: 1, 'offer.until': 1 } },
      { name: 'actor_joined', keys: { actorOpenid: 1, joinedAt: -1 } },
      // The hall's view: its open entries over the next days (core/waitlist/hallActions.ts).
      { name: 'hall_date_state', keys: { hallId: 1, date: 1, state: 1 } },
    ],
    rules: closed,
  },
  {
    // One per hall (_id the hall's id): what its lead set (core/hallDuty/HallSettings.ts), e.g. the
    // waiting list's hold time. Nothing personal but the openid of who saved last.
    name: 'hall_settings',
    indexes: [],
    rules: closed,
  },
  {
    // Issue 17, fair release (core/fairRelease): one per hall-day (_id hallId:date). The seed encrypted
    // until the draw; the commitment, and once drawn the seed and the order of opaque tickets, public.
    name: 'release_draws',
    indexes: [
      { name: 'hall_date', keys: { hallId: 1, date: 1 } },
      { name: 'date', keys: { date: 1 } },
      { name: 'due', keys: { state: 1, closesAt: 1 } },
    ],
    rules: closed,
  },
  {
    // One per person, hall-day and business (_id releaseApplicationId: hallId:date:business:<blind index>);
    // the subject's name encrypted; each change a compare-and-set on `version`.
    name: 'release_applications',
    indexes: [
      { name: 'draw_state', keys: { drawId: 1, state: 1 } },
      { name: 'actor_applied', keys: { actorOpenid: 1, appliedAt: -1 } },
    ],
    rules: closed,
  },
  {
    // _id = <blind index of the person's ID number>:<n>, n < MAX_OPEN_WAITING: the places of a person's
    // open waiting-list entries (core/waitlist/openPlaces.ts); the entry's id and when taken. Freed lazily.
    name: 'waitlist_places',
    indexes: [{ name: 'person', keys: { idIndex: 1 } }],
    rules: closed,
  },
  {
    // _id = <blind index of the person's ID number>:<n>, n < MAX_OPEN_PER_PERSON: the places of a person's
    // open home visits (core/homeVisit/openPlaces.ts); the visit's id, nothing else. Freed when a visit closes.
    name: 'home_visit_places',
    indexes: [{ name: 'person_visit', keys: { idIndex: 1, visitId: 1 } }],
    rules: closed,
  },
];
