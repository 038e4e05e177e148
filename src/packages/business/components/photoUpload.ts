import Taro from '@tarojs/taro';
import { COMPRESS_TO } from '../../../../core/business/materialPhoto';
import { ApiError } from '../../../services/api';
import { businessApi } from '../../../services/businessApi';

/**
 * A material photo from the phone to the application's private storage: the citizen picks or takes
 * photos, each is compressed on the phone (the longer side at most COMPRESS_TO.longSide, JPEG at
 * COMPRESS_TO.quality; the function checks what arrived again), then uploaded where materialUpload
 * says. Answers the file ids, not yet attached (attachMaterial does that).
 * weapp: chooseMedia → compressImage → Taro.cloud.uploadFile to the cloud path.
 * H5: chooseImage → a canvas redraws it as JPEG → a signed PUT (the local cloud plays COS).
 */

/** At most this many photos per material (attachMaterial takes up to 9). */
export const MAX_PHOTOS = 3;

const UPLOAD_FAILED = '照片上传失败，请检查网络后重试';

/** Whether the person closed the picker without choosing (not an error to show). */
export const cancelledPick = (e: unknown): boolean => /cancel/i.test(String((e as { errMsg?: string })?.errMsg ?? ''));

async function pickWeapp(count: number): Promise<string[]> {
  const res = await Taro.chooseMedia({ count, mediaType: ['image'], sourceType: ['album', 'camera'], sizeType: ['compressed'] });
  return res.tempFiles.map((f) => f.tempFilePath);
}

/** weapp: the longer side down to COMPRESS_TO.longSide (never up), JPEG quality as asked. */
async function compressWeapp(path: string): Promise<{ path: string; type: 'jpeg' | 'png' }> {
  const info = await Taro.getImageInfo({ src: path });
  const wide = info.width >= info.height;
  const long = Math.min(COMPRESS_TO.longSide, wide ? info.width : info.height);
  const res = await Taro.compressImage({
    src: path,
    quality: Math.round(COMPRESS_TO.quality * 100),
    ...(wide ? { compressedWidth: long } : { compressedHeight: long }),
  } as Parameters<typeof Taro.compressImage>[0]);
  return { path: res.tempFilePath, type: /\.png$/i.test(res.tempFilePath) ? 'png' : 'jpeg' };
}

async function uploadWeapp(applicationId: string, material: string, path: string): Promise<string> {
  const photo = await compressWeapp(path);
  const target = await businessApi.materialUpload({ applicationId, material, type: photo.type });
  try {
    const res = await Taro.cloud.uploadFile({ cloudPath: target.cloudPath, filePath: photo.path });
    return res.fileID;
  } catch {
    throw new ApiError('NETWORK_UNAVAILABLE', UPLOAD_FAILED);
  }
}

async function pickH5(count: number): Promise<Blob[]> {
  const res = await Taro.chooseImage({ count, sourceType: ['album', 'camera'] });
  return res.tempFiles.map((f) => (f as unknown as { originalFileObj?: Blob }).originalFileObj).filter((b): b is Blob => !!b);
}

/** H5: the picture redrawn on a canvas, the longer side at most COMPRESS_TO.longSide, as a JPEG. */
async function compressH5(file: Blob): Promise<Blob> {
  const url = URL.createObjectURL(file);
  try {
    const img = new Image();
    img.src = url;
    await img.decode();
    const scale = Math.min(1, COMPRESS_TO.longSide / Math.max(img.naturalWidth, img.naturalHeight));
    const canvas = document.createElement('canvas');
    canvas.width = Math.round(img.naturalWidth * scale);
    canvas.height = Math.round(img.naturalHeight * scale);
    const ctx = canvas.getContext('2d');
    if (!ctx) throw new Error('no 2d canvas');
    ctx.fillStyle = '#fff'; // a transparent PNG becomes white, not black
    ctx.fillRect(0, 0, canvas.width, canvas.height);
    ctx.drawImage(img, 0, 0, canvas.width, canvas.height);
    return await new Promise<Blob>((resolve, reject) => canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('toBlob'))), 'image/jpeg', COMPRESS_TO.quality));
  } catch {
    throw new ApiError('INVALID_INPUT', '无法读取这张照片，请换一张JPG或PNG照片');
  } finally {
    URL.revokeObjectURL(url);
  }
}

async function uploadH5(applicationId: string, material: string, file: Blob): Promise<string> {
  const jpeg = await compressH5(file);
  const target = await businessApi.materialUpload({ applicationId, material, type: 'jpeg' });
  let ok: boolean;
  try {
    const res = await fetch(target.url, {
      method: 'PUT',
      body: jpeg,
      headers: { authorization: target.authorization, 'x-cos-security-token': target.token, 'x-cos-meta-fileid': target.cosFileId },
    });
    ok = res.ok;
  } catch {
    ok = false;
  }
  if (!ok) throw new ApiError('NETWORK_UNAVAILABLE', UPLOAD_FAILED);
  return target.fileId;
}

/** Lets the person pick up to `count` photos and uploads each (compressed): their file ids, or [] when nothing was picked. */
export async function pickAndUpload(applicationId: string, material: string, count = MAX_PHOTOS): Promise<string[]> {
  if (process.env.TARO_ENV === 'weapp') {
    const paths = await pickWeapp(count);
    const ids: string[] = [];
    for (const p of paths) ids.push(await uploadWeapp(applicationId, material, p));
    return ids;
  }
  const files = await pickH5(count);
  const ids: string[] = [];
  for (const f of files) ids.push(await uploadH5(applicationId, material, f));
  return ids;
}
