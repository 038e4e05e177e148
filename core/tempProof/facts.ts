import type { ReissueState } from '../reissue/ReissueApplication';

/** What decides whether a person may hold a temporary proof: their reissue applications and their card in the registry. */
export interface CardFacts {
  /** The person's reissue applications (any actor), newest first. */
  applications: readonly ApplicationFacts[];
  /**
   * The registry's card record; undefined when the registry could not be asked (then only the
   * applications decide, and a proof is never issued on that alone: see basis.ts).
   */
  card?: { lostAt?: Date; issuedOn?: string; photoOnFile: boolean };
}

export interface ApplicationFacts {
  _id: string;
  state: ReissueState;
  reason: 'lost' | 'damaged';
  /** When each state was reached. */
  timeline: ReadonlyArray<{ state: ReissueState; at: Date }>;
}

/** A card is being produced or on its way: the application is past submission and the card not yet with its holder. */
export const IN_PROGRESS: readonly ReissueState[] = ['submitted', 'paid', 'underReview', 'approved', 'inProduction', 'shipped', 'returned', 'heldAtHall'];
/** The new card reached its holder. */
export const COMPLETED: readonly ReissueState[] = ['delivered', 'collected'];
/** The application ended without a card. */
export const ABANDONED: readonly ReissueState[] = ['cancelled', 'rejected'];

/** When the application reached a completed state, if it did. */
export function completedAt(app: ApplicationFacts): Date | undefined {
  if (!COMPLETED.includes(app.state)) return undefined;
  return app.timeline.find((t) => COMPLETED.includes(t.state))?.at;
}
