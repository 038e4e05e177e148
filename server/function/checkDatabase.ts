import { database } from '../cloudbase/app';

export type DatabaseCheck = 'ok' | 'unreachable';

/**
 * The health check's database probe: a count on a declared collection, given up after a short
 * timeout so a health call answers quickly even when the database does not.
 */
export async function checkDatabase(collection: string, timeoutMs = 2_000): Promise<DatabaseCheck> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  try {
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error('database check timed out')), timeoutMs);
    });
    await Promise.race([database().collection(collection).count(), timeout]);
    return 'ok';
  } catch {
    return 'unreachable';
  } finally {
    if (timer) clearTimeout(timer);
  }
}
