import type { CollectionDeclaration } from '../../config/collections';
import { describeOperation, planBootstrap, renderBootstrapPlan, type BootstrapPlan, type ExistingCollection } from './bootstrapPlan';
import type { DatabaseAdmin } from './databaseAdmin';

/** Reads what exists of the declared collections: one list, then one description per declared one. */
export async function readExisting(admin: DatabaseAdmin, declared: readonly CollectionDeclaration[]): Promise<Map<string, ExistingCollection>> {
  const names = new Set(await admin.listCollections());
  const existing = new Map<string, ExistingCollection>();
  for (const c of declared) if (names.has(c.name)) existing.set(c.name, await admin.describeCollection(c.name));
  return existing;
}

/** Applies a plan in order; stops at the first failure (running again resumes: the plan is idempotent). */
export async function applyPlan(admin: DatabaseAdmin, plan: BootstrapPlan, log: (line: string) => void): Promise<void> {
  for (const op of plan.operations) {
    switch (op.kind) {
      case 'createCollection':
        await admin.createCollection(op.collection);
        break;
      case 'createIndexes':
        await admin.createIndexes(op.collection, op.indexes);
        break;
      case 'replaceIndexes':
        await admin.dropIndexes(
          op.collection,
          op.indexes.map((i) => i.name),
        );
        await admin.createIndexes(op.collection, op.indexes);
        break;
      case 'setRules':
        await admin.setRules(op.collection, op.rules);
        break;
    }
    for (const line of describeOperation(op).split('\n')) log(`done: ${line}`);
  }
}

export async function bootstrapDatabase(
  admin: DatabaseAdmin,
  declared: readonly CollectionDeclaration[],
  opts: { dryRun: boolean; replaceChanged?: boolean; log: (line: string) => void; header: string },
): Promise<BootstrapPlan> {
  const plan = planBootstrap(declared, await readExisting(admin, declared), opts);
  opts.log(renderBootstrapPlan(plan, opts.header));
  if (!opts.dryRun) await applyPlan(admin, plan, opts.log);
  return plan;
}
