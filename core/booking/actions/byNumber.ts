import * as z from 'zod/mini';
import { defineAction } from '../../function/action';
import { DomainError } from '../../errors/DomainError';
import type { Account } from '../../identity/Account';
import { FIELD } from '../../identity/fieldNames';
import { hallsActedFor, requireActingForAnyHall } from '../../identity/hallAccess';
import { recordAudit } from '../../identity/recordAudit';
import { requireOpenid } from '../../identity/caller';
import { parseReferenceNumber } from '../../reference/referenceNumber';
import { WINDOW_CHECK_POLICY, idNumberEndsWith, maskIdNumberForConfirmation, typedEnding, windowCheckKeys } from '../../reference/windowCheck';
import { shanghaiDate } from '../../time/shanghai';
import type { Appointment } from '../Appointment';
import type { BookingDeps } from '../BookingDeps';
import { checkInAppointment } from '../checkInAppointment';
import { HandoverAtWindowView } from '../../business/handoverAtWindow';
import { AppointmentView, appointmentView } from '../views';
import { lazySchema } from '../../function/lazySchema';

const NumberInput = lazySchema(() => z.string().check(z.trim(), z.minLength(1), z.maxLength(32)));

/**
 * The appointment with this 预约号 in one of the officer's halls. A number of another hall, or
 * one that is not an appointment's, is not found: the same answer as a number nobody holds, so
 * the lookup tells nothing about other halls. A malformed or misheard number (check digit) is
 * refused before any lookup. Every lookup is audited, found or not.
 */
async function findInOwnHalls(deps: BookingDeps, officer: Account, text: string, action: string): Promise<Appointment> {
  const parsed = parseReferenceNumber(text);
  if (!parsed.ok) throw new DomainError('REFERENCE_NUMBER_INVALID');
  const number = parsed.number;
  const found: Appointment[] = [];
  for (const hallId of hallsActedFor(officer)) {
    // Appointments carry their number (also those whose number was claimed in reference_numbers before).
    const a = await deps.booking.appointmentByNumber(hallId, number);
    if (a && a.hallId === hallId && a.refNumber === number) found.push(a);
  }
  // An officer of several halls: today's appointment first.
  const today = shanghaiDate(deps.clock.now());
  const a = found.find((x) => x.date === today) ?? found[0];
  await recordAudit(deps, officer, { action, target: a ? a._id : `预约号 ${number}`, ...(a ? { hallId: a.hallId, actedFor: a.actedFor } : {}) });
  if (!a) throw new DomainError('APPOINTMENT_NOT_FOUND');
  return a;
}

/** The ID number of who comes to the window, from the booker's verified identity or family link; undefined when it is gone. */
async function subjectIdNumber(deps: BookingDeps, a: Appointment): Promise<string | undefined> {
  if (!a.actedFor) {
    const identity = (await deps.identities.account(a.actorOpenid))?.identity;
    return identity && identity.idIndex === a.subjectIdIndex ? deps.secrets.decrypt(identity.idNumberEnc, FIELD.idNumber) : undefined;
  }
  const link = (await deps.identities.familyLinks(a.actorOpenid)).find((l) => l.memberResidentId === a.actedFor);
  return link && link.memberIdIndex === a.subjectIdIndex ? deps.secrets.decrypt(link.memberIdNumberEnc, FIELD.idNumber) : undefined;
}

async function attemptsLeft(deps: BookingDeps, officer: Account, a: Appointment): Promise<number> {
  const [mine, officerToday] = await Promise.all([
    deps.references.failures(windowCheckKeys.appointment(a._id)),
    deps.references.failures(windowCheckKeys.officerDay(officer._id, deps.clock.now())),
  ]);
  return Math.max(0, Math.min(WINDOW_CHECK_POLICY.perAppointment - mine, WINDOW_CHECK_POLICY.perOfficerPerDay - officerToday));
}

export const appointmentByNumber = defineAction({
  summary:
    "Officer: finds an appointment of the officer's halls by its 预约号 (when a ticket cannot be scanned). Another hall's number is not found. Shows the name and ID number masked, the ID number's last four hidden (the officer reads them from the card). Audited.",
  input: lazySchema(() => z.strictObject({ number: NumberInput })),
  output: lazySchema(() => z.object({ appointment: AppointmentView, idNumberMasked: z.string(), identityCheckAttemptsLeft: z.int() })),
  errors: ['UNAUTHENTICATED', 'FORBIDDEN', 'OFFICER_NOT_VERIFIED', 'REFERENCE_NUMBER_INVALID', 'APPOINTMENT_NOT_FOUND'],
  async run({ number }, deps: BookingDeps) {
    const officer = requireActingForAnyHall(await deps.identities.account(requireOpenid(deps)));
    const a = await findInOwnHalls(deps, officer, number, 'appointment.lookupByNumber');
    const idNumber = await subjectIdNumber(deps, a);
    return {
      appointment: await appointmentView(a, deps),
      idNumberMasked: idNumber ? maskIdNumberForConfirmation(idNumber) : '*'.repeat(18),
      identityCheckAttemptsLeft: await attemptsLeft(deps, officer, a),
    };
  },
});

export const checkInByNumber = defineAction({
  summary:
    "Officer: checks in an appointment of the officer's halls by its 预约号 after confirming identity at the window: the last four characters of the ID number on the citizen's card, checked here. Wrong endings are counted (3 per appointment, 20 per officer a day) and audited; then as checkIn.",
  input: lazySchema(() => z.strictObject({ number: NumberInput, idLast4: z.string().check(z.trim(), z.maxLength(8)) })),
  output: lazySchema(() => z.object({ appointment: AppointmentView, queueNumber: z.int(), business: z.optional(HandoverAtWindowView) })),
  errors: [
    'UNAUTHENTICATED',
    'FORBIDDEN',
    'OFFICER_NOT_VERIFIED',
    'INVALID_INPUT',
    'REFERENCE_NUMBER_INVALID',
    'APPOINTMENT_NOT_FOUND',
    'IDENTITY_CHECK_FAILED',
    'IDENTITY_CHECK_LOCKED',
    'IDENTITY_CHECK_UNAVAILABLE',
    'TICKET_NOT_TODAY',
    'CHECK_IN_TOO_EARLY',
    'CHECK_IN_TOO_LATE',
    'ALREADY_CHECKED_IN',
    'APPOINTMENT_NOT_ACTIVE',
  ],
  async run({ number, idLast4 }, deps: BookingDeps) {
    const officer = requireActingForAnyHall(await deps.identities.account(requireOpenid(deps)));
    const ending = typedEnding(idLast4);
    if (!ending) throw new DomainError('INVALID_INPUT', '请输入身份证号码最后4位，数字或X');
    const now = deps.clock.now();
    const a = await findInOwnHalls(deps, officer, number, 'appointment.lookupByNumber');
    if ((await attemptsLeft(deps, officer, a)) <= 0) throw new DomainError('IDENTITY_CHECK_LOCKED');
    const idNumber = await subjectIdNumber(deps, a);
    if (!idNumber) throw new DomainError('IDENTITY_CHECK_UNAVAILABLE');
    if (!idNumberEndsWith(idNumber, ending)) {
      const [mine, officerToday] = await Promise.all([
        deps.references.countFailure(windowCheckKeys.appointment(a._id), now),
        deps.references.countFailure(windowCheckKeys.officerDay(officer._id, now), now),
      ]);
      await recordAudit(deps, officer, { action: 'appointment.identityCheckFailed', target: a._id, hallId: a.hallId, actedFor: a.actedFor });
      const left = Math.min(WINDOW_CHECK_POLICY.perAppointment - mine, WINDOW_CHECK_POLICY.perOfficerPerDay - officerToday);
      if (left <= 0) throw new DomainError('IDENTITY_CHECK_LOCKED');
      throw new DomainError('IDENTITY_CHECK_FAILED', `还可核对${left}次`);
    }
    return checkInAppointment(deps, officer, a, now, 'number');
  },
});
