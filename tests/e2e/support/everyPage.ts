/**
 * Every page of the app (from src/app.config.ts), each with the persona that can reach it and the
 * query it needs. A new page gets one row here; `everyRoute()` lists the config's pages so a test
 * can fail on a page without a row.
 */
export interface PageData {
  guideId: string;
  hallId: string;
  appointmentId: string;
  applicationId: string;
  /** The officer of the application's hall (reviews it). */
  reviewer: string;
  /** A submitted business application (户籍类证明) of local-citizen at haikou-longhua (local-officer reviews it). */
  businessApplicationId: string;
}

export interface PageVisit {
  route: string;
  persona: string;
  query?: (d: PageData) => string;
  /** A selector that shows the page has its content (beyond the frame). */
  ready?: string;
}

export const PAGES: PageVisit[] = [
  { route: 'pages/index/index', persona: 'local-visitor', ready: '[data-guide-id]' },
  { route: 'pages/guides/index', persona: 'local-visitor', ready: '[data-guide-id]' },
  { route: 'pages/guide/index', persona: 'local-visitor', query: (d) => `id=${d.guideId}` },
  { route: 'pages/halls/index', persona: 'local-visitor' },
  { route: 'pages/hall/index', persona: 'local-visitor', query: (d) => `id=${d.hallId}`, ready: '#hours' },
  { route: 'pages/mine/index', persona: 'local-citizen', ready: '[data-persona]' },
  { route: 'packages/identity/consent/index', persona: 'local-visitor' },
  { route: 'packages/identity/verify/index', persona: 'local-visitor' },
  { route: 'packages/identity/profile/index', persona: 'local-citizen' },
  { route: 'packages/identity/family/index', persona: 'local-citizen' },
  { route: 'packages/identity/admin/index', persona: 'local-admin' },
  { route: 'packages/identity/audit/index', persona: 'local-admin', ready: '.audit__entry' },
  { route: 'packages/identity/officers/index', persona: 'local-admin', ready: '[data-officer]' },
  { route: 'packages/booking/book/index', persona: 'local-citizen' },
  { route: 'packages/booking/mine/index', persona: 'local-citizen', ready: '.appointment' },
  { route: 'packages/booking/ticket/index', persona: 'local-citizen', query: (d) => `id=${d.appointmentId}` },
  { route: 'packages/officer/scan/index', persona: 'local-officer' },
  { route: 'packages/officer/day/index', persona: 'local-officer' },
  { route: 'packages/officer/ratings/index', persona: 'local-officer' },
  { route: 'packages/stats/report/index', persona: 'local-officer', ready: '.stats__report' },
  { route: 'packages/hallAdmin/hours/index', persona: 'local-admin', ready: '.ha__tabs' },
  { route: 'packages/reissue/apply/index', persona: 'local-citizen' },
  { route: 'packages/reissue/track/index', persona: 'local-citizen', query: (d) => `id=${d.applicationId}`, ready: '.stage-bar' },
  { route: 'packages/reissue/mine/index', persona: 'local-citizen', ready: '.app-row' },
  { route: 'packages/reissue/review/index', persona: 'reviewer' },
  { route: 'packages/reissue/review/detail', persona: 'reviewer', query: (d) => `id=${d.applicationId}` },
  { route: 'packages/business/list/index', persona: 'local-citizen', ready: '.biz-kind' },
  { route: 'packages/business/detail/index', persona: 'local-citizen', query: (d) => `id=${d.businessApplicationId}`, ready: '.biz-detail__root' },
  { route: 'packages/business/mine/index', persona: 'local-citizen', ready: '.app-row' },
  { route: 'packages/business/review/index', persona: 'local-officer', ready: '.app-row' },
  { route: 'packages/business/case/index', persona: 'local-officer', query: (d) => `id=${d.businessApplicationId}`, ready: '.biz-case__root' },
  { route: 'packages/business/verify/index', persona: 'local-visitor' },
  { route: 'packages/business/moveout/index', persona: 'local-officer', ready: '.biz-moveout__root' },
  { route: 'packages/consult/ask/index', persona: 'local-citizen', query: (d) => `business=${d.guideId}`, ready: '.consult__text' },
  { route: 'packages/consult/mine/index', persona: 'local-citizen' },
  { route: 'packages/consult/hall/index', persona: 'local-officer' },
  { route: 'packages/homeVisit/request/index', persona: 'local-citizen', ready: '[data-chips="reason"]' },
  { route: 'packages/homeVisit/mine/index', persona: 'local-citizen' },
  { route: 'packages/homeVisit/hall/index', persona: 'local-officer' },
  { route: 'packages/queue/window/index', persona: 'local-officer', ready: '.window__actions' },
  // The hall's display: no login (any persona, or none, sees the same board).
  { route: 'packages/queue/board/index', persona: 'local-visitor', query: (d) => `hall=${d.hallId}`, ready: '.board__empty' },
  // Issue 17: the temporary identity proof (王建国 holds none: the application form), its public verification (no login), the holder's log.
  { route: 'packages/tempProof/proof/index', persona: 'local-citizen', ready: '[data-face-step="apply"]' },
  { route: 'packages/tempProof/verify/index', persona: 'local-visitor' },
  { route: 'packages/tempProof/log/index', persona: 'local-citizen' },
  // Issue 17: the waiting list — joining a day (the form; the day need not be full to show it) and 我的候补 (empty).
  { route: 'packages/waitlist/join/index', persona: 'local-citizen', query: (d) => `q=${d.hallId},${d.guideId},2026-12-31,`, ready: '.summary-row' },
  { route: 'packages/waitlist/mine/index', persona: 'local-citizen', ready: '.wl__empty' },
  { route: 'packages/waitlist/hall/index', persona: 'local-officer', ready: '.wl__empty' },
  // Issue 17: fair release — the days released by draw, my applications, the lead's page; applying and the
  // public draw of a day that has none (the page says so).
  { route: 'packages/release/list/index', persona: 'local-citizen' },
  { route: 'packages/release/mine/index', persona: 'local-citizen' },
  { route: 'packages/release/lead/index', persona: 'local-officer' },
  { route: 'packages/release/apply/index', persona: 'local-citizen', query: (d) => `hallId=${d.hallId}&date=2026-12-31` },
  { route: 'packages/release/draw/index', persona: 'local-visitor', query: (d) => `hallId=${d.hallId}&date=2026-12-31` },
  // Issue 18: the officer's assisted session (its open form).
  { route: 'packages/assisted/session/index', persona: 'local-officer', ready: '[data-reason="phone"]' },
  { route: 'packages/assisted/report/index', persona: 'local-admin', ready: '[data-period="week"]' },
  // Issue 18: 代办补换领, opened from a session (none here: the form shows, the address lists say the session is not found).
  { route: 'packages/assistedReissue/apply/index', persona: 'local-officer', query: () => 'sessionId=no-such-session', ready: '[data-reason="lost"]' },
  // Issue 18: a fee collected by hand, the hall's cancellation or its return (none here: the page says the application is not found).
  { route: 'packages/reissueFee/hand/index', persona: 'local-officer', query: () => 'id=no-such-application' },
];

/** The routes src/app.config.ts declares, sub-packages included. */
export function everyRoute(): string[] {
  const g = globalThis as unknown as { defineAppConfig?: (c: unknown) => unknown };
  g.defineAppConfig ??= (c) => c;
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const config = require('../../../src/app.config').default as { pages: string[]; subPackages?: { root: string; pages: string[] }[] };
  return [...config.pages, ...(config.subPackages ?? []).flatMap((p) => p.pages.map((page) => `${p.root}/${page}`))];
}
