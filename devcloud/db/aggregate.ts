/**
 * `database.aggregateDocuments`: the aggregation pipeline of `db.collection(x).aggregate()…end()`,
 * evaluated by mingo (a JavaScript implementation of MongoDB's query and aggregation language)
 * rather than translated by hand, so stages and `db.command.aggregate` operators keep MongoDB's
 * semantics (accumulators, `$dateToString`/`$dateFromParts` with a timezone, `$expr`, …).
 *
 * Wire format (@cloudbase/database 1.4.3, aggregate.js): the body carries
 * `stages: [{ stageKey: '$group', stageValue: '<EJSON text>' }, …]`; an object parameter is
 * canonical EJSON (`{"$numberInt":"1"}`, `{"$date":…}`), anything else plain JSON (`5`,
 * `"$tags"`); a `db.command.aggregate.sum(x)` is serialised as `{ "$sum": x }` and `match()`
 * goes through the query serialiser, as `where()` does. The answer is `{ list: [EJSON text] }`.
 *
 * Stages answered: the ones CloudBase documents except `geoNear` — addFields, bucket, bucketAuto,
 * count, group, limit, lookup (both the localField/foreignField and the let/pipeline forms),
 * match, project, replaceRoot, sample, skip, sort, sortByCount, unwind. Any other stage name is
 * refused with INVALID_PARAM and MongoDB's own text (`Unrecognized pipeline stage name: '$x'`);
 * an operator mingo does not know, or a malformed stage, is INVALID_PARAM with mingo's message.
 * Server-side JavaScript (`$where`, `$function`, `$accumulator`) is disabled, as on CloudBase.
 * A pipeline without a `$limit` stage returns at most 20 documents: CloudBase applies that default
 * to aggregation (reported by developers on the WeChat developer community, 2019–2020: `end()`
 * gave 20 until `.limit(n)` was added, up to 10,000). Not verified against today's service; the
 * emulator errs on the side that makes code forgetting the limit fail locally.
 *
 * Known mingo divergence left as is: `$elemMatch` with a field condition (`{ b: { $gt: 2 } }`)
 * also tests scalar elements as if they were the field, where MongoDB skips them; a leading
 * `$match` is also filtered by the emulator's own translator, which follows MongoDB.
 *
 * Two stages are rewritten into the equivalents MongoDB documents for them, because mingo 7.2.7
 * differs: `$count` on no input yields nothing (mingo: `{ n: 0 }`), and `$bucket` puts a value
 * equal to a boundary into the bucket that starts there and outputs only non-empty buckets (mingo:
 * the bucket below, and every bucket).
 *
 * The pipeline reads the committed state of the collection (like a `get()` outside a
 * transaction). A leading `$match` the query translator understands preselects the documents
 * through the store (and its indexes); mingo still applies it, so the result is the same.
 */
import { parseEjson } from './ejson';
import { invalidParam } from './errors';
import { isMingoError, mingo } from './mingo';
import { isPlainObject, type Doc, type NedbQuery } from './nedbModel';
import { translateQuery } from './query';
import type { Store } from './store';

type Stage = Record<string, unknown>;

/** What CloudBase returns of a pipeline that has no `$limit` stage. */
export const DEFAULT_AGGREGATE_LIMIT = 20;

/** The stages CloudBase's aggregation documents and the emulator evaluates. */
const STAGES = new Set([
  '$addFields',
  '$bucket',
  '$bucketAuto',
  '$count',
  '$group',
  '$limit',
  '$lookup',
  '$match',
  '$project',
  '$replaceRoot',
  '$sample',
  '$skip',
  '$sort',
  '$sortByCount',
  '$unwind',
]);

function checkStage(stage: unknown): Stage {
  if (!isPlainObject(stage) || Object.keys(stage).length !== 1) throw invalidParam('aggregation stage must have one key');
  const name = Object.keys(stage)[0];
  if (name === '$geoNear') throw invalidParam('aggregation stage $geoNear is not supported by the local database emulator');
  if (!STAGES.has(name)) throw invalidParam(`Unrecognized pipeline stage name: '${name}'`);
  const lookup = stage.$lookup;
  if (isPlainObject(lookup) && lookup.pipeline !== undefined) {
    if (!Array.isArray(lookup.pipeline)) throw invalidParam('$lookup pipeline must be an array');
    lookup.pipeline.forEach(checkStage);
  }
  return stage;
}

/** The request's `stages` as a MongoDB pipeline, each value decoded from EJSON. */
export function parseStages(raw: unknown, now: () => number): Stage[] {
  if (!Array.isArray(raw)) throw invalidParam('stages must be an array');
  return raw.map((item) => {
    if (!isPlainObject(item) || typeof item.stageKey !== 'string') throw invalidParam('each stage needs a stageKey and a stageValue');
    const key = item.stageKey.startsWith('$') ? item.stageKey : `$${item.stageKey}`;
    return checkStage({ [key]: parseEjson(item.stageValue, key, now) });
  });
}

/** `$group` + `$project`: what MongoDB documents `$count` to be. */
function countStage(field: unknown): Stage[] {
  if (typeof field !== 'string' || field === '' || field.startsWith('$') || field.includes('.')) {
    throw invalidParam('the count field must be a non-empty string, not starting with $ nor containing .');
  }
  return [{ $group: { _id: null, [field]: { $sum: 1 } } }, { $project: { _id: 0 } }];
}

/** `$group` on a `$switch` over the boundaries + `$sort`: what MongoDB documents `$bucket` to be. */
function bucketStage(spec: unknown): Stage[] {
  if (!isPlainObject(spec) || !Array.isArray(spec.boundaries) || spec.boundaries.length < 2) {
    throw invalidParam('$bucket needs groupBy and at least two boundaries');
  }
  const bounds = spec.boundaries;
  const branches = bounds.slice(0, -1).map((low, i) => ({
    case: { $and: [{ $gte: [spec.groupBy, low] }, { $lt: [spec.groupBy, bounds[i + 1]] }] },
    then: low,
  }));
  const key = { $switch: spec.default === undefined ? { branches } : { branches, default: spec.default } };
  const output = isPlainObject(spec.output) ? spec.output : { count: { $sum: 1 } };
  return [{ $group: { ...output, _id: key } }, { $sort: { _id: 1 } }];
}

/** A random key per document, sorted on and dropped: `$sample` without replacement, as MongoDB samples a collection this size (mingo draws with replacement, so a document could come twice). */
const SAMPLE_KEY = '__hukouSampleKey';
function sampleStage(spec: unknown): Stage[] {
  const size = isPlainObject(spec) ? spec.size : undefined;
  if (typeof size !== 'number' || !Number.isInteger(size) || size < 1) throw invalidParam('$sample needs a positive integer size');
  return [{ $addFields: { [SAMPLE_KEY]: { $rand: {} } } }, { $sort: { [SAMPLE_KEY]: 1 } }, { $limit: size }, { $project: { [SAMPLE_KEY]: 0 } }];
}

/** The pipeline mingo runs: MongoDB's equivalents in place of `$count`, `$bucket` and `$sample`. */
function forMingo(pipeline: Stage[]): Stage[] {
  return pipeline.flatMap((stage): Stage[] => {
    if ('$count' in stage) return countStage(stage.$count);
    if ('$bucket' in stage) return bucketStage(stage.$bucket);
    if ('$sample' in stage) return sampleStage(stage.$sample);
    const lookup = stage.$lookup;
    if (isPlainObject(lookup) && Array.isArray(lookup.pipeline)) return [{ $lookup: { ...lookup, pipeline: forMingo(lookup.pipeline as Stage[]) } }];
    return [stage];
  });
}

/** Collections named by `$lookup` stages, nested pipelines included. */
function lookedUp(pipeline: Stage[], into: Set<string> = new Set()): Set<string> {
  for (const stage of pipeline) {
    const lookup = stage.$lookup;
    if (!isPlainObject(lookup)) continue;
    if (typeof lookup.from === 'string') into.add(lookup.from);
    if (Array.isArray(lookup.pipeline)) lookedUp(lookup.pipeline as Stage[], into);
  }
  return into;
}

/** The store query that preselects for a leading `$match`, or everything when it cannot. */
function preselection(pipeline: Stage[]): NedbQuery {
  const first = pipeline[0];
  if (!first || !('$match' in first)) return {};
  try {
    return translateQuery(first.$match);
  } catch {
    return {}; // an operator only mingo knows ($expr, …): mingo filters the whole collection
  }
}

export async function aggregate(store: Store, collection: string, pipeline: Stage[]): Promise<Doc[]> {
  store.assertExists(collection);
  const docs = await store.find(collection, preselection(pipeline));
  // $lookup of a collection that does not exist joins nothing, as in MongoDB.
  const existing = new Set(store.names());
  const others = new Map<string, Doc[]>();
  for (const name of lookedUp(pipeline)) {
    others.set(name, existing.has(name) ? await store.find(name, {}) : []);
  }
  try {
    const aggregator = new (mingo().Aggregator)(forMingo(pipeline), {
      idKey: '_id',
      scriptEnabled: false,
      collectionResolver: (name: string) => others.get(name) ?? [],
    });
    const out = aggregator.run(docs) as Doc[];
    return pipeline.some((stage) => '$limit' in stage) ? out : out.slice(0, DEFAULT_AGGREGATE_LIMIT);
  } catch (err) {
    if (isMingoError(err)) throw invalidParam(err.message);
    throw err;
  }
}
