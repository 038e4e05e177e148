/**
 * MongoDB update operators applied to one document in memory.
 *
 * The SDK sends `doc().update()` / `where().update()` data already translated to operators
 * (`{ $set: { 'a.b': 1 }, $inc: { n: 1 }, $push: { tags: { $each: [...] } }, … }`; plain nested
 * objects become dot-path `$set`s, `_.set(obj)` a `$set` replacing the whole sub-object, and
 * `_.remove()` an `$unset`), and `doc().set()` a replacement document. Applying them here rather
 * than through nedb's `modify` gives the operators nedb lacks ($mul, $push $position, $pullAll,
 * $rename, $currentDate, $bit) and lets the caller tell whether a document really changed.
 */
import { invalidParam } from './errors';
import { translateField, translateQuery } from './query';
import { areThingsEqual, compareThings, deepCopy, isPlainObject, match, type Doc } from './nedbModel';

type Obj = Record<string, unknown>;

/** Parent object of a dot path plus the last key; creates intermediate objects when asked. */
function locate(doc: Obj, path: string, create: boolean): { parent: Obj | unknown[]; key: string } | undefined {
  const parts = path.split('.');
  let node: unknown = doc;
  for (let i = 0; i < parts.length - 1; i += 1) {
    const part = parts[i];
    if (Array.isArray(node) && !/^\d+$/.test(part)) {
      throw invalidParam(`Cannot create field '${part}' in an array at '${path}'`);
    }
    const holder = node as Obj;
    let next = Array.isArray(node) ? (node as unknown[])[Number(part)] : holder[part];
    if (next === undefined || next === null) {
      if (!create) return undefined;
      next = {};
      if (Array.isArray(node)) (node as unknown[])[Number(part)] = next;
      else holder[part] = next;
    }
    if (typeof next !== 'object' || next instanceof Date) {
      throw invalidParam(`Cannot create field '${parts[i + 1]}' in element {${part}: ${JSON.stringify(next)}}`);
    }
    node = next;
  }
  return { parent: node as Obj | unknown[], key: parts[parts.length - 1] };
}

function getAt(doc: Obj, path: string): unknown {
  const at = locate(doc, path, false);
  if (!at) return undefined;
  return Array.isArray(at.parent) ? at.parent[Number(at.key)] : at.parent[at.key];
}

function setAt(doc: Obj, path: string, value: unknown): void {
  const at = locate(doc, path, true);
  if (!at) return;
  if (Array.isArray(at.parent)) at.parent[Number(at.key)] = value;
  else at.parent[at.key] = value;
}

function unsetAt(doc: Obj, path: string): void {
  const at = locate(doc, path, false);
  if (!at) return;
  // MongoDB sets an array element to null rather than shifting the array.
  if (Array.isArray(at.parent)) {
    if (Number(at.key) < at.parent.length) at.parent[Number(at.key)] = null;
  } else {
    delete at.parent[at.key];
  }
}

function numberAt(doc: Obj, path: string, op: string): number | undefined {
  const current = getAt(doc, path);
  if (current === undefined) return undefined;
  if (typeof current !== 'number') {
    throw invalidParam(`Cannot apply ${op} to a value of non-numeric type at '${path}'`);
  }
  return current;
}

function arrayAt(doc: Obj, path: string, op: string): unknown[] | undefined {
  const current = getAt(doc, path);
  if (current === undefined) return undefined;
  if (!Array.isArray(current)) throw invalidParam(`The field '${path}' must be an array to apply ${op}`);
  return current;
}

/** `$each` (or the SDK's `each` for `_.addToSet({ each })`) modifiers, or a single value. */
function eachValues(spec: unknown): { values: unknown[]; mods: Obj } {
  if (isPlainObject(spec)) {
    const list = spec.$each ?? spec.each;
    if (Array.isArray(list)) return { values: list, mods: spec };
  }
  return { values: [spec], mods: {} };
}

function push(doc: Obj, path: string, spec: unknown): void {
  const { values, mods } = eachValues(spec);
  const arr = [...(arrayAt(doc, path, '$push') ?? [])];
  const position = mods.$position === undefined ? arr.length : Number(mods.$position);
  const at = position < 0 ? Math.max(arr.length + position, 0) : Math.min(position, arr.length);
  arr.splice(at, 0, ...values.map((v) => deepCopy(v)));
  if (mods.$sort !== undefined) {
    const order = mods.$sort;
    arr.sort((a, b) => {
      if (isPlainObject(order)) {
        for (const [field, dir] of Object.entries(order)) {
          const c = compareThings(getAt(a as Obj, field), getAt(b as Obj, field)) * (Number(dir) < 0 ? -1 : 1);
          if (c !== 0) return c;
        }
        return 0;
      }
      return compareThings(a, b) * (Number(order) < 0 ? -1 : 1);
    });
  }
  if (mods.$slice !== undefined) {
    const n = Number(mods.$slice);
    const sliced = n >= 0 ? arr.slice(0, n) : arr.slice(n);
    arr.splice(0, arr.length, ...sliced);
  }
  setAt(doc, path, arr);
}

function pullMatches(element: unknown, condition: unknown): boolean {
  if (isPlainObject(condition)) {
    const keys = Object.keys(condition);
    if (keys.length > 0 && keys.every((k) => k.startsWith('$'))) {
      return match({ v: element }, translateField('v', condition));
    }
    if (isPlainObject(element)) return match(element, translateQuery(condition));
  }
  if (condition instanceof RegExp) return typeof element === 'string' && condition.test(element);
  return areThingsEqual(element, condition);
}

function applyOperator(doc: Obj, op: string, path: string, operand: unknown, isInsert: boolean): void {
  switch (op) {
    case '$set':
      setAt(doc, path, deepCopy(operand));
      return;
    case '$setOnInsert':
      if (isInsert) setAt(doc, path, deepCopy(operand));
      return;
    case '$unset':
      unsetAt(doc, path);
      return;
    case '$inc':
      setAt(doc, path, (numberAt(doc, path, op) ?? 0) + Number(operand));
      return;
    case '$mul':
      setAt(doc, path, (numberAt(doc, path, op) ?? 0) * Number(operand));
      return;
    case '$min':
    case '$max': {
      const current = getAt(doc, path);
      const c = compareThings(operand, current);
      if (current === undefined || (op === '$min' ? c < 0 : c > 0)) setAt(doc, path, deepCopy(operand));
      return;
    }
    case '$rename': {
      const value = getAt(doc, path);
      if (value === undefined) return;
      unsetAt(doc, path);
      setAt(doc, String(operand), value);
      return;
    }
    case '$currentDate':
      setAt(doc, path, new Date());
      return;
    case '$push':
      push(doc, path, operand);
      return;
    case '$addToSet': {
      const { values } = eachValues(operand);
      const arr = [...(arrayAt(doc, path, op) ?? [])];
      for (const v of values) if (!arr.some((el) => areThingsEqual(el, v))) arr.push(deepCopy(v));
      setAt(doc, path, arr);
      return;
    }
    case '$pull': {
      const arr = arrayAt(doc, path, op);
      if (arr)
        setAt(
          doc,
          path,
          arr.filter((el) => !pullMatches(el, operand)),
        );
      return;
    }
    case '$pullAll': {
      const arr = arrayAt(doc, path, op);
      const remove = Array.isArray(operand) ? operand : [operand];
      if (arr)
        setAt(
          doc,
          path,
          arr.filter((el) => !remove.some((r) => areThingsEqual(el, r))),
        );
      return;
    }
    case '$pop': {
      const arr = arrayAt(doc, path, op);
      if (arr) setAt(doc, path, Number(operand) < 0 ? arr.slice(1) : arr.slice(0, -1));
      return;
    }
    case '$bit': {
      let value = numberAt(doc, path, op) ?? 0;
      for (const [kind, n] of Object.entries(isPlainObject(operand) ? operand : {})) {
        if (kind === 'and') value &= Number(n);
        else if (kind === 'or') value |= Number(n);
        else if (kind === 'xor') value ^= Number(n);
        else throw invalidParam(`unknown $bit operation ${kind}`);
      }
      setAt(doc, path, value);
      return;
    }
    default:
      throw invalidParam(`update operator ${op} is not supported by the local database emulator`);
  }
}

/** True when the update document is made of operators (`$set`, …), false for a replacement. */
export function isOperatorUpdate(update: Obj): boolean {
  const keys = Object.keys(update);
  const ops = keys.filter((k) => k.startsWith('$')).length;
  if (ops > 0 && ops !== keys.length) throw invalidParam('an update cannot mix operators and plain fields');
  return ops > 0;
}

/** Returns the updated copy of `doc`; `_id` can never change (MongoDB: immutable field). */
export function applyUpdate(doc: Doc, update: Obj, isInsert = false): Doc {
  if (!isOperatorUpdate(update)) return replaceDocument(doc, update);
  const next = deepCopy(doc) as Obj;
  for (const [op, fields] of Object.entries(update)) {
    if (!isPlainObject(fields)) throw invalidParam(`${op} needs an object of fields`);
    for (const [path, operand] of Object.entries(fields)) {
      if (path === '_id' || path.startsWith('_id.')) {
        throw invalidParam("Performing an update on the path '_id' would modify the immutable field '_id'");
      }
      applyOperator(next, op, path, operand, isInsert);
    }
  }
  return next as Doc;
}

/** `doc().set()`: the new content replaces everything but `_id`. */
export function replaceDocument(doc: Doc, replacement: Obj): Doc {
  if ('_id' in replacement && !areThingsEqual(replacement._id, doc._id)) {
    throw invalidParam("Performing an update on the path '_id' would modify the immutable field '_id'");
  }
  const next: Obj = { _id: doc._id };
  for (const [key, value] of Object.entries(replacement)) {
    if (key !== '_id') next[key] = deepCopy(value);
  }
  return next as Doc;
}
