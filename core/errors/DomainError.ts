import { type ErrorCode, messageFor } from './catalogue';

/**
 * An expected failure of a use case: carries a catalogue code and the citizen-facing message.
 * `detail` may refine the message (e.g. which field is wrong) and must never hold personal data.
 */
export class DomainError extends Error {
  readonly code: ErrorCode;
  readonly detail?: string;

  constructor(code: ErrorCode, detail?: string) {
    super(detail ? `${messageFor(code)}（${detail}）` : messageFor(code));
    this.name = 'DomainError';
    this.code = code;
    this.detail = detail;
  }
}

export function isDomainError(e: unknown): e is DomainError {
  return e instanceof DomainError;
}
