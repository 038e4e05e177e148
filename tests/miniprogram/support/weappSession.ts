import { existsSync } from 'node:fs';
import path from 'node:path';
import { PERSONA_HEADER } from '../../../devcloud/functionGateway';
import { localApp } from '../../../devcloud/localDatabase';
import { bootMiniProgram, type MiniProgram, type OpenedPage } from './miniProgramHost';
import { startLocalCloudForWx, type LocalCloudForWx } from './localCloudBackend';
import { tap as tapNode } from './wxDom';
import { createWxStandIns, type WxStandIns } from './wxStandIns';

/**
 * One test file's mini-program: the local cloud (one per file), the REAL weapp build booted once
 * in miniprogram-simulate over the `wx` stand-ins, and the persona WeChat would attach to every
 * `wx.cloud.callFunction` (switchable between pages, as another person's phone would be).
 *
 * The build must be bound to the local cloud's environment and the reminder template, as a release
 * build is bound to its own (docs/DEPLOY.md §8): scripts/test.sh builds it so.
 */
export const ROOT = path.resolve(__dirname, '../../..');
export const DIST = path.join(ROOT, 'dist', 'weapp');
/** The local cloud's environment id (devcloud/localCloud.ts sets TCB_ENV to it). */
export const LOCAL_ENV_ID = 'hukou-local';
/** The local cloud's reminder template (devcloud/devEnvironment.ts). */
export const LOCAL_REMINDER_TEMPLATE = 'local-reminder-template';
/** The https prefix the test build's certificate QR codes point at (扫普通链接二维码打开小程序; docs/DEPLOY.md). */
export const LOCAL_VERIFY_LINK_PREFIX = 'https://hukou.example.gov.cn/verify';
export const BUILD_COMMAND = `CLOUDBASE_ENV_ID=${LOCAL_ENV_ID} HUKOU_REMINDER_TEMPLATE_ID=${LOCAL_REMINDER_TEMPLATE} HUKOU_PROGRESS_TEMPLATE_ID=local-progress-template HUKOU_VERIFY_LINK_PREFIX=${LOCAL_VERIFY_LINK_PREFIX} npx taro build --type weapp`;

export interface WeappSession {
  cloud: LocalCloudForWx;
  wx: WxStandIns;
  mp: MiniProgram;
  /** The persona the following cloud calls (and payments, face checks) are made as; undefined: anonymous. */
  actAs(openid: string | undefined): void;
  persona(): string | undefined;
  open(route: string, query?: Record<string, string>): OpenedPage;
  /** A finger tap: bubbles from `el`, inside a user gesture (as WeChat counts it for requestSubscribeMessage). */
  tap(page: OpenedPage, el: Element): void;
  /** Typing into an <input> / <textarea>: its `input` event with the whole value, as WeChat sends it. */
  type(page: OpenedPage, el: Element, value: string): void;
  /** Fires the `agreeprivacyauthorization` event WeChat sends when a button of that open-type is tapped. */
  agreePrivacy(page: OpenedPage, button: Element): void;
  /**
   * The node Taro sent the page for a rendered element (its `uid` is the id WeChat sees, other
   * attributes under Taro's short keys): what j-component does not render as DOM attributes.
   */
  nodeOf(page: OpenedPage, el: Element): Record<string, unknown>;
  /** console.error / console.warn lines written since the session started (WXML runtime warnings apart). */
  logged: string[];
  /** Error-level log lines the functions wrote. */
  functionErrors(): string[];
  close(): Promise<void>;
}

/** The j-component node of a rendered element: templates give it the Taro node's `uid` (its id prop, or its sid) as id. */
function sidNode(page: OpenedPage, el: Element) {
  const id = String(taroNode(page, el).uid ?? el.getAttribute('data-sid'));
  const node = page.root.querySelector(`#${id}`);
  if (!node) throw new Error(`no node #${id} in ${page.route}'s shadow tree`);
  return node;
}

function taroNode(page: OpenedPage, el: Element): Record<string, unknown> {
  const sid = el.getAttribute('data-sid');
  const find = (n: unknown): Record<string, unknown> | undefined => {
    if (!n || typeof n !== 'object') return undefined;
    const o = n as Record<string, unknown>;
    if (o.sid === sid) return o;
    for (const v of Object.values(o)) {
      const found = find(v);
      if (found) return found;
    }
    return undefined;
  };
  const node = sid ? find(page.root.data) : undefined;
  if (!node) throw new Error(`no Taro node for <${el.tagName.toLowerCase()} data-sid=${sid}>`);
  return node;
}

export async function startWeapp(opts: { entry: string; persona?: string }): Promise<WeappSession> {
  for (const file of [path.join(DIST, 'app.js'), ...['guide', 'identity', 'booking', 'reissue'].map((fn) => path.join(ROOT, 'build', 'functions', fn, 'index.js'))]) {
    if (!existsSync(file)) throw new Error(`${path.relative(ROOT, file)} is missing: run \`npx tsx scripts/build-functions.ts && ${BUILD_COMMAND}\` first`);
  }
  const logged: string[] = [];
  const error = console.error;
  const warn = console.warn;
  console.error = (...args: unknown[]) => {
    logged.push(`error: ${args.map(String).join(' ')}`);
    error(...args);
  };
  console.warn = (...args: unknown[]) => {
    if (typeof args[0] === 'string' && args[0].startsWith('WXMLRT_')) return warn(...args);
    logged.push(`warn: ${args.map(String).join(' ')}`);
    warn(...args);
  };

  const cloud = await startLocalCloudForWx();
  let persona = opts.persona;
  const post = async (url: string, body: unknown) => {
    const res = await fetch(`${cloud.harness.cloud.url}${url}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(persona ? { [PERSONA_HEADER]: persona } : {}) },
      body: JSON.stringify(body),
    });
    return (await res.json()) as Record<string, unknown>;
  };
  const wx = createWxStandIns((name, data) => cloud.backendAs(persona as string)(name, data), {
    envIds: [process.env.TCB_ENV ?? LOCAL_ENV_ID],
    // The phone's upload goes to the local cloud's bucket with the storage protocol (the SDK's uploadFile).
    storeFile: (cloudPath, bytes) =>
      localApp(cloud.harness.cloud.url)
        .uploadFile({ cloudPath, fileContent: bytes })
        .then((r) => r.fileID),
    platform: {
      async payAtWeChat(pkg) {
        const answer = await post('/local/pay/confirm', { package: pkg, outcome: 'success' });
        if (answer.errMsg !== 'requestPayment:ok') throw { errMsg: String(answer.errMsg ?? 'requestPayment:fail') };
      },
      async faceResult(person, outcome) {
        const answer = await post('/local/face/verify', { name: person.name, idNumber: person.idCardNumber, outcome: outcome === 'pass' ? 'pass' : 'fail' });
        if (typeof answer.verifyResult !== 'string') throw { errMsg: String(answer.errMsg ?? 'startFacialRecognitionVerify:fail'), errCode: 10001, verifyResult: '' };
        return answer.verifyResult;
      },
    },
  });
  const mp = bootMiniProgram({ distDir: DIST, wx: wx.api, entry: opts.entry });
  return {
    cloud,
    wx,
    mp,
    actAs(openid) {
      persona = openid;
    },
    persona: () => persona,
    open: (route, query) => mp.openPage(route, query),
    tap: (page, el) =>
      wx.platform.gesture(() => (el.tagName.toLowerCase() === 'wx-button' ? sidNode(page, el).dispatchEvent('tap', { detail: { x: 0, y: 0 } }) : tapNode(page, el))),
    type(page, el, value) {
      sidNode(page, el).dispatchEvent('input', { detail: { value, cursor: value.length, keyCode: 0 } });
    },
    nodeOf: taroNode,
    agreePrivacy(page, button) {
      const node = taroNode(page, button);
      if (!Object.values(node).includes('agreePrivacyAuthorization')) throw new Error('not a button of open-type agreePrivacyAuthorization');
      wx.platform.privacy.buttonTapped(String(node.uid ?? node.sid));
      wx.platform.gesture(() => sidNode(page, button).dispatchEvent('agreeprivacyauthorization', { detail: {} }));
    },
    logged,
    functionErrors: () => cloud.harness.logs.filter((line) => /"outcome":"failed"/.test(line)),
    async close() {
      mp.close();
      console.error = error;
      console.warn = warn;
      await cloud.close();
    },
  };
}
