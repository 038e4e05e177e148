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
    return (await this.forAppointments([appointmentId]))[0] ?? null;
  }

  async forAppointments(appointmentIds: readonly string[]): Promise<HandoverApplication[]> {
    if (appointmentIds.length === 0) return [];
    const _ = this.db.command;
    const where = appointmentIds.length === 1 ? appointmentIds[0] : _.in([...appointmentIds]);
    const res = await this.db.collection('business_applications').where({ 'handover.appointmentId': where }).limit(appointmentIds.length).get();
    return ((res.data ?? []) as HandoverApplication[]).map(({ _id, kind, state, hallId, applicant, materialList, handover, refNumber }) => ({
      _id,
      kind,
      state,
      hallId,
      applicant,
      materialList,
      handover,
      ...(refNumber ? { refNumber } : {}),
    }));
  }
}
