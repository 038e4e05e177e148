/**
 * Renders a JSON Schema (as zod 4 emits it) as a compact TypeScript-like type for docs/API.md.
 * Every keyword zod emits for our schemas is rendered; one this renderer does not know throws, so a
 * new kind of schema fails `npm run docs:api` (and its test) instead of turning into `unknown`
 * silently, as discriminated unions (`oneOf`) once did.
 */
type Schema = {
  $schema?: string;
  type?: string | string[];
  properties?: Record<string, Schema>;
  required?: string[];
  additionalProperties?: boolean | Schema;
  items?: Schema;
  anyOf?: Schema[];
  oneOf?: Schema[];
  enum?: unknown[];
  const?: unknown;
  default?: unknown;
  minLength?: number;
  maxLength?: number;
  pattern?: string;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  minItems?: number;
  maxItems?: number;
  description?: string;
};

const KNOWN = new Set<string>([
  '$schema',
  'type',
  'properties',
  'required',
  'additionalProperties',
  'items',
  'anyOf',
  'oneOf',
  'enum',
  'const',
  'default',
  'minLength',
  'maxLength',
  'pattern',
  'minimum',
  'maximum',
  'exclusiveMinimum',
  'exclusiveMaximum',
  'minItems',
  'maxItems',
  'description',
]);

const SAFE = 9007199254740991;

function bounds(s: Schema): string {
  const parts: string[] = [];
  if (s.minLength !== undefined || s.maxLength !== undefined) parts.push(`length ${s.minLength ?? 0}–${s.maxLength ?? '∞'}`);
  if (s.pattern) parts.push(`/${s.pattern}/`);
  const min = s.minimum !== undefined && Math.abs(s.minimum) !== SAFE ? s.minimum : undefined;
  const max = s.maximum !== undefined && Math.abs(s.maximum) !== SAFE ? s.maximum : undefined;
  if (min !== undefined || max !== undefined) parts.push(`${min ?? '−∞'}–${max ?? '∞'}`);
  if (s.exclusiveMinimum !== undefined) parts.push(`> ${s.exclusiveMinimum}`);
  if (s.exclusiveMaximum !== undefined) parts.push(`< ${s.exclusiveMaximum}`);
  if (s.minItems || s.maxItems !== undefined) parts.push(s.maxItems !== undefined ? `${s.minItems ?? 0}–${s.maxItems} items` : `at least ${s.minItems}`);
  if (s.default !== undefined) parts.push(`default ${JSON.stringify(s.default)}`);
  return parts.length ? ` /* ${parts.join(', ')} */` : '';
}

function union(members: Schema[], indent: string): string {
  return members.map((m) => renderSchema(m, indent)).join(' | ');
}

export function renderSchema(s: Schema, indent = ''): string {
  const unknownKeys = Object.keys(s).filter((k) => !KNOWN.has(k));
  if (unknownKeys.length) throw new Error(`renderSchema: JSON Schema keyword(s) ${unknownKeys.join(', ')} not rendered; teach scripts/api-docs/renderSchema.ts`);
  if (s.const !== undefined) return JSON.stringify(s.const);
  if (s.enum) return s.enum.map((v) => JSON.stringify(v)).join(' | ');
  if (s.anyOf) return union(s.anyOf, indent);
  if (s.oneOf) return union(s.oneOf, indent);
  // A nullable field (`z.string().nullable()`): { type: ['string', 'null'] }.
  if (Array.isArray(s.type)) return s.type.map((t) => renderSchema({ ...s, type: t }, indent)).join(' | ');
  const type = s.type;
  if (type === 'object') {
    const props = Object.entries(s.properties ?? {});
    const rest = typeof s.additionalProperties === 'object' ? s.additionalProperties : undefined;
    if (props.length === 0) return rest ? `Record<string, ${renderSchema(rest, indent)}>` : '{}';
    const inner = `${indent}  `;
    const lines = props.map(([key, value]) => {
      const optional = s.required?.includes(key) ? '' : '?';
      return `${inner}${key}${optional}: ${renderSchema(value, inner)};`;
    });
    if (rest) lines.push(`${inner}[key: string]: ${renderSchema(rest, inner)};`);
    return `{\n${lines.join('\n')}\n${indent}}`;
  }
  if (type === 'array') return `Array<${renderSchema(s.items ?? {}, indent)}>${bounds(s)}`;
  if (type === 'integer') return `integer${bounds(s)}`;
  if (type === 'string' || type === 'number' || type === 'boolean' || type === 'null') return `${type}${bounds(s)}`;
  // `{}` is what zod emits for z.unknown() / z.any(): truly anything.
  if (type === undefined && Object.keys(s).every((k) => k === '$schema' || k === 'description' || k === 'default')) return 'unknown';
  throw new Error(`renderSchema: cannot render ${JSON.stringify(s).slice(0, 200)}`);
}
