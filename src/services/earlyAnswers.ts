/**
 * Answers asked for before the page that needs them has loaded (H5: src/services/firstReads.ts
 * starts a page's first reads while the page's code is still downloading). A read made under
 * `askEarly` is sent at once and its answer kept; the page's own identical call (same function,
 * action, input and caller) then takes that answer instead of sending again. Each kept answer is
 * taken once, and only within EARLY_ANSWER_MS of being asked for; a later call asks anew.
 */

/** Where index.html's early script leaves the reads it sent (config/earlyReads.ts, firstReads.ts). */
export const INLINE_READS = '__hukouEarlyReads';

/** How long a kept answer waits for its page: past this the page asks again. */
export const EARLY_ANSWER_MS = 15_000;

const kept = new Map<string, { at: number; answer: Promise<unknown> }>();
let asking = false;

/** The identity of a call for matching: function, action, input, caller (the H5 persona). */
export function answerKey(fn: string, action: string, data: object, caller = ''): string {
  return `${caller}\n${fn}\n${action}\n${JSON.stringify(data)}`;
}

/** Runs `ask`: every call it starts (synchronously) keeps its answer for the page. */
export function askEarly(ask: () => Array<Promise<unknown>>): void {
  asking = true;
  try {
    // Nobody waits for these here: a failure reaches the page when it takes the answer.
    for (const read of ask()) read.catch(() => undefined);
  } finally {
    asking = false;
  }
}

/** Whether the call being made now is one of askEarly's. */
export function askingEarly(): boolean {
  return asking;
}

export function keepEarly(key: string, answer: Promise<unknown>, now = Date.now()): void {
  answer.catch(() => undefined);
  kept.set(key, { at: now, answer });
}

/** The kept answer for this call, once; undefined when none or when it waited too long. */
export function takeEarly(key: string, now = Date.now()): Promise<unknown> | undefined {
  const found = kept.get(key);
  if (!found) return undefined;
  kept.delete(key);
  return now - found.at <= EARLY_ANSWER_MS ? found.answer : undefined;
}

/** Forgets every kept answer (the person left the opening page; tests). */
export function forgetEarlyAnswers(): void {
  kept.clear();
}
