import type { HandoverApplication } from '../../core/business/handoverAtWindow';
import type { Database } from '../cloudbase/app';

/**
 * The business application whose hall handover names an appointment (`business_applications`,
 * index handover_appointment), read by the booking function when the citizen checks in. Only what
 * the window shows is kept of it.
 */
export class CloudbaseHandoverApplications {
  constructor(private readonly db: Database) {}

  async forAppointment(appointmentId: string): Promise<HandoverApplication | null> {
    const res = await this.db.collection('business_applications').where({ 'handover.appointmentId': appointmentId }).limit(1).get();
    const doc = (res.data ?? [])[0] as HandoverApplication | undefined;
    if (!doc) return null;
    const { _id, kind, state, hallId, applicant, materialList, handover, refNumber } = doc;
    return { _id, kind, state, hallId, applicant, materialList, handover, ...(refNumber ? { refNumber } : {}) };
  }
}
