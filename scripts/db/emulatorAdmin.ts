import type { EmulatorAdmin } from '../../devcloud/db';
import { ruleText } from './bootstrapPlan';
import type { DatabaseAdmin } from './databaseAdmin';

/**
 * The bootstrap's DatabaseAdmin port over the local cloud's database emulator, so the same
 * `bootstrapDatabase` ops runs against a CloudBase environment (through manager-node) makes an
 * empty local cloud (`startLocalCloud({ empty: true })`) match config/collections.ts. Indexes and
 * rules are described as CloudBase describes them: an `_id_` index on every collection, custom
 * rules as their JSON text.
 */
export function emulatorAdmin(admin: EmulatorAdmin): DatabaseAdmin {
  return {
    async listCollections() {
      return admin.listCollections();
    },
    async describeCollection(name) {
      const info = admin.describeCollection(name);
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
    createCollection: (name) => admin.createCollection(name),
    createIndexes: (collection, indexes) => admin.createIndexes(collection, indexes),
    dropIndexes: (collection, names) => admin.dropIndexes(collection, names),
    setRules: (collection, rules) => admin.setRules(collection, rules),
  };
}
