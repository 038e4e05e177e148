import { createHash, randomBytes } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { FaceIdentifyInfo } from '../core/identity/faceResult';
import { maskPhone } from '../core/privacy/mask';
import { PERSONA_HEADER } from './functionGateway';
import { personas } from './personas';
import { readJson as json, sendJson as send } from './localJson';
import { localNow } from './localClock';

export interface Notification {
  openid: string;
  text: string;
  at: string;
}

export interface SmsMessage {
  to: string;
  text: string;
  code: string;
  at: string;
}

const md5 = (s: string) => createHash('md5').update(s, 'utf8').digest('hex');

/**
 * The external services the local cloud plays, with their real interfaces:
 * - SMS: functions post texts to /local/sms; the console shows them (phone masked) and
 *   GET /local/sms lists them, so a developer (or a test) can read the code;
 * - WeChat 人脸核身: POST /local/face/verify plays `wx.startFacialRecognitionVerify` on H5 (the
 *   person chooses to pass or fail) and returns a verify_result; POST /local/face/getinfo answers
 *   like WeChat's `cityservice/face/identify/getinfo` for it;
 * - GET /local/personas: the demo personas the H5 app can sign in as;
 * - GET /local/clock { now, offsetMs }; POST /local/clock { at: ISO instant } moves the local clock
 *   there (functions, timers, stand-ins: HUKOU_LOCAL_CLOCK_OFFSET_MS), { offsetMs } sets the
 *   offset, {} returns to real time.
 * Times (a face check's finish_time, when a text was sent) are on the local clock (localClock.ts).
 */
export function createLocalServices(log: (line: string) => void = console.log, now: () => number = localNow) {
  const outbox: SmsMessage[] = [];
  const notifications: Notification[] = [];
  const faceResults = new Map<string, FaceIdentifyInfo>();

  async function handle(req: IncomingMessage, res: ServerResponse, pathname: string): Promise<void> {
    if (pathname === '/local/sms' && req.method === 'POST') {
      const body = await json(req);
      const message = { to: String(body.phone ?? ''), text: String(body.text ?? ''), code: String(body.code ?? ''), at: new Date(now()).toISOString() };
      outbox.push(message);
      if (outbox.length > 200) outbox.shift();
      log(`[短信] 发往 ${maskPhone(message.to)}：${message.text}`);
      return send(res, 200, { ok: true });
    }
    if (pathname === '/local/sms' && req.method === 'GET') {
      return send(res, 200, { messages: outbox.slice(-50).map((m) => ({ ...m, to: maskPhone(m.to) })) });
    }
    if (pathname === '/local/face/verify' && req.method === 'POST') {
      const body = await json(req);
      const openid = req.headers[PERSONA_HEADER];
      if (typeof openid !== 'string' || !body.name || !body.idNumber) return send(res, 400, { errMsg: 'startFacialRecognitionVerify:fail invalid params' });
      const verifyResult = randomBytes(24).toString('base64url');
      faceResults.set(verifyResult, {
        errcode: 0,
        errmsg: 'ok',
        identify_ret: body.outcome === 'pass' ? 0 : 10001,
        openid,
        finish_time: Math.floor(now() / 1000),
        id_card_number_md5: md5(String(body.idNumber).trim().toUpperCase()),
        name_utf8_md5: md5(String(body.name).trim()),
      });
      return send(res, 200, { errMsg: 'startFacialRecognitionVerify:ok', verifyResult });
    }
    if (pathname === '/local/face/getinfo' && req.method === 'POST') {
      const body = await json(req);
      const info = faceResults.get(String(body.verify_result ?? ''));
      if (!info) return send(res, 200, { errcode: 84001, errmsg: 'invalid verify_result', identify_ret: -1 });
      // Like WeChat: a result can be fetched, but it is not a reusable credential.
      faceResults.delete(String(body.verify_result));
      return send(res, 200, info);
    }
    if (pathname === '/local/notifications' && req.method === 'POST') {
      const body = await json(req);
      const n = { openid: String(body.openid ?? ''), text: String(body.text ?? ''), at: new Date(now()).toISOString() };
      notifications.push(n);
      if (notifications.length > 500) notifications.shift();
      log(`[订阅消息] 发给 ${n.openid}：${n.text}`);
      return send(res, 200, { ok: true });
    }
    if (pathname === '/local/notifications' && req.method === 'GET') {
      return send(res, 200, { notifications: notifications.slice(-50) });
    }
    if (pathname === '/local/clock' && req.method === 'POST') {
      const body = await json(req);
      const at = typeof body.at === 'string' ? Date.parse(body.at) : NaN;
      const offset = typeof body.at === 'string' ? at - Date.now() : body.offsetMs === undefined ? 0 : Number(body.offsetMs);
      if (!Number.isFinite(offset)) return send(res, 400, { error: 'PARAM_ERROR', message: 'at: an ISO instant (2026-12-03T18:30:00+08:00), or offsetMs: a number' });
      if (offset === 0) delete process.env.HUKOU_LOCAL_CLOCK_OFFSET_MS;
      else process.env.HUKOU_LOCAL_CLOCK_OFFSET_MS = String(Math.round(offset));
      log(`[时钟] 本地时钟现在是 ${new Date(now()).toISOString()}`);
      return send(res, 200, { now: new Date(now()).toISOString(), offsetMs: Math.round(offset) });
    }
    if (pathname === '/local/clock' && req.method === 'GET') {
      return send(res, 200, { now: new Date(now()).toISOString(), offsetMs: now() - Date.now() });
    }
    if (pathname === '/local/personas' && req.method === 'GET') {
      return send(res, 200, { personas: personas.map(({ openid, label, description }) => ({ openid, label, description })) });
    }
    send(res, 404, { error: 'unknown local service' });
  }

  return { outbox, notifications, handle };
}
