import type { ActionMap } from '../core/function/action';
import { guideActions } from '../core/guide/guideActions';
import { identityFunctionActions } from '../core/identity/identityFunctionActions';
import { identityEnvironment } from './identityEnvironment';
import { bookingActions } from '../core/booking/bookingActions';
import { bookingEnvironment } from './bookingEnvironment';
import { reissueActions } from '../core/reissue/reissueActions';
import { reissueEnvironment } from './reissueEnvironment';
import type { VariableName } from './environment';
import { payNotifyEnvironment } from './payNotifyEnvironment';
import { businessActions } from '../core/business/businessActions';
import { businessEnvironment } from './businessEnvironment';
import { assistedActions } from '../core/assisted/assistedActions';
import { assistedEnvironment } from './assistedEnvironment';

/**
 * A timer trigger. CloudBase cron has seven fields (second minute hour day month weekday year); the
 * time zone is the platform's, so the action computes Asia/Shanghai dates itself and never relies
 * on the hour it fires. The trigger is named after the action it runs: the function's `main` turns
 * the timer event into that action (server/function/timerEvent.ts), which no client may call.
 */
export interface TriggerDeclaration {
  name: string;
  cron: string;
}

/** Every cloud function with its actions: the source of docs/API.md, cloudbaserc.json and the deploy plan. */
export interface FunctionDeclaration {
  name: string;
  description: string;
  /** Who may call it: anyone, or only a verified caller (identity from the function context). */
  caller: 'anyone' | 'verified citizen' | 'officer' | 'admin' | 'timer' | 'WeChat Pay (HTTP access)';
  actions: ActionMap<never>;
  /**
   * The environment variables the function reads (config/environment.ts), validated when it starts.
   * The function's index.ts passes the same list to createMain (a test keeps them in step).
   */
  env: VariableName[];
  /** Timer triggers; each names an action of this function that only a trigger may run. */
  triggers?: TriggerDeclaration[];
  /**
   * WeChat server APIs the function calls through 云调用 (cloud call), by WeChat's name
   * (`subscribeMessage.send`): its cloud-call permissions, written into the bundle's config.json as
   * `permissions.openapi`. The platform (and the local cloud) refuses an API not declared here.
   */
  openapi?: string[];
  /**
   * Paths of the environment's HTTP access service (HTTP 访问服务) bound to this function, e.g.
   * /wxpay/notify: a request there runs it with an integrated request as its event
   * (server/function/httpAccess.ts). Public on the internet: only functions that authenticate the
   * request themselves (a signature) may have one. Created once per environment (docs/DEPLOY.md);
   * the local cloud routes them the same way.
   */
  httpPaths?: string[];
  /**
   * The function keeps files in cloud storage (material photos): the SDK's storage part stays in
   * its bundle (scripts/bundleStubs.ts leaves it out of every other function).
   */
  storage?: true;
  /** Seconds, at most 60 (CloudBase). Default 10. */
  timeoutSeconds?: number;
  /** MB: 128, 256, 512, 1024 or 2048. Default 256. */
  memoryMB?: 128 | 256 | 512 | 1024 | 2048;
}

export const functions: FunctionDeclaration[] = [
  {
    name: 'guide',
    description: 'Service guides (办事指南): categories, search, details, the halls that handle them, and the FAQ the halls published from consultations.',
    caller: 'anyone',
    actions: guideActions as ActionMap<never>,
    env: [],
    timeoutSeconds: 10,
    memoryMB: 256,
  },
  {
    name: 'identity',
    description:
      'Real-name verification (consent, ID number, SMS code, WeChat face verification, population registry), binding, family members, officer invitations, the audit log, and the electronic temporary identity proof (apply with a face check, a QR code that changes every minute, public verification by exam halls, hotels and banks, the holder’s verification log).',
    caller: 'verified citizen',
    actions: identityFunctionActions as ActionMap<never>,
    env: [...identityEnvironment],
    // Daily at 03:30 (platform time; the action computes its own cut-off).
    triggers: [
      { name: 'purgeExpiredVerifications', cron: '0 30 3 * * * *' },
      // Daily at 03:40: temporary identity proofs and their log past retention (core/tempProof/actions/retention.ts).
      { name: 'purgeTempProofs', cron: '0 40 3 * * * *' },
    ],
    timeoutSeconds: 20,
    memoryMB: 256,
  },
  {
    name: 'booking',
    description:
      'Hall appointments: booking options and availability, reserve / cancel / reschedule without overbooking, QR tickets, check-in at the window, the officer’s day and week; ratings; consultations (a citizen asks a hall, its officers answer and publish to the FAQ).',
    caller: 'verified citizen',
    actions: bookingActions as ActionMap<never>,
    env: [...bookingEnvironment],
    // Platform time is UTC: 16:30 is 00:30 and 10:00 is 18:00 in Asia/Shanghai.
    triggers: [
      { name: 'markNoShows', cron: '0 30 16 * * * *' },
      { name: 'sendReminders', cron: '0 0 10 * * * *' },
      { name: 'reconcileSlots', cron: '0 */15 * * * * *' },
      // Hourly: the slots of a day are created before its release (core/booking/actions/timers.ts).
      { name: 'openSlots', cron: '0 40 * * * * *' },
      // Issue 17: waiting-list offers not accepted in time pass on (core/waitlist).
      { name: 'lapseWaitlistOffers', cron: '0 */5 * * * * *' },
      { name: 'runReleaseDraws', cron: '0 */5 * * * * *' },
      { name: 'purgeExpiredRequests', cron: '0 45 19 * * * *' },
    ],
    // The day-before reminder (server/wechat/CloudCallSubscribeNotifier.ts) and a consultation's answer (CloudCallConsultNotifier.ts).
    openapi: ['subscribeMessage.send'],
    timeoutSeconds: 30,
    memoryMB: 256,
  },
  {
    name: 'assisted',
    description:
      'The assisted channel (代办, issue 18): an officer of a hall identifies a citizen who cannot use the mini-program (on the phone, at the desk, on a home visit) by name and ID number against the registry, confirms it is them by a code texted to the phone on file, then books, moves or cancels for them with every booking rule; each act audited and told to the citizen by SMS; the hall lead’s per-officer figures. Apart from booking so that only this function holds the registry and SMS credentials.',
    caller: 'officer',
    actions: assistedActions as ActionMap<never>,
    env: [...assistedEnvironment],
    // Every 10 minutes: sessions past their end are deleted (core/assisted/actions/purge.ts).
    triggers: [{ name: 'purgeAssistedSessions', cron: '0 */10 * * * * *' }],
    // Each act is told to a citizen with an account (server/wechat/CloudCallAssistedNotifier.ts); a cancellation for a
    // citizen offers the place to the waiting list, whose first in line is told (core/waitlist/tellOffered.ts).
    openapi: ['subscribeMessage.send'],
    // The registry and SMS may each take a few seconds.
    timeoutSeconds: 30,
    memoryMB: 256,
  },
  {
    name: 'reissue',
    description:
      'Online ID-card reissue (lost) and replacement (damaged): eligibility, loss report, application with mail delivery or hall collection, payment, tracking, cancel and address change; officers review, produce and ship; shipment polling.',
    caller: 'verified citizen',
    actions: reissueActions as ActionMap<never>,
    env: [...reissueEnvironment],
    triggers: [
      { name: 'pollShipments', cron: '0 */30 * * * * *' },
      { name: 'settlePayments', cron: '0 */10 * * * * *' },
      { name: 'purgeExpiredRequests', cron: '0 50 19 * * * *' },
    ],
    timeoutSeconds: 60,
    memoryMB: 256,
  },
  {
    name: 'business',
    description:
      'Household-registration business online (户籍类证明, cross-province migration, newborn registration, residence permits): apply at the destination hall, upload material photos to private storage, submit, correct and resubmit; officers review, approve, reject or ask for corrections; certificates are verified publicly by serial; results handed over at the hall or mailed, with shipment polling.',
    caller: 'verified citizen',
    actions: businessActions as ActionMap<never>,
    env: [...businessEnvironment],
    // Platform time is UTC: 18:20 and 18:40 are 02:20 and 02:40 in Asia/Shanghai.
    triggers: [
      { name: 'expireApplications', cron: '0 20 18 * * * *' },
      { name: 'purgeMaterials', cron: '0 40 18 * * * *' },
      { name: 'purgeExpiredRequests', cron: '0 55 19 * * * *' },
      // Results sent by mail, tracked as the reissue's cards are.
      { name: 'pollShipments', cron: '0 */30 * * * * *' },
    ],
    storage: true,
    // Decisions told to the applicant (server/wechat/CloudCallBusinessNotifier.ts).
    openapi: ['subscribeMessage.send'],
    timeoutSeconds: 30,
    memoryMB: 256,
  },
  {
    name: 'payNotify',
    description:
      'WeChat Pay notifications (支付通知, 退款结果通知) over HTTP access: verifies WeChat Pay’s signature and time, decrypts the resource, and settles the application through the same use case as the query path (core/reissue/paymentNotice.ts). No client actions.',
    caller: 'WeChat Pay (HTTP access)',
    actions: {} as ActionMap<never>,
    env: [...payNotifyEnvironment],
    httpPaths: ['/wxpay/notify'],
    // WeChat Pay waits 5 s for the answer and sends again otherwise; a query when in doubt fits.
    timeoutSeconds: 10,
    memoryMB: 256,
  },
];
