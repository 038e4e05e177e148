import Taro from '@tarojs/taro';
import { errorCatalogue, type ErrorCode } from '../../core/errors/catalogue';
import type { FunctionResponse } from '../../core/function/envelope';
import { localPersona } from './localPersona';

/** A function answered with a catalogue error, or the request never arrived. */
export class ApiError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

function requestId(): string {
  return `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 10)}`;
}

function unwrap<T>(response: unknown): T {
  const envelope = response as FunctionResponse<T> | undefined;
  if (envelope && envelope.ok === true) return envelope.data;
  if (envelope && envelope.ok === false && envelope.error) {
    throw new ApiError(envelope.error.code, envelope.error.message);
  }
  throw new ApiError('INTERNAL', errorCatalogue.INTERNAL);
}

async function viaCloud(fn: string, payload: object): Promise<unknown> {
  const result = await Taro.cloud.callFunction({ name: fn, data: payload });
  return result.result;
}

async function viaLocalCloud(fn: string, payload: object): Promise<unknown> {
  const persona = localPersona();
  const response = await Taro.request({
    url: `/fn/${fn}`,
    method: 'POST',
    data: payload,
    header: persona ? { 'content-type': 'application/json', 'X-Local-Openid': persona } : { 'content-type': 'application/json' },
    timeout: 20000,
  });
  return response.data;
}

/**
 * Calls one action of one cloud function. On weapp through `Taro.cloud.callFunction`; the H5 build
 * talks to the local cloud's gateway. Resolves with the action's data or throws an ApiError whose
 * message can be shown as it is.
 */
export async function call<T>(fn: string, action: string, data: object = {}): Promise<T> {
  const payload = { action, data, requestId: requestId() };
  let response: unknown;
  try {
    response = process.env.TARO_ENV === 'weapp' ? await viaCloud(fn, payload) : await viaLocalCloud(fn, payload);
  } catch {
    throw new ApiError('NETWORK_UNAVAILABLE', errorCatalogue.NETWORK_UNAVAILABLE);
  }
  return unwrap<T>(response);
}
