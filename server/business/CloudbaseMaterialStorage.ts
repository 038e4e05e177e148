import type { MaterialStorage, UploadTarget } from '../../core/business/BusinessDeps';
import type { CloudBaseApp } from '../cloudbase/app';

/** The first `limit` bytes of a response body; the rest is not read. */
async function firstBytes(res: Response, limit: number): Promise<Uint8Array> {
  const reader = res.body?.getReader();
  if (!reader) return new Uint8Array();
  const chunks: Uint8Array[] = [];
  let length = 0;
  while (length < limit) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
    length += value.length;
  }
  await reader.cancel().catch(() => undefined);
  return Buffer.concat(chunks).subarray(0, limit);
}

/** The whole size of a file answered in part (206: Content-Range …/total) or whole (200). */
function sizeOf(res: Response, read: number): number {
  const range = /\/(\d+)$/.exec(res.headers.get('content-range') ?? '');
  if (range) return Number(range[1]);
  const length = Number(res.headers.get('content-length'));
  return Number.isFinite(length) && length > 0 ? length : read;
}

/**
 * Material photos in CloudBase cloud storage through @cloudbase/node-sdk: private files, read only
 * through temporary URLs (the local cloud plays the same protocol, devcloud/storage).
 */
export class CloudbaseMaterialStorage implements MaterialStorage {
  constructor(private readonly app: CloudBaseApp) {}

  async uploadTarget(cloudPath: string): Promise<UploadTarget> {
    const { data } = await this.app.getUploadMetadata({ cloudPath });
    return { cloudPath, fileId: data.fileId, url: data.url, authorization: data.authorization, token: data.token, cosFileId: data.cosFileId };
  }

  async temporaryUrls(fileIds: readonly string[], maxAgeSeconds: number): Promise<Map<string, string>> {
    if (fileIds.length === 0) return new Map();
    const { fileList } = await this.app.getTempFileURL({ fileList: fileIds.map((fileID) => ({ fileID, maxAge: maxAgeSeconds })) });
    return new Map(fileList.filter((f) => f.code === 'SUCCESS' && f.tempFileURL).map((f) => [f.fileID, f.tempFileURL]));
  }

  async head(fileId: string, limit: number): Promise<{ bytes: Uint8Array; size: number } | undefined> {
    const url = (await this.temporaryUrls([fileId], 60)).get(fileId);
    if (!url) return undefined;
    const res = await fetch(url, { headers: { range: `bytes=0-${limit - 1}` } });
    if (res.status === 404) return undefined;
    if (!res.ok) throw new Error(`storage answered ${res.status} for a material photo`);
    const bytes = await firstBytes(res, limit);
    return { bytes, size: sizeOf(res, bytes.length) };
  }

  async remove(fileIds: readonly string[]): Promise<number> {
    if (fileIds.length === 0) return 0;
    const { fileList } = await this.app.deleteFile({ fileList: [...fileIds] });
    return fileList.filter((f) => f.code === 'SUCCESS').length;
  }
}
