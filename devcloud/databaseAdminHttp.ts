import type { IncomingMessage, ServerResponse } from 'node:http';
import { z } from 'zod';
import type { EmulatorAdmin } from './db';
import { DbError } from './db/errors';
import { readJson, sendJson } from './localJson';

/** Where the local cloud answers the database-management calls (the part of CloudBase's management API the ops bootstrap uses). */
export const DATABASE_ADMIN_PATH = '/local/database-admin';

const name = z.string().regex(/^[A-Za-z0-9_-]{1,128}$/);
const index = z.object({ name: z.string().min(1).max(128), keys: z.record(z.string().min(1), z.union([z.literal(1), z.literal(-1)])), unique: z.boolean().optional() }).strict();
const Request = z.discriminatedUnion('action', [
  z.object({ action: z.literal('listCollections') }),
  z.object({ action: z.literal('describeCollection'), collection: name }),
  z.object({ action: z.literal('createCollection'), collection: name }),
  z.object({ action: z.literal('createIndexes'), collection: name, indexes: z.array(index).max(64) }),
  z.object({ action: z.literal('dropIndexes'), collection: name, names: z.array(z.string().min(1).max(128)).max(64) }),
  z.object({ action: z.literal('setRules'), collection: name, rules: z.object({ read: z.boolean(), write: z.boolean() }).strict() }),
]);

/**
 * `POST /local/database-admin {action, …}`: the emulator's admin side over HTTP, so
 * `npm run db:bootstrap -- --url <local cloud>` runs against a local cloud started empty, as it runs
 * against a CloudBase environment through manager-node. Local only: production has no such route.
 */
export async function handleDatabaseAdmin(admin: EmulatorAdmin, req: IncomingMessage, res: ServerResponse): Promise<void> {
  if (req.method !== 'POST') return sendJson(res, 405, { ok: false, error: { code: 'INVALID_PARAM', message: 'POST only' } });
  const parsed = Request.safeParse(await readJson(req));
  if (!parsed.success)
    return sendJson(res, 400, { ok: false, error: { code: 'INVALID_PARAM', message: parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ') } });
  const r = parsed.data;
  try {
    switch (r.action) {
      case 'listCollections':
        return sendJson(res, 200, { ok: true, data: admin.listCollections() });
      case 'describeCollection':
        return sendJson(res, 200, { ok: true, data: admin.describeCollection(r.collection) });
      case 'createCollection':
        await admin.createCollection(r.collection);
        break;
      case 'createIndexes':
        await admin.createIndexes(r.collection, r.indexes);
        break;
      case 'dropIndexes':
        await admin.dropIndexes(r.collection, r.names);
        break;
      case 'setRules':
        await admin.setRules(r.collection, r.rules);
        break;
    }
    sendJson(res, 200, { ok: true });
  } catch (e) {
    if (e instanceof DbError) return sendJson(res, 400, { ok: false, error: { code: e.code, message: e.message } });
    sendJson(res, 500, { ok: false, error: { code: 'DATABASE_REQUEST_FAILED', message: e instanceof Error ? e.message : String(e) } });
  }
}
