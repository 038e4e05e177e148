/**
 * Fault injection one level down: a view of the SDK database whose every request (a `get`,
 * `add`, `update`, `remove`, `set`, `count`, `updateAndReturn`, a whole `runTransaction`) is one
 * call of the injector, named `<collection>.<operation>`, so the steps inside one store method
 * (e.g. unbinding: the account, the binding, the family links) fail one by one.
 */
import type { Database } from '../../../server/cloudbase/app';
import type { FaultInjector } from '../../support/faultInjection';

const REQUESTS = new Set(['get', 'add', 'update', 'remove', 'set', 'count', 'updateAndReturn']);

function chain(injector: FaultInjector, collection: string, target: object): object {
  return new Proxy(target, {
    get(obj, prop, receiver) {
      const value: unknown = Reflect.get(obj, prop, receiver);
      if (typeof value !== 'function' || typeof prop !== 'string') return value;
      const fn = value as (...a: unknown[]) => unknown;
      if (REQUESTS.has(prop)) return (...args: unknown[]) => injector.wrap(collection, { [prop]: () => fn.apply(obj, args) })[prop]();
      return (...args: unknown[]) => {
        const next = fn.apply(obj, args);
        return next && typeof next === 'object' ? chain(injector, collection, next) : next;
      };
    },
  });
}

export function faultyDatabase(injector: FaultInjector, db: Database): Database {
  return new Proxy(db, {
    get(obj, prop, receiver) {
      const value: unknown = Reflect.get(obj, prop, receiver);
      if (prop === 'collection') return (name: string) => chain(injector, name, (value as (n: string) => object).call(obj, name));
      if (prop === 'runTransaction') return (fn: unknown) => injector.wrap('db', { runTransaction: () => (value as (f: unknown) => unknown).call(obj, fn) }).runTransaction();
      return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(obj) : value;
    },
  }) as Database;
}
