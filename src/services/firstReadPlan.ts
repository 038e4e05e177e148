import type { RouteParams } from './routeOfHash';

/** One read as `call(fn, action, data)` sends it. */
export type PlannedRead = [fn: string, action: string, data: Record<string, string | boolean>];

/**
 * H5: the reads each main page makes first, by route and query (values raw, as the page gets
 * them). Keep each entry what the page asks for on opening: tests/e2e/firstReads.test.ts fails
 * when a page sends one of these a second time. A read listed here that the page does not make in
 * the end (e.g. booking options for a citizen who must verify first) is simply not used.
 *
 * index.html runs this file as it is, before any of the app's code has arrived
 * (config/earlyReads.ts): no imports but types, nothing but plain statements.
 */
export function firstReadPlan(route: string, p: RouteParams): PlannedRead[] {
  switch (route) {
    case 'pages/index/index':
      return [['guide', 'list', { crossProvince: true }]];
    case 'pages/guides/index': {
      const reads: PlannedRead[] = [['guide', 'categories', {}]];
      if (!p.q) reads.push(p.cross === '1' || !p.category ? ['guide', 'list', { crossProvince: true }] : ['guide', 'list', { categoryId: p.category }]);
      return reads;
    }
    case 'pages/guide/index':
      return p.id ? [['guide', 'detail', { id: p.id }]] : [];
    case 'pages/mine/index':
      return [
        ['identity', 'status', {}],
        ['guide', 'halls', {}],
      ];
    case 'packages/booking/book/index': {
      const reads: PlannedRead[] = [['identity', 'status', {}]];
      if (p.business) {
        reads.push(['guide', 'detail', { id: p.business }], ['booking', 'bookingOptions', { business: p.business }], ['identity', 'familyMembers', {}]);
      }
      return reads;
    }
    case 'packages/booking/ticket/index':
      return p.id
        ? [
            ['booking', 'myAppointments', {}],
            ['booking', 'ticket', { appointmentId: p.id }],
          ]
        : [];
    default:
      return [];
  }
}
