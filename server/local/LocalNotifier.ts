import type { Notifier } from '../../core/booking/ports';
import { postJson } from '../http/httpClient';

/** Local stand-in: the local cloud records the reminder and shows it in its console. */
export class LocalNotifier implements Notifier {
  constructor(private readonly cloudUrl: string) {}

  async remindAppointment(openid: string, r: { hallName: string; businessTitle: string; date: string; start: string; end: string }): Promise<void> {
    await postJson(`${this.cloudUrl}/local/notifications`, {
      openid,
      text: `【预约提醒】您预约了 ${r.date} ${r.start}–${r.end} 在${r.hallName}办理「${r.businessTitle}」，请携带材料按时到达。`,
    });
  }
}
