import { normalizeIdNumber } from '../identity/idNumber';
import { inShanghai } from '../time/shanghai';

/**
 * Identity confirmation at the window, when an appointment is found by its 预约号 instead of a
 * signed QR ticket: the officer types the last four characters of the ID number on the card the
 * citizen hands over, and the server compares them with the appointment's subject. The number
 * alone (eight digits, readable aloud) is no proof of who stands at the window.
 *
 * Wrong endings are counted so the check cannot be brute-forced (10⁴ · 1.1 possible endings): per
 * appointment (after `perAppointment` wrong ones it can only be checked in by its QR ticket), and
 * per officer per Asia/Shanghai day (after `perOfficerPerDay`, no more number check-ins that day).
 */
export const WINDOW_CHECK_POLICY = { perAppointment: 3, perOfficerPerDay: 20 };

/** Counter keys of the reference_check_failures collection. */
export const windowCheckKeys = {
  appointment: (appointmentId: string) => `appt:${appointmentId}`,
  officerDay: (openid: string, now: Date) => `officer:${openid}:${inShanghai(now).format('YYYY-MM-DD')}`,
};

/** The four typed characters as an ID number ends (digits, X), or undefined when they cannot be an ending. */
export function typedEnding(typed: string): string | undefined {
  const t = normalizeIdNumber(typed);
  return /^\d{3}[\dX]$/.test(t) ? t : undefined;
}

/** Whether the ID number ends with the typed ending; compares every character (no early exit). */
export function idNumberEndsWith(idNumber: string, ending: string): boolean {
  const tail = normalizeIdNumber(idNumber).slice(-4);
  if (tail.length !== 4 || ending.length !== 4) return false;
  let diff = 0;
  for (let i = 0; i < 4; i++) diff |= tail.charCodeAt(i) ^ ending.charCodeAt(i);
  return diff === 0;
}

/**
 * The ID number as the officer sees it before confirming: '4601**************' — province and
 * prefecture only. The usual mask shows the last four, which is what the officer must read from the
 * card, so this one hides them.
 */
export function maskIdNumberForConfirmation(idNumber: string): string {
  const id = normalizeIdNumber(idNumber);
  return /^\d{17}[\dX]$/.test(id) ? `${id.slice(0, 4)}${'*'.repeat(14)}` : '*'.repeat(18);
}
