import Taro from '@tarojs/taro';
import type { ErrorCode } from '../../core/errors/catalogue';
import { pageMessages } from '../../core/errors/pageMessages';
import type { FunctionResponse } from '../../core/function/envelope';
import { answerKey, askingEarly, keepEarly, takeEarly } from './earlyAnswers';
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

/** A fresh request id (8–64 of `A-Za-z0-9_-`, as the envelope takes it). */
function freshRequestId(): string {
  return `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 10)}`;
}

function unwrap<T>(response: unknown): T {
  const envelope = response as FunctionResponse<T> | undefined;
  if (envelope && envelope.ok === true) return envelope.data;
  if (envelope && envelope.ok === false && envelope.error) {
    throw new ApiError(envelope.error.code, envelope.error.message);
  }
  throw new ApiError('INTERNAL', pageMessages.INTERNAL);
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
 *
 * `requestId` is the envelope's request id: a repeatable write (reserve, cancel, apply, pay, …) is
 * done once per id, and the id is bound to that action and input. Retry a write that may not have
 * happened with the SAME id and the same input (see retryWithSameId); anything else gets a new id.
 * Without one, each call gets a fresh id.
 */
/**
 * H5: a read started early for the opening page (src/services/earlyAnswers.ts) answers it, once;
 * any other call goes to the gateway now. Reached only on H5, so the weapp main package leaves
 * earlyAnswers out.
 */
function earlyOrNow(fn: string, action: string, data: object, payload: object): Promise<unknown> {
  const key = answerKey(fn, action, data, localPersona());
  const early = askingEarly() ? undefined : takeEarly(key);
  if (early) return early;
  const sent = viaLocalCloud(fn, payload);
  if (askingEarly()) keepEarly(key, sent);
  return sent;
}

export async function call<T>(fn: string, action: string, data: object = {}, requestId: string = freshRequestId()): Promise<T> {
  const payload = { action, data, requestId };
  const sent = process.env.TARO_ENV === 'weapp' ? viaCloud(fn, payload) : earlyOrNow(fn, action, data, payload);
  let response: unknown;
  try {
    response = await sent;
  } catch {
    throw new ApiError('NETWORK_UNAVAILABLE', pageMessages.NETWORK_UNAVAILABLE);
  }
  return unwrap<T>(response);
}
