import { type ErrorCode, messageFor } from './catalogue';

/**
 * An expected failure of a use case: carries a catalogue code and the citizen-facing message.
 * `detail` may refine the message (e.g. which field is wrong) and must never hold personal data.
 */
export class DomainError extends Error {
  readonly code: ErrorCode;
  readonly detail?: string;

  constructor(code: ErrorCode, detail?: string) {
    super(withoutStack(detail ? `${messageFor(code)}（${detail}）` : messageFor(code)));
    if (savedLimit !== undefined) Error.stackTraceLimit = savedLimit;
    this.name = 'DomainError';
    this.code = code;
    this.detail = detail;
  }
}

/**
 * A DomainError is an answer, not a fault: its stack is never read, and capturing one for each of
 * thousands of refusals at a release (SLOT_FULL) was measurable CPU (`npm run bench`). Where the
 * engine has the limit (V8), it is 0 while super runs (set as its argument is evaluated) and put
 * back right after.
 */
let savedLimit: number | undefined;
function withoutStack(message: string): string {
  savedLimit = typeof Error.stackTraceLimit === 'number' ? Error.stackTraceLimit : undefined;
  if (savedLimit !== undefined) Error.stackTraceLimit = 0;
  return message;
}

export function isDomainError(e: unknown): e is DomainError {
  return e instanceof DomainError;
}
