import * as z from 'zod/mini';

/**
 * zod's English messages, for whoever reads a seed file's problem: zod/mini loads no locale (its
 * default message is "Invalid input"). The seed loaders run in scripts and tests, never in a
 * function bundle, so the locale costs no cold start.
 */
const english = z.locales.en().localeError;

/**
 * One value of a seed file (data/) parsed with its schema, or an error naming the file, the field and
 * what is wrong: `where: path: message` (the schema's own message, else zod's English one).
 */
export function parseSeed<T>(schema: z.core.$ZodType<T>, value: unknown, where: string): T {
  const result = z.safeParse(schema, value, { error: english });
  if (!result.success) {
    const issue = result.error.issues[0];
    throw new Error(`${where}: ${issue.path.join('.') || '(root)'}: ${issue.message}`);
  }
  return result.data;
}
