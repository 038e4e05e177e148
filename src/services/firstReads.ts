import Taro from '@tarojs/taro';
import { askEarly, forgetEarlyAnswers } from './earlyAnswers';
import { bookingApi } from './bookingApi';
import { guideApi } from './guideApi';
import { identityApi } from './identityApi';
import { routeOfHash, type RouteParams } from './routeOfHash';

/**
 * H5: the reads each main page makes first, started by the app as soon as it runs (src/app.ts),
 * in parallel with the download and start of the page's own code, instead of after it. The page
 * makes the same calls as always and takes these answers (src/services/earlyAnswers.ts). A read
 * listed here that the page does not make in the end (e.g. booking options for a citizen who
 * must verify first) is simply not used. Keep each entry what the page asks for on opening;
 * tests/e2e/firstReads.test.ts fails when a page sends one of these a second time.
 */
const FIRST_READS: Record<string, (p: RouteParams) => Array<Promise<unknown>>> = {
  'pages/index/index': () => [guideApi.list({ crossProvince: true })],
  'pages/guides/index': (p) => [
    guideApi.categories(),
    ...(p.q ? [] : [p.cross === '1' || !p.category ? guideApi.list({ crossProvince: true }) : guideApi.list({ categoryId: p.category })]),
  ],
  'pages/guide/index': (p) => (p.id ? [guideApi.detail(p.id)] : []),
  'pages/mine/index': () => [identityApi.status(), guideApi.halls()],
  'packages/booking/book/index': (p) => [
    identityApi.status(),
    ...(p.business ? [guideApi.detail(p.business), bookingApi.bookingOptions(p.business), identityApi.familyMembers()] : []),
  ],
  'packages/booking/ticket/index': (p) => (p.id ? [bookingApi.myAppointments(), bookingApi.ticket(p.id)] : []),
};

/** Starts the first reads of the page in the address, if it is one of the main pages. */
export function askFirstReads(hash: string): void {
  const { route, params } = routeOfHash(hash);
  const reads = FIRST_READS[route];
  if (!reads) return;
  askEarly(() => reads(params));
  // For the opening page only: once the person goes elsewhere, what is left unused is dropped (an
  // unverified citizen's booking options, say, must not answer the form after 实名认证). Taro's
  // H5 router announces every page it renders, the opening one first.
  let rendered = 0;
  const onRouteChange = () => {
    if (++rendered < 2) return;
    forgetEarlyAnswers();
    Taro.eventCenter.off('__taroRouterChange', onRouteChange);
  };
  Taro.eventCenter.on('__taroRouterChange', onRouteChange);
}
