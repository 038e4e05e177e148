/**
 * The rules of the electronic temporary identity proof (电子临时身份证明, issue 17), anchored on the
 * railway's electronic temporary travel proof: valid 24 hours, at most 3 a calendar month
 * (Asia/Shanghai), a QR code that changes every 60 s, a face check again after 30 minutes on screen,
 * and a new one only within the last 3 hours of the current one.
 */
export const TEMP_PROOF_POLICY = {
  validHours: 24,
  perMonth: 3,
  /** The QR token changes with each minute window. */
  tokenWindowSeconds: 60,
  /**
   * A scanned token is accepted in its own window and the one after (a code read at 0:59 and checked
   * at 1:01 still counts); never older, never from the future.
   */
  tokenGraceWindows: 1,
  /** The server hands out tokens only while the last face check is at most this old. */
  faceMaxAgeMinutes: 30,
  /** A new proof may be requested this long before the current one expires (earlier: the current one is shown). */
  renewWithinHours: 3,
} as const;

/**
 * How long a token fetched at `fetchedAtMs` is surely still accepted: to the end of the window after
 * the one it was made in, which is at least one whole window after fetching it. A page that cannot
 * get a new one (the network is down) stops showing the old one then, so no verifier scans a code
 * the server refuses.
 */
export function tokenShownUntil(fetchedAtMs: number): number {
  return fetchedAtMs + TEMP_PROOF_POLICY.tokenGraceWindows * TEMP_PROOF_POLICY.tokenWindowSeconds * 1000;
}
