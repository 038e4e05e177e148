/** What a reference number names: an appointment (预约号) or a reissue or business application (办件编号), of one hall. */
export interface ReferenceTarget {
  kind: 'appointment' | 'reissue' | 'business';
  id: string;
  hallId: string;
}

/**
 * Reference numbers as stored (CloudBase: server/reference/CloudbaseReferenceNumbers.ts): one claim
 * document per hall and number (`_id = hallId:number`), so the database itself refuses a second
 * holder; and counters of failed identity confirmations at the window.
 */
export interface ReferenceNumberStore {
  /**
   * Creates the claim of `number` in `target.hallId` for `target`; true when the target holds it
   * afterwards (also when an earlier attempt of the same request took it), false when another does.
   */
  claim(number: string, target: ReferenceTarget, at: Date): Promise<boolean>;
  /** Who holds the number in the hall, if anyone. */
  holder(hallId: string, number: string): Promise<ReferenceTarget | null>;
  /** Atomically counts one failure under `key`; returns the new count. */
  countFailure(key: string, at: Date): Promise<number>;
  failures(key: string): Promise<number>;
}
