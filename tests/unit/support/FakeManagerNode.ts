import type { ManagerNodeApi } from '../../../scripts/db/databaseAdmin';

type Db = ManagerNodeApi['database'];
type Result<K extends keyof Db> = Awaited<ReturnType<Db[K]>>;
type TableInfo = Result<'listCollections'>['Collections'][number];
type IndexInfo = NonNullable<Result<'describeCollection'>['Indexes']>[number];

interface StoredCollection {
  indexes: IndexInfo[];
  aclTag: string;
  rule?: string;
}

/**
 * A test double of @cloudbase/manager-node, shaped by its .d.ts: `database.listCollections`
 * (paged), `describeCollection`, `createCollectionIfNotExists`, `updateCollection` with
 * CreateIndexes / DropIndexes, and `commonService().call` for DescribeSafeRule / ModifySafeRule.
 * It keeps state, so a second bootstrap sees what the first created, and records every call.
 */
export class FakeManagerNode implements ManagerNodeApi {
  readonly calls: Array<{ method: string; args: unknown[] }> = [];
  readonly collections = new Map<string, StoredCollection>();
  /** The permission a collection gets when created (CloudBase's default is not closed). */
  defaultAclTag = 'PRIVATE';
  pageSize = 100;

  constructor(readonly envId: string) {}

  private record(method: string, ...args: unknown[]): void {
    this.calls.push({ method, args: JSON.parse(JSON.stringify(args)) as unknown[] });
  }

  /** Names of the calls that change something. */
  writes(): string[] {
    return this.calls.filter((c) => ['createCollectionIfNotExists', 'updateCollection', 'ModifySafeRule'].includes(c.method)).map((c) => `${c.method} ${JSON.stringify(c.args)}`);
  }

  seed(name: string, indexes: Array<{ name: string; keys: Array<[string, string]>; unique?: boolean }> = [], aclTag = 'ADMINONLY', rule?: string): void {
    this.collections.set(name, {
      indexes: [idIndex(), ...indexes.map((i) => indexInfo(i.name, i.keys, i.unique ?? false))],
      aclTag,
      rule,
    });
  }

  readonly database: Db = {
    listCollections: async (options?: { MgoLimit?: number; MgoOffset?: number }): Promise<Result<'listCollections'>> => {
      this.record('listCollections', options);
      const limit = Math.min(options?.MgoLimit ?? 100, this.pageSize);
      const offset = options?.MgoOffset ?? 0;
      const names = [...this.collections.keys()];
      const page: TableInfo[] = names.slice(offset, offset + limit).map((n) => ({
        CollectionName: n,
        TableName: n,
        Count: 0,
        Size: 0,
        IndexCount: this.collections.get(n)!.indexes.length,
        IndexSize: 0,
      }));
      return { RequestId: 'r', Collections: page, Pager: { Offset: offset, Limit: limit, Total: names.length } };
    },
    describeCollection: async (name: string): Promise<Result<'describeCollection'>> => {
      this.record('describeCollection', name);
      const c = this.collections.get(name);
      if (!c) throw Object.assign(new Error(`[DescribeTable] collection ${name} does not exist`), { code: 'ResourceNotFound' });
      return { RequestId: 'r', Indexes: c.indexes, IndexNum: c.indexes.length };
    },
    createCollectionIfNotExists: async (name: string): Promise<Result<'createCollectionIfNotExists'>> => {
      this.record('createCollectionIfNotExists', name);
      const exists = this.collections.has(name);
      if (!exists) this.collections.set(name, { indexes: [idIndex()], aclTag: this.defaultAclTag });
      return { RequestId: 'r', IsCreated: !exists, ExistsResult: { RequestId: 'r', Exists: exists } };
    },
    updateCollection: async (name: string, info: Parameters<Db['updateCollection']>[1]) => {
      this.record('updateCollection', name, info);
      const c = this.collections.get(name);
      if (!c) throw new Error(`[UpdateTable] collection ${name} does not exist`);
      for (const drop of info.DropIndexes ?? []) c.indexes = c.indexes.filter((i) => i.Name !== drop.IndexName);
      for (const create of info.CreateIndexes ?? []) {
        if (c.indexes.some((i) => i.Name === create.IndexName)) throw new Error(`[UpdateTable] index ${create.IndexName} exists`);
        const keys = create.MgoKeySchema.MgoIndexKeys.map((k) => [k.Name, k.Direction] as [string, string]);
        c.indexes.push(indexInfo(create.IndexName, keys, create.MgoKeySchema.MgoIsUnique));
      }
      return { RequestId: 'r' };
    },
  };

  commonService(): { call(options: { Action: string; Param: Record<string, unknown> }): Promise<unknown> } {
    return {
      call: async ({ Action, Param }) => {
        this.record(Action, Param);
        if (Param.EnvId !== this.envId) throw new Error(`[${Action}] wrong EnvId ${String(Param.EnvId)}`);
        const c = this.collections.get(String(Param.CollectionName));
        if (!c) throw new Error(`[${Action}] collection ${String(Param.CollectionName)} does not exist`);
        if (Action === 'DescribeSafeRule') return { RequestId: 'r', AclTag: c.aclTag, Rule: c.rule ?? null };
        if (Action === 'ModifySafeRule') {
          c.aclTag = String(Param.AclTag);
          c.rule = Param.AclTag === 'CUSTOM' ? String(Param.Rule) : undefined;
          return { RequestId: 'r' };
        }
        throw new Error(`unexpected action ${Action}`);
      },
    };
  }
}

function idIndex(): IndexInfo {
  return indexInfo('_id_', [['_id', '1']], false);
}

function indexInfo(name: string, keys: Array<[string, string]>, unique: boolean): IndexInfo {
  return { Name: name, Size: 0, Keys: keys.map(([Name, Direction]) => ({ Name, Direction })), Accesses: { Ops: 0, Since: '' }, Unique: unique };
}
