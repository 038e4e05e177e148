import type { Courier, Tracking } from '../../core/reissue/ports';
import { postJson } from '../http/httpClient';

interface TrackingAnswer {
  state: Tracking['state'];
  events: Array<{ at: string; description: string; location?: string }>;
  note?: string;
}

/**
 * Local stand-in for the carrier: the local cloud's courier (devcloud/localCourier.ts) answers as
 * the production adapter would; a developer or a test moves shipments with /local/courier/advance.
 * The phone is not sent: the stand-in does not need it.
 */
export class LocalCourier implements Courier {
  constructor(private readonly cloudUrl: string) {}

  async track(courierCode: string, trackingNumber: string): Promise<Tracking> {
    const a = await postJson<TrackingAnswer>(`${this.cloudUrl}/local/courier/track`, { courierCode, trackingNumber });
    const events = a.events.map((e) => ({ at: new Date(e.at), description: e.description, ...(e.location ? { location: e.location } : {}) }));
    return { state: a.state, events, ...(a.note ? { note: a.note } : {}) };
  }
}
