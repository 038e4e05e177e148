/**
 * CloudBase's HTTP access service (HTTP 访问服务) as a function sees it: a request on a declared path
 * of the environment's domain runs the function with an "integrated request" (集成请求) as its
 * event, and the function's "integrated response" (集成响应) becomes the HTTP answer
 * (docs.cloudbase.net/service/access-cloud-function):
 * - event: { path, httpMethod, headers (one string per name), multiValueHeaders?,
 *   queryStringParameters, requestContext: { requestId, envId, appId, uin }, body,
 *   isBase64Encoded } — a binary body arrives base64 with isBase64Encoded true;
 * - answer: { statusCode, headers, body, isBase64Encoded } (a plain string or object is answered
 *   200 as text or JSON; this project always answers an integrated response).
 * The local cloud's function gateway builds the same event (devcloud/functionGateway.ts).
 */

export interface HttpAccessEvent {
  path: string;
  httpMethod: string;
  headers: Record<string, string>;
  multiValueHeaders?: Record<string, string[]>;
  queryStringParameters?: Record<string, string>;
  requestContext?: Record<string, unknown>;
  body?: string;
  isBase64Encoded?: boolean;
}

export interface IntegratedResponse {
  statusCode: number;
  headers: Record<string, string>;
  body: string;
  isBase64Encoded: boolean;
}

/** A request as the function reads it: header names in lower case, the body as the exact text sent. */
export interface HttpRequest {
  method: string;
  path: string;
  header(name: string): string | undefined;
  body: string;
}

/** The event when it is an integrated request (an HTTP access call), else undefined. */
export function httpRequestOf(event: unknown): HttpRequest | undefined {
  if (!event || typeof event !== 'object') return undefined;
  const e = event as Partial<HttpAccessEvent>;
  if (typeof e.httpMethod !== 'string' || typeof e.path !== 'string' || !e.headers || typeof e.headers !== 'object') return undefined;
  const headers = new Map<string, string>();
  for (const [name, value] of Object.entries(e.headers)) if (typeof value === 'string') headers.set(name.toLowerCase(), value);
  const raw = typeof e.body === 'string' ? e.body : '';
  // The signature covers the exact bytes WeChat Pay sent: decode base64 to them, never re-serialise.
  const body = e.isBase64Encoded === true ? Buffer.from(raw, 'base64').toString('utf8') : raw;
  return { method: e.httpMethod.toUpperCase(), path: e.path, header: (name) => headers.get(name.toLowerCase()), body };
}

export function jsonResponse(statusCode: number, body: unknown): IntegratedResponse {
  return { statusCode, headers: { 'content-type': 'application/json; charset=utf-8' }, body: JSON.stringify(body), isBase64Encoded: false };
}

export function emptyResponse(statusCode: number): IntegratedResponse {
  return { statusCode, headers: {}, body: '', isBase64Encoded: false };
}
