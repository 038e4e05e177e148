import { environmentVariables } from '../../config/environment';
import type { FunctionDeclaration } from '../../config/functions';

const MEMORY = new Set([128, 256, 512, 1024, 2048]);
const TRIGGER_NAME = /^[A-Za-z][A-Za-z0-9_-]{0,59}$/;
/** Seven fields: second minute hour day month weekday year. */
const CRON_FIELD = /^[0-9A-Za-z*,\-/]+$/;

/** What the platform would refuse, found before anything is uploaded: one line per problem. */
export function validateDeclarations(declarations: ReadonlyArray<Pick<FunctionDeclaration, 'name' | 'env' | 'triggers' | 'timeoutSeconds' | 'memoryMB' | 'actions'>>): string[] {
  const problems: string[] = [];
  const seen = new Set<string>();
  for (const d of declarations) {
    if (!/^[a-z][a-zA-Z0-9_-]{0,59}$/.test(d.name)) problems.push(`${d.name}: function names are a letter then letters, digits, - or _`);
    if (seen.has(d.name)) problems.push(`${d.name}: declared twice`);
    seen.add(d.name);
    const timeout = d.timeoutSeconds ?? 10;
    if (!Number.isInteger(timeout) || timeout < 1 || timeout > 60) problems.push(`${d.name}: timeout ${timeout} s is outside 1–60 s`);
    if (d.memoryMB !== undefined && !MEMORY.has(d.memoryMB)) problems.push(`${d.name}: memory ${d.memoryMB} MB is not one of 128, 256, 512, 1024, 2048`);
    for (const name of d.env) {
      if (!Object.prototype.hasOwnProperty.call(environmentVariables, name)) problems.push(`${d.name}: variable ${name} is not in config/environment.ts`);
    }
    if (new Set(d.env).size !== d.env.length) problems.push(`${d.name}: a variable is listed twice`);
    const triggerNames = new Set<string>();
    for (const t of d.triggers ?? []) {
      if (!TRIGGER_NAME.test(t.name)) problems.push(`${d.name}: trigger ${t.name} needs a letter then up to 59 letters, digits, - or _`);
      if (triggerNames.has(t.name)) problems.push(`${d.name}: trigger ${t.name} declared twice`);
      triggerNames.add(t.name);
      if (!Object.prototype.hasOwnProperty.call(d.actions, t.name)) problems.push(`${d.name}: trigger ${t.name} names no action of the function`);
      const fields = t.cron.trim().split(/\s+/);
      if (fields.length !== 7 || !fields.every((f) => CRON_FIELD.test(f))) {
        problems.push(`${d.name}: trigger ${t.name} cron "${t.cron}" needs 7 fields (second minute hour day month weekday year)`);
      }
    }
  }
  return problems;
}
