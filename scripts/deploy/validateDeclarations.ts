import { environmentVariables, type VariableName } from '../../config/environment';
import type { FunctionDeclaration } from '../../config/functions';

const MEMORY = new Set([128, 256, 512, 1024, 2048]);
const TRIGGER_NAME = /^[A-Za-z][A-Za-z0-9_-]{0,59}$/;
/** Seven fields: second minute hour day month weekday year. */
const CRON_FIELD = /^[0-9A-Za-z*,\-/]+$/;

/** What the platform would refuse, found before anything is uploaded: one line per problem. */
/** A path of the HTTP access service: / then segments of letters, digits, - _ . */
const HTTP_PATH = /^(\/[A-Za-z0-9._-]+)+$/;

/**
 * A function that talks to WeChat Pay with the merchant key must believe only answers signed with
 * WeChat Pay's public key; one that receives its notifications must also decrypt them.
 */
const WXPAY_TOGETHER: ReadonlyArray<{ when: VariableName; needs: VariableName[]; why: string }> = [
  { when: 'HUKOU_WXPAY_PRIVATE_KEY', needs: ['HUKOU_WXPAY_PUBLIC_KEY', 'HUKOU_WXPAY_PUBLIC_KEY_ID'], why: 'WeChat Pay answers are verified with its public key' },
];
const NOTIFY_NEEDS: VariableName[] = ['HUKOU_WXPAY_PUBLIC_KEY', 'HUKOU_WXPAY_PUBLIC_KEY_ID', 'HUKOU_WXPAY_APIV3_KEY'];
/** A function that polls shipments asks Kuaidi100 (server/courier/courierFromEnvironment.ts) with its account. */
const COURIER_NEEDS: VariableName[] = ['HUKOU_KUAIDI100_CUSTOMER', 'HUKOU_KUAIDI100_KEY'];

export function validateDeclarations(
  declarations: ReadonlyArray<Pick<FunctionDeclaration, 'name' | 'env' | 'triggers' | 'timeoutSeconds' | 'memoryMB' | 'actions' | 'httpPaths'>>,
): string[] {
  const problems: string[] = [];
  const seen = new Set<string>();
  const paths = new Map<string, string>();
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
    for (const rule of WXPAY_TOGETHER) {
      if (!d.env.includes(rule.when)) continue;
      for (const need of rule.needs) if (!d.env.includes(need)) problems.push(`${d.name}: reads ${rule.when} but not ${need} (${rule.why})`);
    }
    for (const p of d.httpPaths ?? []) {
      if (!HTTP_PATH.test(p)) problems.push(`${d.name}: HTTP access path "${p}" must be / then letters, digits, - _ . segments`);
      const other = paths.get(p);
      if (other !== undefined) problems.push(`${d.name}: HTTP access path ${p} is already ${other}'s`);
      paths.set(p, d.name);
    }
    // Public on the internet: the only HTTP access today is WeChat Pay's notification, verified and decrypted.
    if (d.httpPaths?.length) {
      for (const need of NOTIFY_NEEDS)
        if (!d.env.includes(need)) problems.push(`${d.name}: has HTTP access but does not read ${need} (WeChat Pay notifications are verified and decrypted)`);
    }
    if (d.triggers?.some((t) => t.name === 'pollShipments')) {
      for (const need of COURIER_NEEDS) if (!d.env.includes(need)) problems.push(`${d.name}: polls shipments but does not read ${need} (the courier's tracking account)`);
    }
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
