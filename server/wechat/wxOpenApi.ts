/**
 * WeChat server APIs through CloudBase's 云调用 (cloud call): `app.callWxOpenApi` of
 * @cloudbase/node-sdk. The platform authenticates the call as the mini-program the environment is
 * bound to, from the token it puts in the function's runtime (WX_API_TOKEN, or
 * WX_TRIGGER_API_TOKEN_V0 under a timer trigger): no AppSecret, no access_token, and no IP
 * whitelist, because the call leaves through CloudBase and not from the function's changing egress
 * IP. Each API must be declared in the function's cloud-call permissions (config/functions.ts
 * `openapi`, written into the bundle's config.json as `permissions.openapi`).
 *
 * On the wire (node-sdk 3.18 src/wx/index.ts): POST to the environment's API endpoint with
 * `{ action: 'wx.api', apiName, cgiName, requestData: JSON.stringify(requestData), …signature }`;
 * the platform answers `{ requestId, data: { responseData: '<WeChat's JSON answer>' } }`, which
 * the SDK returns as `{ result: <parsed answer>, requestId }`, or `{ code, message }`, which the
 * SDK throws. The local cloud answers the same request (devcloud/wxOpenApi.ts).
 */
import type { CloudBaseApp } from '../cloudbase/app';

/** The cloud-call APIs the adapters use: name as WeChat documents it (`<category>.<method>`). */
export const WX_OPEN_APIS = {
  /** 发送订阅消息, HTTPS `POST /cgi-bin/message/subscribe/send`. */
  subscribeMessageSend: 'subscribeMessage.send',
} as const;

export type WxOpenApiName = (typeof WX_OPEN_APIS)[keyof typeof WX_OPEN_APIS];

/** The part of the CloudBase app this module needs (tests hand in the real SDK pointed elsewhere). */
export type WxOpenApiCaller = Pick<CloudBaseApp, 'callWxOpenApi'>;

/** A WeChat answer: `errcode` 0 (or absent) on success, with the API's own fields. */
export interface WxAnswer {
  errcode?: number;
  errmsg?: string;
  [field: string]: unknown;
}

/**
 * Why a cloud call failed, without the request's data in the message (it may name a person).
 * - `wechat`: WeChat answered with a non-zero `errcode` (e.g. 43101: the user did not subscribe);
 * - `platform`: CloudBase refused or failed the call (`code`, e.g. an API missing from the
 *   function's permissions) or the request never got an answer;
 * - `malformed`: the answer was not a JSON object.
 */
export class WxOpenApiError extends Error {
  constructor(
    readonly apiName: string,
    readonly kind: 'wechat' | 'platform' | 'malformed',
    /** WeChat's errcode (kind `wechat`) or CloudBase's code (kind `platform`), when there is one. */
    readonly code: number | string | undefined,
    detail: string,
  ) {
    super(`cloud call ${apiName} failed: ${detail}`);
    this.name = 'WxOpenApiError';
  }
}

/** WeChat's errcodes that the adapters name. */
export const WX_ERRCODE = {
  /** 订阅消息: the user refused the message, or used up the one-time subscription. */
  userRefused: 43101,
} as const;

const DETAIL_MAX = 200;
const short = (s: unknown): string => String(s ?? '').slice(0, DETAIL_MAX);

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/**
 * Calls one WeChat API through 云调用 and returns WeChat's answer when its errcode is 0 (or absent);
 * throws WxOpenApiError otherwise.
 */
export async function callWxOpenApi<T extends WxAnswer>(app: WxOpenApiCaller, apiName: WxOpenApiName, requestData: Record<string, unknown>): Promise<T> {
  let answer: unknown;
  try {
    // cgiName commrpcv2: the JSON-in, JSON-out cloud call, as wx-server-sdk 4.x's callOpenAPI sends it.
    answer = await app.callWxOpenApi({ apiName, requestData, cgiName: 'commrpcv2' });
  } catch (e) {
    const err = e as { code?: unknown; message?: unknown };
    const code = typeof err?.code === 'string' || typeof err?.code === 'number' ? err.code : undefined;
    throw new WxOpenApiError(apiName, 'platform', code, `${code ?? 'no answer'} ${short(err?.message)}`.trim());
  }
  // With the SDK's default throwOnCode a platform error was thrown above; without it, it is returned.
  if (isObject(answer) && typeof answer.code === 'string' && answer.code) {
    throw new WxOpenApiError(apiName, 'platform', answer.code, `${answer.code} ${short(answer.message)}`.trim());
  }
  const result = isObject(answer) ? answer.result : undefined;
  if (!isObject(result)) {
    throw new WxOpenApiError(
      apiName,
      'malformed',
      undefined,
      `the answer is not a JSON object (${typeof result === 'string' ? `text of ${result.length} characters` : typeof result})`,
    );
  }
  if (result.errcode !== undefined && typeof result.errcode !== 'number') {
    throw new WxOpenApiError(apiName, 'malformed', undefined, 'errcode is not a number');
  }
  if (typeof result.errcode === 'number' && result.errcode !== 0) {
    throw new WxOpenApiError(apiName, 'wechat', result.errcode, `errcode ${result.errcode} ${short(result.errmsg)}`.trim());
  }
  return result as T;
}
