/**
 * Keeps the bench's output readable: the bundled functions write one JSON log line per request to
 * stdout (5,000 of them in a burst), and the SDK warns about every database request slower than
 * 3 s, which queueing in a deliberate burst produces. Both are counted, not printed.
 *
 * Also counted: Node's MaxListenersExceededWarning for `connect` listeners on a socket. The SDK
 * (request-core) adds a `connect` listener to every request's socket unless `req.reusedSocket`;
 * a request that waited in the keep-alive agent's queue (its 100 sockets all busy) is handed a
 * connected socket without that flag, so the listener never fires and piles up. Harmless here,
 * but it tells that the SDK's 100-socket cap was reached.
 */
export interface Quiet {
  /** Function log lines swallowed, by outcome (ok, rejected, failed). */
  logLines: Record<string, number>;
  /** The `error` of function log lines with outcome 'failed' (allowlisted descriptions), by text. */
  failures: Record<string, number>;
  slowWarnings: number;
  /** MaxListenersExceededWarning about `connect` listeners (see above). */
  socketListenerWarnings: number;
  restore(): void;
}

export function quietLogs(): Quiet {
  const log = console.log;
  const warn = console.warn;
  const emitWarning = process.emitWarning;
  const quiet: Quiet = {
    logLines: {},
    failures: {},
    slowWarnings: 0,
    socketListenerWarnings: 0,
    restore() {
      console.log = log;
      console.warn = warn;
      process.emitWarning = emitWarning;
    },
  };
  process.emitWarning = ((warning: string | Error, ...rest: unknown[]) => {
    if (warning instanceof Error && warning.name === 'MaxListenersExceededWarning' && / connect listeners added to \[Socket\]/.test(warning.message)) {
      quiet.socketListenerWarnings++;
      return;
    }
    return (emitWarning as (...args: unknown[]) => void).call(process, warning, ...rest);
  }) as typeof process.emitWarning;
  console.log = (...args: unknown[]) => {
    const line = args.map(String).join(' ');
    if (!line.startsWith('{"time"')) return log(...args);
    const outcome = /"outcome":"([a-z]+)"/.exec(line)?.[1] ?? 'other';
    quiet.logLines[outcome] = (quiet.logLines[outcome] ?? 0) + 1;
    if (outcome === 'failed') {
      const error = (/"error":"((?:[^"\\]|\\.){0,160})/.exec(line)?.[1] ?? '(none)').replace(/\d+/g, 'N');
      quiet.failures[error] = (quiet.failures[error] ?? 0) + 1;
    }
  };
  console.warn = (...args: unknown[]) => {
    if (String(args[0]).startsWith('[TCB][WARN] Your current request')) {
      quiet.slowWarnings++;
      return;
    }
    warn(...args);
  };
  return quiet;
}
