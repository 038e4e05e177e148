import type CloudBase from '@cloudbase/manager-node';
import type { IndexDeclaration, SecurityRules } from '../../config/collections';
import { ruleText, type ExistingCollection } from './bootstrapPlan';

/** The few database-administration calls the bootstrap makes (port). */
export interface DatabaseAdmin {
  listCollections(): Promise<string[]>;
  describeCollection(name: string): Promise<ExistingCollection>;
  createCollection(name: string): Promise<void>;
  createIndexes(collection: string, indexes: readonly IndexDeclaration[]): Promise<void>;
  dropIndexes(collection: string, names: readonly string[]): Promise<void>;
  setRules(collection: string, rules: SecurityRules): Promise<void>;
}

/**
 * The part of @cloudbase/manager-node's documented API the adapter uses: `database.*` for
 * collections and indexes, and `commonService().call` for the security-rule actions
 * (DescribeSafeRule / ModifySafeRule), as the manager's "Security Rules" docs prescribe.
 */
export interface ManagerNodeApi {
  database: Pick<CloudBase['database'], 'listCollections' | 'describeCollection' | 'createCollectionIfNotExists' | 'updateCollection'>;
  commonService(service?: string, version?: string): { call(options: { Action: string; Param: Record<string, unknown> }): Promise<unknown> };
}

const PAGE = 100;

function mgoIndex(index: IndexDeclaration) {
  return {
    IndexName: index.name,
    MgoKeySchema: {
      MgoIndexKeys: Object.entries(index.keys).map(([Name, direction]) => ({ Name, Direction: String(direction) })),
      MgoIsUnique: index.unique ?? false,
    },
  };
}

/** The production adapter: the port through manager-node, for one environment. */
export function managerNodeAdmin(manager: ManagerNodeApi, envId: string): DatabaseAdmin {
  const db = manager.database;
  return {
    async listCollections() {
      const names: string[] = [];
      for (;;) {
        const page = await db.listCollections({ MgoLimit: PAGE, MgoOffset: names.length });
        const batch = (page.Collections ?? []).map((c) => c.CollectionName);
        names.push(...batch);
        // The server may cap a page below the limit asked for: go on until the total is reached.
        if (batch.length === 0 || names.length >= (page.Pager?.Total ?? 0)) return names;
      }
    },
    async describeCollection(name) {
      const table = await db.describeCollection(name);
      const rules = (await manager.commonService().call({ Action: 'DescribeSafeRule', Param: { EnvId: envId, CollectionName: name } })) as {
        AclTag?: string;
        Rule?: string | null;
      };
      return {
        name,
        indexes: (table.Indexes ?? []).map((i) => ({
          name: i.Name,
          keys: (i.Keys ?? []).map((k) => ({ field: k.Name ?? '', direction: String(k.Direction ?? '') })),
          unique: Boolean(i.Unique),
        })),
        rules: rules.AclTag ? { aclTag: rules.AclTag, rule: rules.Rule ?? undefined } : undefined,
      };
    },
    async createCollection(name) {
      await db.createCollectionIfNotExists(name);
    },
    async createIndexes(collection, indexes) {
      await db.updateCollection(collection, { CreateIndexes: indexes.map(mgoIndex) });
    },
    async dropIndexes(collection, names) {
      await db.updateCollection(collection, { DropIndexes: names.map((IndexName) => ({ IndexName })) });
    },
    async setRules(collection, rules) {
      await manager.commonService().call({
        Action: 'ModifySafeRule',
        Param: { EnvId: envId, CollectionName: collection, AclTag: 'CUSTOM', Rule: ruleText(rules) },
      });
    },
  };
}
