import { randomBytes } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { readJson, sendJson } from './localJson';

/**
 * The local cloud's stand-in of api.weixin.qq.com for the HTTPS APIs the functions still call with
 * an access token (WeChat offers no 云调用 for face verification), mounted at `/wx`:
 * - GET  /wx/cgi-bin/token?grant_type=client_credential&appid=…&secret=… → { access_token, expires_in }
 *   when appid and secret are the functions' own (WX_APPID, WX_APPSECRET of this process), else
 *   WeChat's errcode 40013 (appid) or 40125 (secret);
 * - POST /wx/cityservice/face/identify/getinfo?access_token=… { verify_result } → the result of the
 *   local face check (localServices.ts), or 40001 for a token this stand-in did not issue.
 * So the production adapters (server/wechat/accessToken.ts, WeChatFaceVerifier.ts) run unchanged.
 */
export interface LocalWeChatApiOptions {
  /** WeChat's getinfo answer for a verify_result (localServices.takeFaceResult). */
  faceResult(verifyResult: string): unknown;
  /** The credentials the functions were given; read at each request (the dev values are set after start). */
  credentials?: () => { appid?: string; secret?: string };
}

const TOKEN_SECONDS = 7200;

export function createLocalWeChatApi(opts: LocalWeChatApiOptions) {
  const credentials = opts.credentials ?? (() => ({ appid: process.env.WX_APPID, secret: process.env.WX_APPSECRET }));
  const tokens = new Set<string>();

  /** True when the request was one of this stand-in's. */
  async function handle(req: IncomingMessage, res: ServerResponse, pathname: string): Promise<boolean> {
    const query = new URL(req.url ?? '/', 'http://local').searchParams;
    if (pathname === '/wx/cgi-bin/token' && req.method === 'GET') {
      const own = credentials();
      if (query.get('grant_type') !== 'client_credential') sendJson(res, 200, { errcode: 40002, errmsg: 'invalid grant_type' });
      else if (!own.appid || query.get('appid') !== own.appid) sendJson(res, 200, { errcode: 40013, errmsg: 'invalid appid' });
      else if (!own.secret || query.get('secret') !== own.secret) sendJson(res, 200, { errcode: 40125, errmsg: 'invalid appsecret' });
      else {
        const token = `local-${randomBytes(16).toString('hex')}`;
        tokens.add(token);
        sendJson(res, 200, { access_token: token, expires_in: TOKEN_SECONDS });
      }
      return true;
    }
    if (pathname === '/wx/cityservice/face/identify/getinfo' && req.method === 'POST') {
      const body = await readJson(req);
      if (!tokens.has(query.get('access_token') ?? '')) sendJson(res, 200, { errcode: 40001, errmsg: 'invalid credential, access_token is invalid or not latest' });
      else sendJson(res, 200, opts.faceResult(String(body.verify_result ?? '')));
      return true;
    }
    return false;
  }

  return { handle };
}
