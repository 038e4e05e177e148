import { functions } from '../config/functions';
import { cronMatches } from './cron';
import type { FunctionGateway } from './functionGateway';
import { localNow } from './localClock';

/**
 * Plays CloudBase's timer triggers: every second of the local clock (moved by the same
 * HUKOU_LOCAL_CLOCK_OFFSET_MS as the functions' clock), each trigger declared in config/functions.ts
 * whose cron matches fires through the gateway with the platform's timer event and context.
 * Started by `npm start`; tests fire timers themselves (LocalCloud.fireTimer).
 */
export function startTimerRunner(gateway: FunctionGateway, onResult: (fn: string, trigger: string, result: unknown) => void = () => {}): () => void {
  const triggers = functions.flatMap((f) => (f.triggers ?? []).map((t) => ({ fn: f.name, trigger: t.name, cron: t.cron })));
  let last = 0;
  const tick = () => {
    const second = Math.floor(localNow() / 1000);
    if (second === last) return;
    last = second;
    const at = new Date(second * 1000);
    for (const t of triggers) {
      if (!cronMatches(t.cron, at)) continue;
      gateway.fireTimer(t.fn, t.trigger, at).then(
        (result) => onResult(t.fn, t.trigger, result),
        (e: unknown) => onResult(t.fn, t.trigger, { ok: false, error: String(e) }),
      );
    }
  };
  const timer = setInterval(tick, 250);
  timer.unref();
  return () => clearInterval(timer);
}
