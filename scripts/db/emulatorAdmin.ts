import type { CollectionInfo, EmulatorAdmin } from '../../devcloud/db';
import { DATABASE_ADMIN_PATH } from '../../devcloud/databaseAdminHttp';
import { ruleText } from './bootstrapPlan';
import type { DatabaseAdmin } from './databaseAdmin';

/** The emulator's admin side, in this process (EmulatorAdmin) or across HTTP (a local cloud's URL). */
type AdminSide = { [K in keyof EmulatorAdmin]: (...args: Parameters<EmulatorAdmin[K]>) => Promise<Awaited<ReturnType<EmulatorAdmin[K]>>> | ReturnType<EmulatorAdmin[K]> };

/**
 * The bootstrap's DatabaseAdmin port over the local cloud's database emulator, so the same
 * `bootstrapDatabase` ops runs against a CloudBase environment (through manager-node) makes an
 * empty local cloud (`startLocalCloud({ empty: true })`) match config/collections.ts. Indexes and
 * rules are described as CloudBase describes them: an `_id_` index on every collection, custom
 * rules as their JSON text.
 */
export function emulatorAdmin(admin: AdminSide): DatabaseAdmin {
  return {
    async listCollections() {
      return admin.listCollections();
    },
    async describeCollection(name) {
      const info = await admin.describeCollection(name);
      return {
        name,
        indexes: [
          { name: '_id_', keys: [{ field: '_id', direction: '1' }], unique: true },
          ...info.indexes.map((i) => ({
            name: i.name,
            keys: Object.entries(i.keys).map(([field, direction]) => ({ field, direction: String(direction) })),
            unique: i.unique ?? false,
          })),
        ],
        ...(info.rules ? { rules: { aclTag: 'CUSTOM', rule: ruleText(info.rules) } } : {}),
      };
    },
    createCollection: async (name) => admin.createCollection(name),
    createIndexes: async (collection, indexes) => admin.createIndexes(collection, indexes),
    dropIndexes: async (collection, names) => admin.dropIndexes(collection, names),
    setRules: async (collection, rules) => admin.setRules(collection, rules),
  };
}

/** The same port for a running local cloud, through its `/local/database-admin` route (`db:bootstrap -- --url`). */
export function localCloudAdmin(url: string): DatabaseAdmin {
  async function post<T>(body: Record<string, unknown>): Promise<T> {
    const res = await fetch(`${url}${DATABASE_ADMIN_PATH}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    const answer = (await res.json()) as { ok: boolean; data?: T; error?: { code: string; message: string } };
    if (!answer.ok) throw new Error(`${String(body.action)}: ${answer.error?.code ?? res.status} ${answer.error?.message ?? ''}`.trim());
    return answer.data as T;
  }
  return emulatorAdmin({
    listCollections: () => post<string[]>({ action: 'listCollections' }),
    describeCollection: (collection) => post<CollectionInfo>({ action: 'describeCollection', collection }),
    createCollection: (collection) => post<void>({ action: 'createCollection', collection }),
    createIndexes: (collection, indexes) => post<void>({ action: 'createIndexes', collection, indexes }),
    dropIndexes: (collection, names) => post<void>({ action: 'dropIndexes', collection, names }),
    setRules: (collection, rules) => post<void>({ action: 'setRules', collection, rules }),
  });
}
