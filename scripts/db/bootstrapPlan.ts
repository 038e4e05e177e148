import type { CollectionDeclaration, IndexDeclaration, SecurityRules } from '../../config/collections';

/** What a CloudBase environment already has, as far as the bootstrap cares. */
export interface ExistingIndex {
  name: string;
  keys: Array<{ field: string; direction: string }>;
  unique: boolean;
}

export interface ExistingRules {
  /** READONLY, PRIVATE, ADMINWRITE, ADMINONLY or CUSTOM. */
  aclTag: string;
  /** The rule JSON when aclTag is CUSTOM. */
  rule?: string;
}

export interface ExistingCollection {
  name: string;
  indexes: ExistingIndex[];
  rules?: ExistingRules;
}

export type Operation =
  | { kind: 'createCollection'; collection: string }
  | { kind: 'createIndexes'; collection: string; indexes: IndexDeclaration[] }
  /** Drops and recreates indexes whose keys or uniqueness changed (only when asked to). */
  | { kind: 'replaceIndexes'; collection: string; indexes: IndexDeclaration[] }
  | { kind: 'setRules'; collection: string; rules: SecurityRules };

export interface BootstrapPlan {
  operations: Operation[];
  /** What is already as declared. */
  present: string[];
  /** What differs and is left alone (extra indexes; changed ones unless replacing was asked). */
  warnings: string[];
}

/** The rule JSON CloudBase stores for a declaration: `{"read":false,"write":false}`. */
export function ruleText(rules: SecurityRules): string {
  return JSON.stringify({ read: rules.read, write: rules.write });
}

export function rulesMatch(existing: ExistingRules | undefined, wanted: SecurityRules): boolean {
  if (!existing) return false;
  // ADMINONLY is the simple permission that means exactly "no client reads or writes".
  if (existing.aclTag === 'ADMINONLY') return !wanted.read && !wanted.write;
  if (existing.aclTag !== 'CUSTOM' || !existing.rule) return false;
  try {
    const rule = JSON.parse(existing.rule) as Record<string, unknown>;
    return Object.keys(rule).length === 2 && rule.read === wanted.read && rule.write === wanted.write;
  } catch {
    return false;
  }
}

export function indexMatches(existing: ExistingIndex, wanted: IndexDeclaration): boolean {
  const keys = Object.entries(wanted.keys);
  return (
    existing.unique === (wanted.unique ?? false) &&
    existing.keys.length === keys.length &&
    keys.every(([field, direction], i) => existing.keys[i]?.field === field && existing.keys[i]?.direction === String(direction))
  );
}

function describeIndex(keys: Array<[string, string | number]>, unique: boolean): string {
  return `${keys.map(([f, d]) => `${f}:${d}`).join(', ')}${unique ? ' unique' : ''}`;
}

/**
 * Declaration + what exists → the operations that make the environment match, and nothing more:
 * missing collections, missing indexes (unique ones included) and rules that differ. Never drops
 * a collection; drops an index only to replace a changed one, and only with `replaceChanged`.
 */
export function planBootstrap(
  declared: readonly CollectionDeclaration[],
  existing: ReadonlyMap<string, ExistingCollection>,
  opts: { replaceChanged?: boolean } = {},
): BootstrapPlan {
  const plan: BootstrapPlan = { operations: [], present: [], warnings: [] };
  for (const c of declared) {
    const have = existing.get(c.name);
    if (!have) {
      plan.operations.push({ kind: 'createCollection', collection: c.name });
      if (c.indexes.length) plan.operations.push({ kind: 'createIndexes', collection: c.name, indexes: c.indexes });
      plan.operations.push({ kind: 'setRules', collection: c.name, rules: c.rules });
      continue;
    }
    plan.present.push(`collection ${c.name}`);
    const missing: IndexDeclaration[] = [];
    const changed: IndexDeclaration[] = [];
    for (const index of c.indexes) {
      const found = have.indexes.find((i) => i.name === index.name);
      if (!found) missing.push(index);
      else if (indexMatches(found, index)) plan.present.push(`index ${c.name}.${index.name}`);
      else {
        changed.push(index);
        const was = describeIndex(
          found.keys.map((k) => [k.field, k.direction]),
          found.unique,
        );
        const now = describeIndex(Object.entries(index.keys), index.unique ?? false);
        plan.warnings.push(
          `index ${c.name}.${index.name} is (${was}) but is declared (${now})${opts.replaceChanged ? ': it will be replaced' : ': rerun with --replace-changed-indexes to replace it'}`,
        );
      }
    }
    for (const extra of have.indexes) {
      if (extra.name !== '_id_' && !c.indexes.some((i) => i.name === extra.name)) {
        plan.warnings.push(`index ${c.name}.${extra.name} is not declared (left in place)`);
      }
    }
    if (missing.length) plan.operations.push({ kind: 'createIndexes', collection: c.name, indexes: missing });
    if (changed.length && opts.replaceChanged) plan.operations.push({ kind: 'replaceIndexes', collection: c.name, indexes: changed });
    if (rulesMatch(have.rules, c.rules)) plan.present.push(`rules ${c.name}`);
    else plan.operations.push({ kind: 'setRules', collection: c.name, rules: c.rules });
  }
  return plan;
}

export function describeOperation(op: Operation): string {
  switch (op.kind) {
    case 'createCollection':
      return `create collection ${op.collection}`;
    case 'createIndexes':
    case 'replaceIndexes':
      return op.indexes
        .map((i) => `${op.kind === 'createIndexes' ? 'create' : 'replace'} index ${op.collection}.${i.name} (${describeIndex(Object.entries(i.keys), i.unique ?? false)})`)
        .join('\n');
    case 'setRules':
      return `set rules ${op.collection} ${ruleText(op.rules)}`;
  }
}

export function renderBootstrapPlan(plan: BootstrapPlan, header: string): string {
  const out = [header, ''];
  if (plan.operations.length === 0) out.push('nothing to do: every collection, index and rule is as declared');
  else {
    const steps = plan.operations.flatMap((op) => describeOperation(op).split('\n'));
    out.push(`${steps.length} step${steps.length === 1 ? '' : 's'}:`);
    for (const line of steps) out.push(`  + ${line}`);
  }
  if (plan.present.length) {
    out.push('', `already present (${plan.present.length}):`);
    for (const p of plan.present) out.push(`  = ${p}`);
  }
  if (plan.warnings.length) {
    out.push('', 'left alone:');
    for (const w of plan.warnings) out.push(`  ! ${w}`);
  }
  return out.join('\n');
}
