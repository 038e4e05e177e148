import tcb from '@cloudbase/node-sdk';

/**
 * Timer invocations, and only real ones.
 *
 * What CloudBase (SCF underneath) hands a function when a timer trigger fires is the event
 * `{ Type: 'Timer', TriggerName, Time, Message }` (SCF's "Timer trigger event message structure";
 * `Message` is the trigger's optional argument) and a context whose `environment` carries no caller.
 * The event alone proves nothing: anyone who may call the function can send that body. So a timer
 * is accepted only when BOTH hold:
 *
 * 1. the event has exactly the timer's shape: no key but Type/TriggerName/Time/Message, `Type`
 *    'Timer', a trigger name as the platform allows it, and a `Time`. An HTTP-access call (event
 *    `{ path, httpMethod, headers, body, … }`) or a client envelope (`{ action, data, requestId }`)
 *    never has it;
 * 2. the context names no client: no user (WX_OPENID, WX_UNIONID, QQ_OPENID, TCB_UUID,
 *    TCB_CUSTOM_USER_ID, TCB_ISANONYMOUS_USER), no client address (WX_CLIENTIP, WX_CLIENTIPV6,
 *    TCB_SOURCE_IP), no HTTP-access context (TCB_HTTP_CONTEXT), and no client SDK as the source
 *    (TCB_SOURCE `wx_client`, `web_client`, … ). The platform fills the context, never the caller:
 *    a mini-program call always carries its openid and client IP, a web SDK call its source and
 *    user (anonymous ones included), an HTTP-access call its HTTP context and source IP.
 *
 * A secret in `Message` would add a third check, but CloudBase's deployment cannot set it: a
 * cloudbaserc.json trigger is `{ name, type: 'timer', config: <cron> }` and the manager SDK
 * (@cloudbase/manager-node `createFunctionTriggers`) sends only TriggerName, Type and TriggerDesc,
 * never SCF's CustomArgument. So `Message` is read and ignored.
 */
export interface TimerEvent {
  trigger: string;
  /** When the trigger fired (ISO), as the platform says. */
  time: string;
}

/** SCF: at most 60 characters, letters, digits, - and _, starting with a letter. */
const TRIGGER_NAME = /^[A-Za-z][A-Za-z0-9_-]{0,59}$/;
const TIMER_KEYS = new Set(['Type', 'TriggerName', 'Time', 'Message']);

/** The timer event, when the event has exactly the timer's shape (whoever sent it). */
export function timerEventFrom(event: unknown): TimerEvent | undefined {
  if (!event || typeof event !== 'object' || Array.isArray(event)) return undefined;
  const e = event as Record<string, unknown>;
  if (!Object.keys(e).every((k) => TIMER_KEYS.has(k))) return undefined;
  if (e.Type !== 'Timer') return undefined;
  if (typeof e.TriggerName !== 'string' || !TRIGGER_NAME.test(e.TriggerName)) return undefined;
  if (typeof e.Time !== 'string' || e.Time.length > 40 || Number.isNaN(Date.parse(e.Time))) return undefined;
  if (e.Message !== undefined && typeof e.Message !== 'string') return undefined;
  return { trigger: e.TriggerName, time: e.Time };
}

/** Whether an event carries a timer's fields at all (a client envelope never does): refused unless a real timer. */
export function looksLikeTimer(event: unknown): boolean {
  return Boolean(event && typeof event === 'object' && !Array.isArray(event) && ('Type' in event || 'TriggerName' in event));
}

const CLIENT_KEYS = [
  'WX_OPENID',
  'WX_UNIONID',
  'QQ_OPENID',
  'TCB_UUID',
  'TCB_CUSTOM_USER_ID',
  'TCB_ISANONYMOUS_USER',
  'WX_CLIENTIP',
  'WX_CLIENTIPV6',
  'TCB_SOURCE_IP',
  'TCB_HTTP_CONTEXT',
] as const;

/** Whether the platform's context names a client (a user, a client address or a client SDK). */
export function contextNamesClient(context: unknown): boolean {
  if (!context || typeof context !== 'object') return false;
  // Read as unknown values: the platform fills them, and a client-made context may hold anything.
  let env: Partial<Record<(typeof CLIENT_KEYS)[number] | 'TCB_SOURCE', unknown>>;
  try {
    env = tcb.getCloudbaseContext(context as Parameters<typeof tcb.getCloudbaseContext>[0]);
  } catch {
    // A context the SDK cannot read is no platform timer's.
    return true;
  }
  if (CLIENT_KEYS.some((k) => typeof env[k] === 'string' && env[k] !== '')) return true;
  return typeof env.TCB_SOURCE === 'string' && /client/i.test(env.TCB_SOURCE);
}

/** The timer event of a real timer invocation; undefined for anything a client sent. */
export function platformTimerFrom(event: unknown, context: unknown): TimerEvent | undefined {
  const timer = timerEventFrom(event);
  return timer && !contextNamesClient(context) ? timer : undefined;
}
