/**
 * What a write request does to a set of matching documents, computed before anything is stored.
 * Shared by plain writes (direct.ts) and transactional ones (transactions.ts).
 */
import { randomBytes } from 'crypto';
import { invalidParam } from './errors';
import { isPlainObject, sameDocument, type Doc, type DocId, type NedbQuery } from './nedbModel';
import { equalityFields } from './query';
import { applyUpdate, isOperatorUpdate, replaceDocument } from './update';

/** A `database.modifyDocument` / `database.modifyAndReturnDoc` request, decoded. */
export interface ModifySpec {
  /** The decoded query (its equality fields seed an upserted document). */
  query: unknown;
  nedbQuery: NedbQuery;
  /** Update operators, or the replacement document of `doc().set()`. */
  update: Record<string, unknown>;
  /** `merge: false` — `doc().set()` replaces the document instead of merging into it. */
  replace: boolean;
  /** `multi: true` — every matching document, else only the first. */
  multi: boolean;
  /** `upsert: true` — insert when nothing matches (`doc().set()` on a missing id). */
  upsert: boolean;
}

export interface Change {
  before: Doc | null;
  after: Doc;
}

export interface ModifyPlan {
  matched: number;
  /** Documents that really change; `updated` counts these (MongoDB's nModified). */
  changes: Change[];
  upsertedId?: DocId;
}

const processTag = randomBytes(3).toString('hex');
let counter = randomBytes(3).readUIntBE(0, 3);

/**
 * A new document id: 32 hexadecimal characters, the shape CloudBase generates. Like a MongoDB
 * ObjectId it starts with the time in seconds and a counter, so `_id` order (the emulator's
 * natural order) follows insertion order, as MongoDB's natural order roughly does.
 */
export function newDocId(): string {
  counter = (counter + 1) % 0x1000000;
  const seconds = Math.floor(Date.now() / 1000)
    .toString(16)
    .padStart(8, '0');
  return `${seconds}${processTag}${counter.toString(16).padStart(6, '0')}${randomBytes(6).toString('hex')}`;
}

/** Documents of an insert request get an id when they have none. */
export function prepareInsert(data: unknown): Doc {
  if (!isPlainObject(data)) throw invalidParam('each inserted document must be an object');
  const id = data._id === undefined ? newDocId() : data._id;
  if (typeof id !== 'string' && typeof id !== 'number') throw invalidParam('_id must be a string or a number');
  const doc: Record<string, unknown> = { _id: id };
  for (const [key, value] of Object.entries(data)) if (key !== '_id') doc[key] = value;
  return doc as Doc;
}

function applySpec(doc: Doc, spec: ModifySpec, isInsert: boolean): Doc {
  if (isOperatorUpdate(spec.update)) return applyUpdate(doc, spec.update, isInsert);
  // A plain object: `set()` replaces; a raw `update()` without operators merges its fields.
  return spec.replace ? replaceDocument(doc, spec.update) : applyUpdate(doc, { $set: spec.update }, isInsert);
}

/** The document MongoDB inserts for an upsert: query equality fields, then the update. */
function upsertDocument(spec: ModifySpec): Doc {
  const { _id: queriedId, ...fields } = equalityFields(spec.query);
  const id = typeof queriedId === 'string' || typeof queriedId === 'number' ? queriedId : newDocId();
  const base: Doc = { _id: id };
  const seeded = Object.keys(fields).length > 0 && !spec.replace ? applyUpdate(base, { $set: fields }, true) : base;
  return applySpec(seeded, spec, true);
}

/** `candidates` are the documents matching the query, in natural order. */
export function planModify(candidates: Doc[], spec: ModifySpec): ModifyPlan {
  const targets = spec.multi ? candidates : candidates.slice(0, 1);
  if (targets.length === 0 && spec.upsert) {
    const after = upsertDocument(spec);
    return { matched: 0, changes: [{ before: null, after }], upsertedId: after._id };
  }
  const changes: Change[] = [];
  for (const before of targets) {
    const after = applySpec(before, spec, false);
    if (!sameDocument(before, after)) changes.push({ before, after });
  }
  return { matched: targets.length, changes };
}
