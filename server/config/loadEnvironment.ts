import { environmentVariables, type VariableName } from '../../config/environment';

/** The validated variables a function asked for, by name. Values are secrets: never log them. */
export type Environment<K extends VariableName = VariableName> = { readonly [P in K]: string };

export type EnvironmentResult<K extends VariableName> =
  | { ok: true; env: Environment<K> }
  /** One problem per bad variable, each naming the key and the expected form, never the value. */
  | { ok: false; problems: string[] };

/**
 * Validates the variables a function needs against config/environment.ts. A variable that is unset
 * or blank is `missing NAME`; one that fails its schema is `malformed NAME (expected …)`, where the
 * expectation is the schema's own description of the format, so no part of the value is echoed.
 */
export function loadEnvironment<K extends VariableName>(names: readonly K[], source: Readonly<Record<string, string | undefined>> = process.env): EnvironmentResult<K> {
  const problems: string[] = [];
  const env: Partial<Record<K, string>> = {};
  for (const name of names) {
    const declaration = environmentVariables[name];
    if (!declaration) {
      problems.push(`undeclared ${String(name)}`);
      continue;
    }
    const raw = source[name];
    if (raw === undefined || raw.trim() === '') {
      problems.push(`missing ${name}`);
      continue;
    }
    const parsed = declaration.schema.safeParse(raw.trim());
    if (!parsed.success) {
      const value = raw.trim();
      // Schema messages describe the format; drop any that would quote the value back.
      const expected = parsed.error.issues.map((i) => (value.length >= 4 && i.message.includes(value) ? 'the documented format' : i.message)).join('; ');
      problems.push(`malformed ${name} (expected ${expected})`);
      continue;
    }
    env[name] = parsed.data;
  }
  // The id of the key that encrypts new data must name a key in the ring.
  const ring = (env as Partial<Record<VariableName, string>>).HUKOU_DATA_KEYS;
  const current = (env as Partial<Record<VariableName, string>>).HUKOU_DATA_KEY_ID;
  if (ring !== undefined && current !== undefined && !ring.split(',').some((entry) => entry.split(':')[0] === current)) {
    problems.push('malformed HUKOU_DATA_KEY_ID (expected the id of a key in HUKOU_DATA_KEYS)');
  }
  if (problems.length) return { ok: false, problems };
  return { ok: true, env: env as Environment<K> };
}

/** One line for logs and the health check: `missing HUKOU_INDEX_KEY; malformed WX_APPID (…)`. */
export function describeProblems(problems: readonly string[]): string {
  return problems.join('; ');
}
