/**
 * Structured log lines built from an allowlist of fields: nothing personal (no ID numbers,
 * phones, names, openids, inputs) can reach the log because nothing else is copied.
 */
export interface LogLine {
  fn: string;
  /** A name the function declares, `(unknown)` for any other, `(none)` when the request had none. */
  action?: string;
  /** The timer trigger that ran the action (timer invocations only). */
  trigger?: string;
  /** The platform's invocation id (server-generated; never a client-typed value). */
  requestId?: string;
  /** A digest of the client's envelope requestId (16 hex of SHA-256), to find a client's request. */
  clientRequest?: string;
  outcome: 'ok' | 'rejected' | 'failed' | 'start';
  durationMs?: number;
  errorCode?: string;
  /** Exception class and message of an unexpected failure; messages are our own or the SDK's. */
  error?: string;
}

const ALLOWED: readonly (keyof LogLine)[] = ['fn', 'action', 'trigger', 'requestId', 'clientRequest', 'outcome', 'durationMs', 'errorCode', 'error'];

export type LogSink = (line: string) => void;

let sink: LogSink = (line) => console.log(line);

/** Tests and the local cloud capture log lines through this. */
export function setLogSink(next: LogSink): void {
  sink = next;
}

export function writeLog(entry: LogLine): void {
  const line: Record<string, unknown> = { time: new Date().toISOString() };
  for (const key of ALLOWED) if (entry[key] !== undefined) line[key] = entry[key];
  sink(JSON.stringify(line));
}

/** Describes an unexpected exception without its stack or any data it carried. */
export function describeFailure(e: unknown): string {
  if (e instanceof Error) return `${e.name}: ${e.message}`.slice(0, 300);
  // The SDK rejects with plain objects ({ code, message }); the code says what failed (ECONNRESET,
  // a timeout) and carries no data, the message may.
  const code = e && typeof e === 'object' ? (e as { code?: unknown }).code : undefined;
  if (typeof code === 'string' && /^[A-Za-z][A-Za-z0-9_.-]{0,63}$/.test(code)) return `${typeof e} with code ${code}`;
  return typeof e;
}
