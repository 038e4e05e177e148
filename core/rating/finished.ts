import type { Appointment } from '../booking/Appointment';
import type { ReissueState } from '../reissue/ReissueApplication';

/**
 * When a service has finished and may be rated: an appointment once the citizen was checked in at
 * the window (its only served state; a no-show or a cancellation was not served), an online
 * reissue once the card was delivered by the courier or collected at the hall.
 */
export function appointmentFinished(a: Pick<Appointment, 'status'>): boolean {
  return a.status === 'checkedIn';
}

const FINISHED_APPLICATION: readonly ReissueState[] = ['delivered', 'collected'];

/** Takes the state as stored or as a view shows it (a string). */
export function applicationFinished(app: { state: ReissueState | string }): boolean {
  return (FINISHED_APPLICATION as readonly string[]).includes(app.state);
}
