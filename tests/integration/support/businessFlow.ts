import type { Harness } from '../../support/localCloudHarness';
import { requestId } from './bookingFlow';
import { functionCaller } from './functionCaller';

/** A JPEG's first bytes as a phone's compressed photo would have them: the frame header says width × height. */
export function jpegOf(width: number, height: number, bytes = 4096): Buffer {
  const sof = [0xff, 0xc0, 0x00, 0x11, 0x08, height >> 8, height & 0xff, width >> 8, width & 0xff, 0x03, 1, 0x22, 0, 2, 0x11, 1, 3, 0x11, 1];
  const head = [0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01, 0x01, 0x00, 0x00, 0x01, 0x00, 0x01, 0x00, 0x00, ...sof];
  return Buffer.concat([Buffer.from(head), Buffer.alloc(Math.max(0, bytes - head.length - 2), 0x55), Buffer.from([0xff, 0xd9])]);
}

/** Calls of the business function as personas, and uploads as the H5 client makes them (a signed PUT). */
export function businessFlow(h: Harness) {
  const { call, ok, error } = functionCaller(h, 'business');
  /** Asks where to upload, PUTs the bytes there, and answers the file id (not yet attached). */
  async function upload(openid: string, applicationId: string, material: string, bytes: Buffer = jpegOf(1200, 800)): Promise<string> {
    const target = await ok(openid, 'materialUpload', { applicationId, material, type: 'jpeg' });
    const res = await fetch(target.url, {
      method: 'PUT',
      body: new Uint8Array(bytes),
      headers: { authorization: target.authorization, 'x-cos-security-token': target.token, 'x-cos-meta-fileid': target.cosFileId },
    });
    if (!res.ok) throw new Error(`upload refused: ${res.status}`);
    return target.fileId;
  }
  /** Uploads one photo of a material and attaches it: the application after. */
  async function attach(openid: string, app: { id: string; version: number }, material: string, bytes?: Buffer) {
    const fileId = await upload(openid, app.id, material, bytes);
    return ok(openid, 'attachMaterial', { applicationId: app.id, material, fileIds: [fileId], expectedVersion: app.version });
  }
  const apply = (openid: string, data: Record<string, unknown>) => call(openid, 'apply', { requestId: requestId(), ...data });
  return { call, ok, error, upload, attach, apply };
}
