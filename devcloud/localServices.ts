import { createHash, randomBytes } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { FaceIdentifyInfo } from '../core/identity/faceResult';
import { maskPhone } from '../core/privacy/mask';
import { PERSONA_HEADER } from './functionGateway';
import { personas } from './personas';
import { readJson as json, sendJson as send } from './localJson';
import { localNow } from './localClock';

/** A subscribe message the functions sent through 云调用 (`subscribeMessage.send`). */
export interface Notification {
  openid: string;
  templateId: string;
  /** The template's fields as sent, e.g. `{ time2: { value: '2026年12月2日 09:00' } }`. */
  data: Record<string, { value: string }>;
  /** What the console shows. */
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
 *   person chooses to pass or fail) and returns a verify_result; the local WeChat API
 *   (localWeChatApi.ts, `cityservice/face/identify/getinfo`) answers for it through `takeFaceResult`;
 * - WeChat 订阅消息: `subscribeSend` answers the functions' cloud call `subscribeMessage.send`
 *   (wxOpenApi.ts) as WeChat would, keeps the message (GET /local/notifications lists them) and
 *   refuses with 43101 for a person who declined reminders (`declineReminders`);
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
  const declined = new Set<string>();

  /** WeChat's answer to getinfo for a verify_result; a result is consumed, not a reusable credential. */
  function takeFaceResult(verifyResult: string): FaceIdentifyInfo | { errcode: number; errmsg: string; identify_ret: number } {
    const info = faceResults.get(verifyResult);
    if (!info) return { errcode: 84001, errmsg: 'invalid verify_result', identify_ret: -1 };
    faceResults.delete(verifyResult);
    return info;
  }

  /** `subscribeMessage.send` as WeChat answers it (errcodes of its documentation). */
  function subscribeSend(request: Record<string, unknown>): { errcode: number; errmsg: string; msgid?: number } {
    const openid = typeof request.touser === 'string' ? request.touser : '';
    const templateId = typeof request.template_id === 'string' ? request.template_id : '';
    if (!openid) return { errcode: 40003, errmsg: 'invalid openid' };
    if (!templateId) return { errcode: 40037, errmsg: 'invalid template_id' };
    const data: Record<string, { value: string }> = {};
    const fields = request.data && typeof request.data === 'object' ? (request.data as Record<string, unknown>) : {};
    for (const [key, field] of Object.entries(fields)) {
      const value = field && typeof field === 'object' ? (field as { value?: unknown }).value : undefined;
      // WeChat's limits: thing ≤ 20 characters, phrase ≤ 5.
      if (typeof value !== 'string' || (key.startsWith('thing') && value.length > 20) || (key.startsWith('phrase') && value.length > 5))
        return { errcode: 47003, errmsg: `argument invalid! data.${key}.value invalid` };
      data[key] = { value };
    }
    if (declined.has(openid)) return { errcode: 43101, errmsg: 'user refuse to accept the msg' };
    // As the citizen would read it: the progress notice (a phrase2 status) or the appointment reminder.
    const text = data.phrase2
      ? `【办理进度】${data.thing1?.value ?? ''}：${data.phrase2.value}（${data.time3?.value ?? ''}）${data.thing4?.value ?? ''}`
      : `【预约提醒】您预约了 ${data.time2?.value ?? ''} 在${data.thing1?.value ?? ''}办理「${data.thing3?.value ?? ''}」，请携带材料按时到达。`;
    const n = { openid, templateId, data, text, at: new Date(now()).toISOString() };
    notifications.push(n);
    if (notifications.length > 500) notifications.shift();
    log(`[订阅消息] 发给 ${n.openid}：${n.text}`);
    return { errcode: 0, errmsg: 'ok', msgid: notifications.length };
  }

  /** From now on this person's subscribe messages are refused (43101), as after declining them. */
  function declineReminders(openid: string): void {
    declined.add(openid);
  }

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

  return { outbox, notifications, handle, takeFaceResult, subscribeSend, declineReminders };
}
