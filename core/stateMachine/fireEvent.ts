import { DomainError } from '../errors/DomainError';
import type { ErrorCode } from '../errors/catalogue';

/** What the runner needs of an application: its id, its version and its timeline (entry i is version i). */
export interface Versioned {
  _id: string;
  version: number;
  timeline: ReadonlyArray<{ event: string; by: string; state: string; at: Date }>;
}

/** A feature's state machine as the runner drives it. */
export interface EventMachine<A extends Versioned, E, R> {
  /** One step on the version the event is decided on: the next application, or why not (a catalogue code and its detail). */
  transition(app: A, event: E & { expectedVersion: number }, actor: R, now: Date): { ok: true; app: A } | { ok: false; reason: { code: ErrorCode; detail?: string } };
  /** A lost race (and, with `refuseStale`, a stale `expectedVersion`). */
  conflict: ErrorCode;
  /** A stale `expectedVersion` is refused with `conflict` before the machine is asked; otherwise the machine refuses it itself. */
  refuseStale: boolean;
  /** The application's last event is this very one (a client's retry): answered with the application as it is. */
  alreadyFired(app: A, event: E, actor: R, expectedVersion: number | undefined): boolean;
  /** Still open: holds the person's claim on the feature. */
  isOpen(app: A): boolean;
}

/** The outside of one state change: the clock, the store's compare-and-set, and what follows a write. */
export interface EventPorts<A, E, R> {
  now(): Date;
  /** Writes `next` only if the stored version is still `expectedVersion`; false when it was not. */
  save(next: A, expectedVersion: number): Promise<boolean>;
  read(id: string): Promise<A | null | undefined>;
  /** Releases the claim of an application that stopped being open (twice is harmless). */
  release(app: A): Promise<void>;
  /** After a write (also one whose answer was lost): e.g. the applicant's notice. */
  written?(app: A, event: E, actor: R): Promise<void>;
}

/**
 * One state change: the machine's `transition` on the version read (or on `expectedVersion`, the
 * one the client decided on), then a compare-and-set write of the result. A refusal is the
 * machine's catalogue error; a lost race is the machine's `conflict`.
 *
 * Repeats are answered, not refused: a write whose answer was lost (a timeout after it was
 * applied, or an SDK retry of it) is recognised by reading the application back, and a client's
 * retry of an event that is already the application's last answers the application as it is.
 * When the application stops being open, its claim is released.
 */
export async function fireEvent<A extends Versioned, E, R>(
  machine: EventMachine<A, E, R>,
  ports: EventPorts<A, E, R>,
  app: A,
  event: E,
  actor: R,
  expectedVersion?: number,
): Promise<A> {
  const stale = machine.refuseStale && expectedVersion !== undefined && expectedVersion !== app.version;
  const result = stale ? undefined : machine.transition(app, { ...event, expectedVersion: expectedVersion ?? app.version }, actor, ports.now());
  if (!result?.ok) {
    if (machine.alreadyFired(app, event, actor, expectedVersion)) return released(machine, ports, app, app);
    if (!result) throw new DomainError(machine.conflict);
    throw new DomainError(result.reason.code, result.reason.detail);
  }
  const next = result.app;
  if (!(await ports.save(next, app.version))) {
    const stored = await ports.read(app._id);
    if (!stored || !sameWrite(stored, next)) throw new DomainError(machine.conflict);
  }
  await ports.written?.(next, event, actor);
  return released(machine, ports, app, next);
}

async function released<A extends Versioned, E, R>(machine: EventMachine<A, E, R>, ports: EventPorts<A, E, R>, before: A, after: A): Promise<A> {
  if (!machine.isOpen(after) && (machine.isOpen(before) || before === after)) await ports.release(after);
  return after;
}

/** The stored application is the very version this call wrote (its answer was lost, or it was written twice). */
function sameWrite(stored: Versioned, written: Versioned): boolean {
  const a = stored.timeline.at(-1);
  const b = written.timeline.at(-1);
  return stored.version === written.version && !!a && !!b && a.event === b.event && a.by === b.by && a.state === b.state && a.at.getTime() === b.at.getTime();
}
