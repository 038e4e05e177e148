import { createHash } from 'node:crypto';

/** SHA-256 (hex) of a text: the fingerprint of a request's canonical input, and of ids for the log. */
export function sha256Hex(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}
