/** Renders a JSON Schema (as zod 4 emits it) as a compact TypeScript-like type for docs/API.md. */
type Schema = {
  type?: string | string[];
  properties?: Record<string, Schema>;
  required?: string[];
  items?: Schema;
  anyOf?: Schema[];
  enum?: unknown[];
  const?: unknown;
  minLength?: number;
  maxLength?: number;
  pattern?: string;
  minimum?: number;
  maximum?: number;
  minItems?: number;
  description?: string;
};

const SAFE = 9007199254740991;

function bounds(s: Schema): string {
  const parts: string[] = [];
  if (s.minLength !== undefined || s.maxLength !== undefined) parts.push(`length ${s.minLength ?? 0}–${s.maxLength ?? '∞'}`);
  if (s.pattern) parts.push(`/${s.pattern}/`);
  const min = s.minimum !== undefined && Math.abs(s.minimum) !== SAFE ? s.minimum : undefined;
  const max = s.maximum !== undefined && Math.abs(s.maximum) !== SAFE ? s.maximum : undefined;
  if (min !== undefined || max !== undefined) parts.push(`${min ?? '−∞'}–${max ?? '∞'}`);
  if (s.minItems) parts.push(`at least ${s.minItems}`);
  return parts.length ? ` /* ${parts.join(', ')} */` : '';
}

export function renderSchema(s: Schema, indent = ''): string {
  if (s.const !== undefined) return JSON.stringify(s.const);
  if (s.enum) return s.enum.map((v) => JSON.stringify(v)).join(' | ');
  if (s.anyOf) return s.anyOf.map((a) => renderSchema(a, indent)).join(' | ');
  const type = Array.isArray(s.type) ? s.type.join(' | ') : s.type;
  if (type === 'object') {
    const props = Object.entries(s.properties ?? {});
    if (props.length === 0) return '{}';
    const inner = `${indent}  `;
    const lines = props.map(([key, value]) => {
      const optional = s.required?.includes(key) ? '' : '?';
      return `${inner}${key}${optional}: ${renderSchema(value, inner)};`;
    });
    return `{\n${lines.join('\n')}\n${indent}}`;
  }
  if (type === 'array') return `Array<${renderSchema(s.items ?? {}, indent)}>${bounds(s)}`;
  if (type === 'integer') return `integer${bounds(s)}`;
  if (type === 'string' || type === 'number' || type === 'boolean' || type === 'null') return `${type}${bounds(s)}`;
  return 'unknown';
}
