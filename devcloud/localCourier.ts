import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ShipmentState } from '../core/reissue/ports';
import { readJson, sendJson } from './localJson';

/**
 * The local cloud's carrier: shipments in memory, keyed by tracking number, answering tracking
 * queries as server/courier/Kuaidi100Courier.ts's result (the port's `Tracking`, times in ISO).
 * Functions reach it through server/local/LocalCourier.ts.
 *
 * - POST /local/courier/shipments { trackingNumber, courierCode?, deliverAfterTracks? } registers a
 *   shipment in transit (again: unchanged). A number first seen by `track` or `advance` is
 *   registered then, so whatever number an officer types is trackable;
 * - POST /local/courier/track { courierCode, trackingNumber } → { state, events } (oldest first);
 *   the shipment is delivered by itself on its `deliverAfterTracks`-th query (0: never), or on the
 *   first query once `deliverAfterMs` has passed on the stand-in's clock since it was picked up
 *   (npm start: the courier progresses with the local clock, moved by HUKOU_LOCAL_CLOCK_OFFSET_MS);
 * - POST /local/courier/advance { trackingNumber, to?: 'delivered' | 'returned' } moves a shipment in
 *   transit to `to` (default delivered); one already delivered or returned is refused (409);
 * - GET  /local/courier/shipments every shipment, for a developer.
 */

export interface LocalShipment {
  trackingNumber: string;
  courierCode: string;
  state: Exclude<ShipmentState, 'unknown'>;
  events: Array<{ at: string; description: string; location?: string }>;
  /** How many times `track` asked about it. */
  tracks: number;
  /** Delivered by itself on this query (0: only by `advance`). */
  deliverAfterTracks: number;
  /** When it was picked up, on the stand-in's clock (ms). */
  pickedUpAt: number;
}

export interface LocalCourierOptions {
  now?: () => number;
  /** Default of `deliverAfterTracks` for new shipments (default 0: only `advance` moves them). */
  autoDeliverAfterTracks?: number;
  /** Delivered by itself when tracked this long after pickup (unset: not by time). */
  deliverAfterMs?: number;
  log?: (line: string) => void;
}

const TRACKING_NUMBER = /^[A-Za-z0-9-]{6,40}$/;
const WHERE = '海南,海口市';

export function createLocalCourier(opts: LocalCourierOptions = {}) {
  const now = opts.now ?? Date.now;
  const log = opts.log ?? console.log;
  const shipments = new Map<string, LocalShipment>();
  const text = (v: unknown) => (typeof v === 'string' ? v.trim() : '');

  function event(s: LocalShipment, description: string): void {
    s.events.push({ at: new Date(now()).toISOString(), description, location: WHERE });
  }

  function shipment(trackingNumber: string, courierCode: string, deliverAfterTracks?: number): LocalShipment {
    const known = shipments.get(trackingNumber);
    if (known) return known;
    const s: LocalShipment = {
      trackingNumber,
      courierCode: courierCode || 'local',
      state: 'inTransit',
      events: [],
      tracks: 0,
      deliverAfterTracks: deliverAfterTracks ?? opts.autoDeliverAfterTracks ?? 0,
      pickedUpAt: now(),
    };
    event(s, '【本地快递】快件已揽收');
    shipments.set(trackingNumber, s);
    return s;
  }

  function move(s: LocalShipment, to: 'delivered' | 'returned'): void {
    s.state = to;
    event(s, to === 'delivered' ? '【本地快递】快件已签收，签收人：本人' : '【本地快递】收件人拒收，快件已退回寄件人');
    log(`[快递] ${s.trackingNumber} ${to === 'delivered' ? '已签收' : '已退回'}`);
  }

  const tracking = (s: LocalShipment) => ({ state: s.state, events: s.events });

  async function register(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const b = await readJson(req);
    const trackingNumber = text(b.trackingNumber);
    if (!TRACKING_NUMBER.test(trackingNumber)) return sendJson(res, 400, { error: 'PARAM_ERROR', message: 'trackingNumber: 6–40 letters, digits or dashes' });
    const after = Number(b.deliverAfterTracks);
    sendJson(res, 200, shipment(trackingNumber, text(b.courierCode), Number.isInteger(after) && after >= 0 ? after : undefined));
  }

  async function track(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const b = await readJson(req);
    const trackingNumber = text(b.trackingNumber);
    if (!TRACKING_NUMBER.test(trackingNumber)) return sendJson(res, 200, { state: 'unknown', events: [], note: 'local courier: no such tracking number' });
    const s = shipment(trackingNumber, text(b.courierCode));
    s.tracks += 1;
    const byTracks = s.deliverAfterTracks > 0 && s.tracks >= s.deliverAfterTracks;
    const byTime = opts.deliverAfterMs !== undefined && now() - s.pickedUpAt >= opts.deliverAfterMs;
    if (s.state === 'inTransit' && (byTracks || byTime)) move(s, 'delivered');
    sendJson(res, 200, tracking(s));
  }

  async function advance(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const b = await readJson(req);
    const trackingNumber = text(b.trackingNumber);
    const to = b.to === undefined ? 'delivered' : b.to;
    if (!TRACKING_NUMBER.test(trackingNumber) || (to !== 'delivered' && to !== 'returned')) {
      return sendJson(res, 400, { error: 'PARAM_ERROR', message: "trackingNumber, and to: 'delivered' or 'returned'" });
    }
    const s = shipment(trackingNumber, text(b.courierCode));
    if (s.state !== 'inTransit') return sendJson(res, 409, { error: 'STATE_CONFLICT', message: `shipment ${trackingNumber} is already ${s.state}` });
    move(s, to);
    sendJson(res, 200, tracking(s));
  }

  const routes: Record<string, (req: IncomingMessage, res: ServerResponse) => Promise<void>> = {
    'POST /local/courier/shipments': register,
    'POST /local/courier/track': track,
    'POST /local/courier/advance': advance,
    'GET /local/courier/shipments': async (_req, res) => sendJson(res, 200, { shipments: [...shipments.values()] }),
  };

  /** Answers the request and returns true when it is one of this stand-in's routes. */
  async function handle(req: IncomingMessage, res: ServerResponse, pathname: string): Promise<boolean> {
    const route = routes[`${req.method} ${pathname}`];
    if (!route) return false;
    await route(req, res);
    return true;
  }

  return { shipments, handle };
}
