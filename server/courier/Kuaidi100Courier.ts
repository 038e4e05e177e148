import { createHash } from 'node:crypto';
import type { Courier, ShipmentState, Tracking, TrackingEvent } from '../../core/reissue/ports';
import { postForm } from '../http/httpClient';

/**
 * Production tracking: Kuaidi100 (快递100) 实时快递查询, as documented at api.kuaidi100.com:
 * `POST https://poll.kuaidi100.com/poll/query.do`, form-encoded `customer` (our account's
 * 授权码), `param` (JSON: com, num, phone, resultv2) and `sign` = upper-case MD5 of
 * param + key + customer. It answers `{ message: 'ok', status: '200', state, ischeck, data: [{ time,
 * context, areaName, location, status, statusCode }] }`, newest first, or a refusal
 * `{ result: false, returnCode, message }` (400 bad parameters, 408 phone required or wrong, 500
 * no result yet, 501/502 server trouble, 503 bad signature, 601 key expired or out of quota),
 * which becomes state 'unknown' with the code in `note`.
 *
 * With resultv2 '4' the state is Kuaidi100's detailed status (高级物流状态): 3-digit codes in the
 * family of their first digit, 1001–1003 in transit. Kuaidi100 asks that one number is not
 * queried more often than every half hour or so (it may lock it): the poller's business.
 *
 * Environment (declared in config/environment.ts):
 * - HUKOU_KUAIDI100_CUSTOMER   the account's customer id (授权码 customer);
 * - HUKOU_KUAIDI100_KEY        the account's key (授权key) — secret.
 */

export interface Kuaidi100Config {
  customer: string;
  key: string;
  /** https://poll.kuaidi100.com/poll/query.do unless testing. */
  url?: string;
  timeoutMs?: number;
}

/** Our carrier codes (as officers enter them) to Kuaidi100's company codes; others pass unchanged. */
const COMPANY: Record<string, string> = {
  sf: 'shunfeng',
  ems: 'ems',
  chinapost: 'youzhengguonei',
  post: 'youzhengguonei',
  jd: 'jd',
  yto: 'yuantong',
  zto: 'zhongtong',
  sto: 'shentong',
  yd: 'yunda',
  yunda: 'yunda',
};

const DELIVERED = new Set(['3', '301', '302', '303', '304']);
/** 4 退签 (the sender signed it back), 401 已销单, 6 退回 (on its way back), 14 拒签. */
const RETURNED = new Set(['4', '401', '6', '14']);
/**
 * 0 在途 (1001 到达派件城市, 1002 干线, 1003 转递), 1 揽收 (101–103), 2 疑难 (201–210: late,
 * refused pending, unreachable…: still with the carrier), 5 派件 (501 投柜或驿站), 7 转投, 8 and
 * 10–13 清关.
 */
const IN_TRANSIT = new Set(['0', '1001', '1002', '1003', '1', '101', '102', '103', '2', '5', '501', '7', '8', '10', '11', '12', '13']);

export function shipmentState(kuaidi100State: string): ShipmentState {
  if (DELIVERED.has(kuaidi100State)) return 'delivered';
  if (RETURNED.has(kuaidi100State)) return 'returned';
  if (IN_TRANSIT.has(kuaidi100State) || /^2\d\d$/.test(kuaidi100State)) return 'inTransit';
  return 'unknown';
}

interface Kuaidi100Answer {
  message?: string;
  status?: string;
  state?: string;
  result?: boolean;
  returnCode?: string;
  data?: Array<{ time?: string; ftime?: string; context?: string; areaName?: string | null; location?: string | null }>;
}

/** Kuaidi100 writes Beijing time without a zone: 2026-11-23 09:41:07. */
function beijing(time: string | undefined): Date | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2})(?::(\d{2}))?$/.exec(time?.trim() ?? '');
  if (!m) return undefined;
  const [, y, mo, d, h, mi, s] = m.map(Number);
  return new Date(Date.UTC(y, mo - 1, d, h - 8, mi, Number.isNaN(s) ? 0 : s));
}

const md5Upper = (s: string) => createHash('md5').update(s, 'utf8').digest('hex').toUpperCase();

export class Kuaidi100Courier implements Courier {
  constructor(private readonly config: Kuaidi100Config) {}

  async track(courierCode: string, trackingNumber: string, phone?: string): Promise<Tracking> {
    const com = COMPANY[courierCode.trim().toLowerCase()] ?? courierCode.trim().toLowerCase();
    const param = JSON.stringify({ com, num: trackingNumber.trim(), ...(phone ? { phone } : {}), resultv2: '4' });
    const sign = md5Upper(param + this.config.key + this.config.customer);
    const answer = await postForm<Kuaidi100Answer>(
      this.config.url ?? 'https://poll.kuaidi100.com/poll/query.do',
      { customer: this.config.customer, sign, param },
      {},
      this.config.timeoutMs,
    );
    if (answer.result === false || answer.status !== '200') {
      const code = answer.returnCode ?? answer.status ?? '?';
      const message = String(answer.message ?? '')
        .split(this.config.key)
        .join('***')
        .slice(0, 120);
      return { state: 'unknown', events: [], note: `Kuaidi100 ${code}: ${message}`.trim() };
    }
    const events: TrackingEvent[] = [];
    for (const d of answer.data ?? []) {
      const at = beijing(d.time) ?? beijing(d.ftime);
      if (!at || !d.context) continue;
      const location = d.areaName || d.location || undefined;
      events.push({ at, description: d.context, ...(location ? { location } : {}) });
    }
    events.sort((a, b) => a.at.getTime() - b.at.getTime());
    const state = shipmentState(String(answer.state ?? ''));
    return state === 'unknown' ? { state, events, note: `Kuaidi100 state ${String(answer.state)}` } : { state, events };
  }
}
