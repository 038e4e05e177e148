/**
 * The one declaration of every collection, its indexes and its security rules.
 * The local cloud's database emulator and the ops bootstrap both read this.
 * Every collection is closed to clients: all access goes through cloud functions.
 */
export interface IndexDeclaration {
  /** Index name as created in CloudBase. */
  name: string;
  /** Field paths in order; 1 ascending, -1 descending. */
  keys: Record<string, 1 | -1>;
  unique?: boolean;
}

export interface SecurityRules {
  read: boolean;
  write: boolean;
}

export interface CollectionDeclaration {
  name: string;
  indexes: IndexDeclaration[];
  rules: SecurityRules;
}

const closed: SecurityRules = { read: false, write: false };

export const collections: CollectionDeclaration[] = [
  {
    name: 'guide_categories',
    indexes: [{ name: 'order', keys: { order: 1 } }],
    rules: closed,
  },
  {
    name: 'guides',
    indexes: [
      { name: 'category_order', keys: { categoryId: 1, order: 1 } },
      { name: 'cross_province', keys: { crossProvince: 1, order: 1 } },
    ],
    rules: closed,
  },
  {
    name: 'halls',
    indexes: [
      { name: 'city_order', keys: { city: 1, order: 1 } },
      { name: 'services', keys: { services: 1 } },
    ],
    rules: closed,
  },
];

export function collectionNamed(name: string): CollectionDeclaration | undefined {
  return collections.find((c) => c.name === name);
}
