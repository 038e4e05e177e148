import type { Account } from '../identity/Account';
import { FIELD } from '../identity/fieldNames';
import { recordAudit } from '../identity/recordAudit';
import { maskName } from '../privacy/mask';
import type { Appointment } from './Appointment';
import type { BookingDeps } from './BookingDeps';

/** The acts on an appointment done for a family member, each audited as `appointment.<act>For`. */
export type ActOnAppointment = 'reserve' | 'cancel' | 'reschedule';

/**
 * The audit record of booking, cancelling or rescheduling for a family member: who acted (the
 * account), for whom (the member's resident id and masked name), which appointment at which hall,
 * when. Its id follows from `requestKey`, an id the action derived from the request, so a retried
 * request (or one resumed after failing half-way) records it once. A person's acts for themselves
 * are not audited: the appointment itself is their record.
 */
export async function auditActingFor(deps: BookingDeps, account: Account, appointment: Appointment, act: ActOnAppointment, requestKey: string): Promise<void> {
  if (!appointment.actedFor) return;
  await recordAudit(deps, account, {
    id: deps.idFor(`audit:${act}:${requestKey}`),
    action: `appointment.${act}For`,
    target: appointment._id,
    hallId: appointment.hallId,
    actedFor: appointment.actedFor,
    actedForName: maskName(deps.secrets.decrypt(appointment.subjectNameEnc, FIELD.name)),
  });
}
