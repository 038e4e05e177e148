/**
 * What CloudBase hands a function when a timer trigger fires:
 * `{ Type: 'Timer', TriggerName, Time, Message }`. The trigger is named after the action it runs.
 */
export interface TimerEvent {
  trigger: string;
  /** When the trigger fired (ISO), as the platform says. */
  time?: string;
}

const TRIGGER_NAME = /^[A-Za-z][A-Za-z0-9_-]{0,59}$/;

export function timerEventFrom(event: unknown): TimerEvent | undefined {
  if (!event || typeof event !== 'object' || Array.isArray(event)) return undefined;
  const e = event as Record<string, unknown>;
  if (typeof e.Type !== 'string' || e.Type.toLowerCase() !== 'timer') return undefined;
  if (typeof e.TriggerName !== 'string' || !TRIGGER_NAME.test(e.TriggerName)) return undefined;
  return { trigger: e.TriggerName, time: typeof e.Time === 'string' ? e.Time : undefined };
}
