/**
 * The local cloud's cloud storage, played with the SDK's own protocol (issue 15), so the functions'
 * storage adapters run here exactly as in production:
 *  - `uploadFile`: the SDK asks `storage.getUploadMetadata` at the database's endpoint (/admin), then
 *    PUTs the bytes to the URL it was given (COS in production; here /storage/cos/<cloudPath>) with
 *    the signature that came with it. A PUT without it, with another's, or late is refused with
 *    COS's XML error, which the SDK raises.
 *  - `getTempFileURL` (`storage.batchGetDownloadUrl`): signed URLs that expire after `maxAge`
 *    seconds, served at the same path. The bucket is private: a download without a valid,
 *    unexpired signature is refused (403), as a private bucket's is.
 *  - `deleteFile` (`storage.batchDeleteFile`).
 * File ids look like production's: cloud://<env>.<bucket>/<cloudPath>. Answers carry the field
 * names the SDK's types and its own getFileInfo / downloadFile read (`fileID`, `tempFileURL`).
 */
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { mkdir, readFile, stat, unlink, writeFile } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import path from 'node:path';
import { HttpStatus } from '../httpStatus';
import { readBody, RequestBodyError } from '../readBody';

/** The largest file the local bucket takes (material photos are compressed on the phone first). */
export const STORAGE_FILE_LIMIT = 10 * 1024 * 1024;
/** How long an upload's signature holds. */
const UPLOAD_WINDOW_S = 900;
const ROUTE = '/storage/cos/';

export interface LocalStorageOptions {
  envId: string;
  /** Where files are kept; in memory when absent. */
  dir?: string;
  /** The local cloud's own URL, once it listens. */
  baseUrl: () => string | undefined;
  /** Milliseconds since the epoch (the local clock). */
  now: () => number;
}

export interface LocalStorage {
  /** Answers the SDK's storage.* actions; undefined for any other action. */
  actions(body: Record<string, unknown>): Promise<Record<string, unknown>> | undefined;
  /** Serves PUT and GET under /storage/cos/; false when the path is not its. */
  handle(req: IncomingMessage, res: ServerResponse, pathname: string): boolean;
}

/** A cloud path as COS keys allow it: relative, no empty, dot or dot-dot segments, at most 850 bytes. */
function validCloudPath(cloudPath: unknown): cloudPath is string {
  if (typeof cloudPath !== 'string' || cloudPath === '' || Buffer.byteLength(cloudPath) > 850) return false;
  const controlOrBackslash = [...cloudPath].some((c) => c.charCodeAt(0) < 0x20 || c === '\\');
  return !controlOrBackslash && cloudPath.split('/').every((s) => s !== '' && s !== '.' && s !== '..');
}

const xmlError = (res: ServerResponse, status: number, code: string, message: string) => {
  const text = `<?xml version='1.0' encoding='utf-8' ?>\n<Error>\n<Code>${code}</Code>\n<Message>${message}</Message>\n<Resource>local</Resource>\n<RequestId>local-${randomBytes(6).toString('hex')}</RequestId>\n<TraceId>local</TraceId>\n</Error>`;
  res.writeHead(status, { 'content-type': 'application/xml', 'content-length': String(Buffer.byteLength(text)) });
  res.end(text);
};

export function createLocalStorage(opts: LocalStorageOptions): LocalStorage {
  const secret = randomBytes(32);
  const bucket = `${opts.envId}-local`;
  const memory = new Map<string, Buffer>();
  const sign = (...parts: string[]) => createHmac('sha256', secret).update(parts.join('\n')).digest('hex');
  const sameSignature = (a: string, b: string) => a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b));
  const fileIdOf = (cloudPath: string) => `cloud://${opts.envId}.${bucket}/${cloudPath}`;
  const pathOf = (fileId: unknown): string | undefined => {
    const prefix = `cloud://${opts.envId}.${bucket}/`;
    if (typeof fileId !== 'string' || !fileId.startsWith(prefix)) return undefined;
    const cloudPath = fileId.slice(prefix.length);
    return validCloudPath(cloudPath) ? cloudPath : undefined;
  };
  const urlOf = (cloudPath: string) => `${opts.baseUrl() ?? ''}${ROUTE}${cloudPath.split('/').map(encodeURIComponent).join('/')}`;
  const seconds = () => Math.floor(opts.now() / 1000);

  const store = {
    async put(cloudPath: string, bytes: Buffer) {
      if (!opts.dir) return void memory.set(cloudPath, bytes);
      const file = path.join(opts.dir, cloudPath);
      await mkdir(path.dirname(file), { recursive: true });
      await writeFile(file, bytes);
    },
    async get(cloudPath: string): Promise<Buffer | undefined> {
      if (!opts.dir) return memory.get(cloudPath);
      return readFile(path.join(opts.dir, cloudPath)).catch(() => undefined);
    },
    /** Whether a file is stored, without reading it. */
    async has(cloudPath: string): Promise<boolean> {
      if (!opts.dir) return memory.has(cloudPath);
      return stat(path.join(opts.dir, cloudPath)).then(
        (s) => s.isFile(),
        () => false,
      );
    },
    /** True when this call removed the file: of two removals at once, only one (the file system decides). */
    async remove(cloudPath: string): Promise<boolean> {
      if (!opts.dir) return memory.delete(cloudPath);
      return unlink(path.join(opts.dir, cloudPath)).then(
        () => true,
        (e: NodeJS.ErrnoException) => (e.code === 'ENOENT' ? false : Promise.reject(e)),
      );
    },
  };

  async function answer(body: Record<string, unknown>): Promise<Record<string, unknown>> {
    switch (body.action) {
      case 'storage.getUploadMetadata': {
        if (!validCloudPath(body.path)) return { code: 'INVALID_PARAM', message: 'cloudPath is not a valid path' };
        const cosFileId = randomBytes(12).toString('hex');
        const start = seconds();
        const end = start + UPLOAD_WINDOW_S;
        const authorization = `q-sign-algorithm=sha256&q-sign-time=${start};${end}&q-signature=${sign('put', body.path, String(end), cosFileId)}`;
        return { data: { url: urlOf(body.path), token: randomBytes(16).toString('hex'), authorization, fileId: fileIdOf(body.path), cosFileId, download_url: urlOf(body.path) } };
      }
      case 'storage.batchGetDownloadUrl': {
        const list = Array.isArray(body.file_list) ? (body.file_list as Array<{ fileid?: unknown; max_age?: unknown }>) : undefined;
        if (!list) return { code: 'INVALID_PARAM', message: 'file_list must be an array' };
        const download_list = await Promise.all(
          list.map(async ({ fileid, max_age }) => {
            const cloudPath = pathOf(fileid);
            if (!cloudPath || !(await store.has(cloudPath))) return { fileID: fileid, tempFileURL: '', code: 'STORAGE_FILE_NONEXIST', message: 'file not found' };
            const expires = seconds() + (typeof max_age === 'number' && max_age > 0 ? Math.floor(max_age) : 86400);
            return { fileID: fileid, tempFileURL: `${urlOf(cloudPath)}?t=${expires}&sign=${sign('get', cloudPath, String(expires))}`, code: 'SUCCESS' };
          }),
        );
        return { data: { download_list } };
      }
      case 'storage.batchDeleteFile': {
        const list = Array.isArray(body.fileid_list) ? (body.fileid_list as unknown[]) : undefined;
        if (!list) return { code: 'INVALID_PARAM', message: 'fileid_list must be an array' };
        // One after another, in the list's order: a file named twice is removed by its first entry,
        // whichever unlink the disk would have finished first.
        const delete_list: Array<Record<string, unknown>> = [];
        for (const fileid of list) {
          const cloudPath = pathOf(fileid);
          delete_list.push(
            cloudPath && (await store.remove(cloudPath)) ? { fileID: fileid, code: 'SUCCESS' } : { fileID: fileid, code: 'STORAGE_FILE_NONEXIST', message: 'file not found' },
          );
        }
        return { data: { delete_list } };
      }
      default:
        return { code: 'INVALID_PARAM', message: `the local cloud does not play ${String(body.action)}` };
    }
  }

  async function upload(req: IncomingMessage, res: ServerResponse, cloudPath: string): Promise<void> {
    const auth = String(req.headers.authorization ?? '');
    const time = /q-sign-time=(\d+);(\d+)/.exec(auth);
    const signature = /q-signature=([0-9a-f]+)/.exec(auth)?.[1] ?? '';
    const cosFileId = String(req.headers['x-cos-meta-fileid'] ?? '');
    if (!time || !sameSignature(signature, sign('put', cloudPath, time[2], cosFileId)))
      return xmlError(res, HttpStatus.forbidden, 'SignatureDoesNotMatch', 'The signature does not match');
    if (seconds() > Number(time[2])) return xmlError(res, HttpStatus.forbidden, 'AccessDenied', 'Request has expired');
    let bytes: Buffer;
    try {
      bytes = await readBody(req, STORAGE_FILE_LIMIT);
    } catch (err) {
      if (err instanceof RequestBodyError && err.reason === 'too-large') return xmlError(res, HttpStatus.tooLarge, 'EntityTooLarge', `over ${STORAGE_FILE_LIMIT} bytes`);
      return;
    }
    await store.put(cloudPath, bytes);
    res.writeHead(HttpStatus.ok, { 'content-length': '0' });
    res.end();
  }

  async function download(req: IncomingMessage, res: ServerResponse, cloudPath: string): Promise<void> {
    const query = new URL(req.url ?? '', 'http://local').searchParams;
    const expires = query.get('t') ?? '';
    if (!sameSignature(query.get('sign') ?? '', sign('get', cloudPath, expires))) return xmlError(res, HttpStatus.forbidden, 'AccessDenied', 'Access Denied');
    if (seconds() > Number(expires)) return xmlError(res, HttpStatus.forbidden, 'AccessDenied', 'Request has expired');
    const bytes = await store.get(cloudPath);
    if (!bytes) return xmlError(res, HttpStatus.notFound, 'NoSuchKey', 'The specified key does not exist.');
    res.writeHead(HttpStatus.ok, { 'content-type': 'application/octet-stream', 'content-length': String(bytes.length), 'cache-control': 'private, no-store' });
    res.end(req.method === 'HEAD' ? undefined : bytes);
  }

  return {
    actions: (body) => (typeof body.action === 'string' && body.action.startsWith('storage.') ? answer(body) : undefined),
    handle(req, res, pathname) {
      if (!pathname.startsWith(ROUTE)) return false;
      let cloudPath: string;
      try {
        cloudPath = pathname.slice(ROUTE.length).split('/').map(decodeURIComponent).join('/');
      } catch {
        cloudPath = '';
      }
      if (!validCloudPath(cloudPath)) {
        xmlError(res, HttpStatus.malformed, 'InvalidURI', 'Could not parse the specified URI.');
        return true;
      }
      const serve = req.method === 'PUT' ? upload(req, res, cloudPath) : req.method === 'GET' || req.method === 'HEAD' ? download(req, res, cloudPath) : undefined;
      if (!serve) {
        res.writeHead(HttpStatus.wrongMethod, { allow: 'GET, HEAD, PUT' });
        res.end();
        return true;
      }
      void serve.catch(() => (res.headersSent ? res.destroy() : xmlError(res, HttpStatus.internal, 'InternalError', 'local storage failed')));
      return true;
    },
  };
}
