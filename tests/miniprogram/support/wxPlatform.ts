import type { Callbacks } from './wxStandIns';

/**
 * Stand-ins for the weapp-only APIs the pages use, each shaped as WeChat documents it (parameters
 * checked, `success` / `fail` payloads and errMsg spelled as the platform spells them), recording
 * what the page asked for. A test says beforehand how the person answers (scan this code, pay or
 * cancel, accept or reject the subscription, pass or fail the face check, agree to the privacy
 * guide); an API called with no answer queued fails loudly, so no test passes by accident.
 */

type Settle = <T>(api: string, opts: Callbacks<T> | undefined, run: () => Promise<T>) => Promise<T> | undefined;
type Opts = Record<string, unknown> & Callbacks<Record<string, unknown>>;
type Fail = { errMsg: string; errCode?: number; [key: string]: unknown };

export interface PlatformHooks {
  /** WeChat Pay charging the order of `wx.requestPayment` (the `package` is `prepay_id=…`). */
  payAtWeChat?: (pkg: string) => Promise<void>;
  /** WeChat's 人脸核身 comparing the face: resolves with the verify_result its server will explain. */
  faceResult?: (person: { name: string; idCardNumber: string }, outcome: 'pass' | 'mismatch') => Promise<string>;
}

export type ScanAnswer = { result: string } | 'cancel';
export type PayAnswer = 'pay' | 'cancel';
export type SubscribeAnswer = 'accept' | 'reject';
export type FaceAnswer = 'pass' | 'mismatch' | 'cancel';
export type PrivacyAnswer = 'agree' | 'disagree';
/** What the person does with the chat picker `shareFileMessage` opens: send the file to a chat, or close it. */
export type ShareAnswer = 'send' | 'cancel';
/** A photo the person picks or takes: its bytes and what the image is. */
export interface Photo {
  bytes: Buffer;
  width: number;
  height: number;
  type: 'jpeg' | 'png';
}
export type PhotoAnswer = Photo[] | 'cancel';

export interface WxPlatform {
  api: Record<string, unknown>;
  /** Answers, consumed one per call, in order. */
  scans: ScanAnswer[];
  payments: PayAnswer[];
  subscriptions: SubscribeAnswer[];
  faces: FaceAnswer[];
  /** What `chooseMedia` answers (the photos picked, or the picker closed), one per call. */
  photos: PhotoAnswer[];
  /** What `shareFileMessage` answers, one per call. */
  shares: ShareAnswer[];
  /** Files the mini-program wrote under `wx.env.USER_DATA_PATH` (its user folder), by path, as text. */
  userFiles: Map<string, string>;
  /** The phone's temporary files (wxfile://tmp_…) the picker and compressImage made, by path. */
  files: Map<string, Photo>;
  /** Every call's options (callbacks left out), per API name. */
  calls: Record<string, Array<Record<string, unknown>>>;
  /** What each call of an API ended with (`success` payload or `fail` payload), per API name. */
  results: Record<string, Array<{ ok: boolean; res: Record<string, unknown> }>>;
  toasts: string[];
  clipboard: string[];
  /** An API called with no answer queued, or the like: the test's own mistake, asserted empty. */
  problems: string[];
  moves: Array<{ api: string; url?: string }>;
  /** Runs `fn` as a finger tap does: WeChat lets requestSubscribeMessage run only inside one. */
  gesture<T>(fn: () => T): T;
  privacy: {
    /** Whether the person has agreed to the mini-program's privacy guide (per WeChat account). */
    agreed: boolean;
    readonly contractName: string;
    /** Every `resolve` the app called on onNeedPrivacyAuthorization, in order. */
    resolved: Array<{ event: string; buttonId?: string }>;
    /** The privacy API waiting for the app's resolve, if any (its name). */
    pending(): string | undefined;
    /** The bindagreeprivacyauthorization event of a button with open-type agreePrivacyAuthorization was fired for it. */
    buttonTapped(id: string): void;
  };
}

/** APIs of the 隐私保护指引 the app calls (剪切板: privacy_key Clipboard). */
const PRIVACY_APIS = new Set(['setClipboardData', 'getClipboardData']);

function shown(opts: Opts | undefined): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(opts ?? {})) if (!['success', 'fail', 'complete'].includes(k)) out[k] = v;
  return out;
}

/** A JPEG's bytes with its frame header (SOF0–SOF2) saying width × height, as an image codec's output would. */
function resizedJpegHeader(bytes: Buffer, width: number, height: number): Buffer {
  const out = Buffer.from(bytes);
  for (let i = 2; i + 9 < out.length;) {
    if (out[i] !== 0xff) break;
    const marker = out[i + 1];
    if (marker >= 0xc0 && marker <= 0xc2) {
      out.writeUInt16BE(height, i + 5);
      out.writeUInt16BE(width, i + 7);
      return out;
    }
    i += 2 + out.readUInt16BE(i + 2);
  }
  return out;
}

export function createWxPlatform(settle: Settle, hooks: PlatformHooks): WxPlatform {
  const calls: WxPlatform['calls'] = {};
  const results: WxPlatform['results'] = {};
  const toasts: string[] = [];
  const clipboard: string[] = [];
  const moves: WxPlatform['moves'] = [];
  const scans: ScanAnswer[] = [];
  const payments: PayAnswer[] = [];
  const subscriptions: SubscribeAnswer[] = [];
  const faces: FaceAnswer[] = [];
  const photos: PhotoAnswer[] = [];
  const files = new Map<string, Photo>();
  const shares: ShareAnswer[] = [];
  const userFiles = new Map<string, string>();
  const USER_DATA_PATH = 'wxfile://usr';
  const tempFile = (photo: Photo) => {
    const path = `wxfile://tmp_${files.size + 1}.${photo.type === 'png' ? 'png' : 'jpg'}`;
    files.set(path, photo);
    return path;
  };
  const fileAt = (api: string, src: unknown): Photo => {
    const photo = typeof src === 'string' ? files.get(src) : undefined;
    if (!photo) throw { errMsg: `${api}:fail file not exist` };
    return photo;
  };
  let tapDepth = 0;

  let privacyListener: ((resolve: (o: { event: string; buttonId?: string }) => void, info: { referrer: string }) => void) | undefined;
  const tappedButtons = new Set<string>();
  const resolved: Array<{ event: string; buttonId?: string }> = [];
  let pendingApi: string | undefined;
  const privacy: WxPlatform['privacy'] = {
    agreed: false,
    contractName: '《户政服务小程序隐私保护指引》',
    resolved,
    pending: () => pendingApi,
    buttonTapped(id) {
      tappedButtons.add(id);
      // "当用户点击一次同意按钮后，所有隐私接口可以正常调用": the button itself records the agreement.
      privacy.agreed = true;
    },
  };

  /** An API call: recorded, answered by `run` (a thrown object is the `fail` payload). */
  function define(name: string, run: (opts: Opts) => Promise<Record<string, unknown>>) {
    return (opts: Opts = {}) => {
      (calls[name] ??= []).push(shown(opts));
      return settle(name, opts, async () => {
        try {
          const res = { errMsg: `${name}:ok`, ...(await run(opts)) };
          (results[name] ??= []).push({ ok: true, res });
          return res;
        } catch (e) {
          const res = (e && typeof e === 'object' && 'errMsg' in e ? e : { errMsg: `${name}:fail ${String(e)}` }) as Fail;
          (results[name] ??= []).push({ ok: false, res });
          throw res;
        }
      });
    };
  }

  const problems: string[] = [];
  function next<T>(queue: T[], name: string): T {
    if (queue.length === 0) {
      problems.push(`${name} was called, but the test queued no answer for it`);
      throw { errMsg: `${name}:fail no answer queued by the test` };
    }
    return queue.shift()!;
  }

  /**
   * A privacy API: without the person's agreement WeChat suspends it and asks the app (its
   * onNeedPrivacyAuthorization listener) to show the guide; the app's resolve decides.
   */
  function privacyGate(name: string): Promise<void> {
    if (!PRIVACY_APIS.has(name) || privacy.agreed) return Promise.resolve();
    if (!privacyListener) return Promise.reject({ errMsg: `${name}:fail privacy permission is not authorized`, errno: 104 });
    return new Promise<void>((resolve, reject) => {
      pendingApi = name;
      let settled = false;
      privacyListener!(
        (o) => {
          resolved.push({ ...o });
          if (settled) return;
          if (o.event === 'agree') {
            // "基础库会检查对应的同意按钮是否被点击过"
            if (!o.buttonId || !tappedButtons.has(o.buttonId)) return;
            settled = true;
            pendingApi = undefined;
            privacy.agreed = true;
            resolve();
          } else if (o.event === 'disagree') {
            settled = true;
            pendingApi = undefined;
            reject({ errMsg: `${name}:fail privacy permission is not authorized`, errno: 104 });
          }
        },
        { referrer: name },
      );
    });
  }

  const str = (v: unknown) => typeof v === 'string' && v.length > 0;

  const api: Record<string, unknown> = {
    // 媒体 → 图片/视频: the picker answers temporary files; getImageInfo and compressImage read them.
    chooseMedia: define('chooseMedia', async (o) => {
      const count = o.count ?? 9;
      if (typeof count !== 'number' || count < 1 || count > 20) throw { errMsg: 'chooseMedia:fail parameter error: parameter.count should be between 1 and 20' };
      const answer = next(photos, 'chooseMedia');
      if (answer === 'cancel') throw { errMsg: 'chooseMedia:fail cancel' };
      const picked = answer.slice(0, count);
      return {
        type: 'image',
        tempFiles: picked.map((p) => ({ tempFilePath: tempFile(p), size: p.bytes.length, fileType: 'image', width: p.width, height: p.height })),
      };
    }),
    getImageInfo: define('getImageInfo', async (o) => {
      const photo = fileAt('getImageInfo', o.src);
      return { width: photo.width, height: photo.height, type: photo.type, path: o.src, orientation: 'up' };
    }),
    compressImage: define('compressImage', async (o) => {
      const photo = fileAt('compressImage', o.src);
      const quality = o.quality ?? 80;
      if (typeof quality !== 'number' || quality < 0 || quality > 100) throw { errMsg: 'compressImage:fail parameter error: parameter.quality should be between 0 and 100' };
      // No codec here: the JPEG keeps its bytes, its frame header says the new size (what was asked for is in `calls`).
      const scale = Math.min(
        1,
        typeof o.compressedWidth === 'number' ? o.compressedWidth / photo.width : typeof o.compressedHeight === 'number' ? o.compressedHeight / photo.height : 1,
      );
      const width = Math.round(photo.width * scale);
      const height = Math.round(photo.height * scale);
      return { tempFilePath: tempFile({ bytes: resizedJpegHeader(photo.bytes, width, height), type: 'jpeg', width, height }) };
    }),
    scanCode: define('scanCode', async (o) => {
      if (o.scanType !== undefined && !Array.isArray(o.scanType)) throw { errMsg: 'scanCode:fail parameter error: parameter.scanType should be Array' };
      const answer = next(scans, 'scanCode');
      if (answer === 'cancel') throw { errMsg: 'scanCode:fail cancel' };
      return { result: answer.result, scanType: 'QR_CODE', charSet: 'utf-8', path: '', rawData: Buffer.from(answer.result).toString('base64') };
    }),
    requestPayment: define('requestPayment', async (o) => {
      for (const key of ['timeStamp', 'nonceStr', 'package', 'paySign']) {
        if (!str(o[key])) throw { errMsg: `requestPayment:fail parameter error: parameter.${key} should be String instead of ${typeof o[key]};` };
      }
      if (!['MD5', 'HMAC-SHA256', 'RSA'].includes(String(o.signType))) throw { errMsg: 'requestPayment:fail parameter error: signType' };
      const answer = next(payments, 'requestPayment');
      if (answer === 'cancel') throw { errMsg: 'requestPayment:fail cancel' };
      if (!hooks.payAtWeChat) throw new Error('requestPayment: no payAtWeChat hook');
      await hooks.payAtWeChat(String(o.package));
      return {};
    }),
    requestSubscribeMessage: define('requestSubscribeMessage', async (o) => {
      const ids = o.tmplIds;
      if (!Array.isArray(ids) || ids.length === 0 || !ids.every(str)) throw { errMsg: 'requestSubscribeMessage:fail Templates list is empty or invalid', errCode: 10001 };
      if (ids.length > 3) throw { errMsg: 'requestSubscribeMessage:fail Templates count out of max bounds', errCode: 20003 };
      if (tapDepth === 0) throw { errMsg: 'requestSubscribeMessage:fail can only be invoked by user TAP gesture.', errCode: 20001 };
      const answer = next(subscriptions, 'requestSubscribeMessage');
      return Object.fromEntries((ids as string[]).map((id) => [id, answer]));
    }),
    startFacialRecognitionVerify: define('startFacialRecognitionVerify', async (o) => {
      if (!str(o.name) || !str(o.idCardNumber)) throw { errMsg: 'startFacialRecognitionVerify:fail invalid params', errCode: 10002, verifyResult: '' };
      const answer = next(faces, 'startFacialRecognitionVerify');
      if (answer === 'cancel') throw { errMsg: 'startFacialRecognitionVerify:fail cancel', errCode: 90100, verifyResult: '' };
      if (!hooks.faceResult) throw new Error('startFacialRecognitionVerify: no faceResult hook');
      const verifyResult = await hooks.faceResult({ name: String(o.name), idCardNumber: String(o.idCardNumber) }, answer);
      return { errCode: 0, verifyResult };
    }),
    openLocation: define('openLocation', async (o) => {
      const { latitude: lat, longitude: lng, scale } = o as { latitude: unknown; longitude: unknown; scale?: unknown };
      if (typeof lat !== 'number' || !Number.isFinite(lat) || lat < -90 || lat > 90) throw { errMsg: 'openLocation:fail invalid latitude' };
      if (typeof lng !== 'number' || !Number.isFinite(lng) || lng < -180 || lng > 180) throw { errMsg: 'openLocation:fail invalid longitude' };
      if (scale !== undefined && (typeof scale !== 'number' || scale < 5 || scale > 18)) throw { errMsg: 'openLocation:fail invalid scale' };
      return {};
    }),
    env: { USER_DATA_PATH },
    // The file system manager's synchronous write: only under the user folder; text as given.
    getFileSystemManager: () => ({
      writeFileSync(filePath: unknown, data: unknown, encoding?: unknown) {
        if (typeof filePath !== 'string' || !filePath.startsWith(`${USER_DATA_PATH}/`)) throw new Error(`writeFileSync:fail permission denied, open ${String(filePath)}`);
        if (typeof data !== 'string' || (encoding !== undefined && encoding !== 'utf8' && encoding !== 'utf-8')) throw new Error('writeFileSync:fail invalid data or encoding');
        userFiles.set(filePath, data);
      },
    }),
    // "只能在用户点击行为中调用": a chat picker for a file the mini-program holds.
    shareFileMessage: define('shareFileMessage', async (o) => {
      if (tapDepth === 0) throw { errMsg: 'shareFileMessage:fail can only be invoked by user TAP gesture.' };
      if (typeof o.filePath !== 'string' || !userFiles.has(o.filePath)) throw { errMsg: 'shareFileMessage:fail file not exist' };
      if (next(shares, 'shareFileMessage') === 'cancel') throw { errMsg: 'shareFileMessage:fail cancel' };
      return {};
    }),
    setClipboardData: define('setClipboardData', async (o) => {
      if (typeof o.data !== 'string') throw { errMsg: 'setClipboardData:fail parameter error: parameter.data should be String' };
      await privacyGate('setClipboardData');
      clipboard.push(o.data);
      return {};
    }),
    makePhoneCall: define('makePhoneCall', async (o) => {
      if (!str(o.phoneNumber)) throw { errMsg: 'makePhoneCall:fail parameter error' };
      return {};
    }),
    vibrateShort: define('vibrateShort', async () => ({})),
    setNavigationBarTitle: define('setNavigationBarTitle', async () => ({})),
    showToast: define('showToast', async (o) => {
      toasts.push(String(o.title ?? ''));
      return {};
    }),
    onNeedPrivacyAuthorization(listener: typeof privacyListener) {
      privacyListener = listener;
    },
    getPrivacySetting: define('getPrivacySetting', async () => ({ needAuthorization: !privacy.agreed, privacyContractName: privacy.contractName })),
    requirePrivacyAuthorize: define('requirePrivacyAuthorize', async () => {
      PRIVACY_APIS.add('requirePrivacyAuthorize');
      await privacyGate('requirePrivacyAuthorize');
      return {};
    }),
    openPrivacyContract: define('openPrivacyContract', async () => ({})),
  };

  return {
    api,
    scans,
    payments,
    subscriptions,
    faces,
    photos,
    shares,
    userFiles,
    files,
    calls,
    results,
    toasts,
    clipboard,
    problems,
    moves,
    privacy,
    gesture<T>(fn: () => T): T {
      tapDepth++;
      try {
        return fn();
      } finally {
        // j-component delivers the event in a microtask queued by `fn`: the gesture lasts while the
        // handler's synchronous part runs, not into what it awaits.
        void Promise.resolve().then(() => {
          tapDepth--;
        });
      }
    },
  };
}
