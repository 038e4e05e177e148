import Taro from '@tarojs/taro';
import { INLINE_READS, askEarly, forgetEarlyAnswers, keepEarly } from './earlyAnswers';
import { call } from './api';
import { firstReadPlan } from './firstReadPlan';
import { routeOfHash } from './routeOfHash';

/** What index.html's early script sent (config/earlyReads.ts): one entry per read. */
export interface InlineRead {
  key: string;
  at: number;
  answer: Promise<unknown>;
}

/**
 * H5: the opening page's first reads (src/services/firstReadPlan.ts). index.html sends them before
 * vendors and app have arrived; the app, once it runs (src/app.ts), keeps those answers for the
 * page, whose own identical calls then take them (src/services/earlyAnswers.ts). Should the script
 * not have run, the app sends the reads itself, still in parallel with the page's code.
 */
export function askFirstReads(hash: string): void {
  const { route, params } = routeOfHash(hash);
  const inline = (window as unknown as Record<string, InlineRead[] | undefined>)[INLINE_READS];
  if (inline) {
    for (const read of inline) keepEarly(read.key, read.answer, read.at);
  } else {
    const reads = firstReadPlan(route, params);
    if (!reads.length) return;
    askEarly(() => reads.map(([fn, action, data]) => call(fn, action, data)));
  }
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
