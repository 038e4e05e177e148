/**
 * The local cloud's 云调用 (cloud call): answers @cloudbase/node-sdk's `callWxOpenApi` request at the
 * same endpoint as the database (`POST /admin`), so the functions' cloud-call adapters
 * (server/wechat/wxOpenApi.ts) run here exactly as in production.
 *
 * The request (node-sdk 3.18 src/wx/index.ts) is JSON:
 * `{ action: 'wx.api', apiName, cgiName?, requestData: '<JSON text>', envName, wxCloudApiToken, … }`.
 * The answer is what CloudBase sends: `{ data: { responseData: '<WeChat's JSON answer as text>' } }`
 * (the SDK parses it into `result`), or `{ code, message }` when the platform refuses the call,
 * which the SDK throws. Like the platform, only APIs declared in a function's cloud-call
 * permissions (config/functions.ts `openapi`) are served: a forgotten declaration fails here first.
 */

/** A WeChat server API's JSON answer. */
export type WxAnswer = { errcode: number; errmsg: string } & Record<string, unknown>;

/** One emulated WeChat API: takes the parsed requestData, answers as WeChat would. */
export type EmulatedWxApi = (requestData: Record<string, unknown>) => WxAnswer | Promise<WxAnswer>;

export interface LocalWxOpenApiOptions {
  /** Every API name declared in some function's cloud-call permissions. */
  permitted: ReadonlySet<string>;
  /** The APIs the local cloud plays, by cloud-call name (e.g. `subscribeMessage.send`). */
  apis: Readonly<Record<string, EmulatedWxApi>>;
}

/** The SDK actions of the 云调用 family; the others (database.*) are the database emulator's. */
export const CLOUD_CALL_ACTION = 'wx.api';

/**
 * Answers an SDK request of action `wx.api`; undefined for any other action (the database
 * emulator's, and cloud-call variants the local cloud does not play, which it then refuses).
 */
export function createLocalWxOpenApi(opts: LocalWxOpenApiOptions): (body: Record<string, unknown>) => Promise<Record<string, unknown>> | undefined {
  async function answer(body: Record<string, unknown>): Promise<Record<string, unknown>> {
    const { apiName } = body;
    if (typeof apiName !== 'string' || apiName === '') return { code: 'INVALID_PARAM', message: 'apiName is required' };
    if (!opts.permitted.has(apiName)) {
      return { code: 'PERMISSION_DENIED', message: `-604101 no permission: ${apiName} is not declared (config/functions.ts openapi)` };
    }
    const api = opts.apis[apiName];
    if (!api) return { code: 'INVALID_PARAM', message: `the local cloud does not play the WeChat API ${apiName}` };
    let requestData: unknown;
    try {
      requestData = typeof body.requestData === 'string' && body.requestData !== '' ? JSON.parse(body.requestData) : {};
    } catch {
      return { code: 'INVALID_PARAM', message: 'requestData is not JSON text' };
    }
    if (!requestData || typeof requestData !== 'object' || Array.isArray(requestData)) return { code: 'INVALID_PARAM', message: 'requestData must be a JSON object' };
    const wechat = await api(requestData as Record<string, unknown>);
    return { data: { responseData: JSON.stringify(wechat) } };
  }
  return (body) => (body.action === CLOUD_CALL_ACTION ? answer(body) : undefined);
}
