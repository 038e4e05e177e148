import { DomainError } from '../../errors/DomainError';
import type { BookingDeps } from '../../booking/BookingDeps';
import { slotsOn, type SlotPlan } from '../../booking/slots';
import type { HallSchedule } from '../../booking/HallSchedule';
import type { Hall } from '../../guide/Hall';
import { withFreshHours } from '../../hallDuty/freshHours';
import { releaseDrawId, type ReleaseDraw } from '../ReleaseDraw';

/** The hall, its schedule and the hall-day's slots as the hours stand now (edits included). */
export async function hallDay(deps: BookingDeps, hallId: string, date: string): Promise<{ hall: Hall; schedule: HallSchedule; plans: SlotPlan[] }> {
  const snapshot = await deps.guides.hall(hallId);
  if (!snapshot) throw new DomainError('HALL_NOT_FOUND');
  const [hall, schedule] = await Promise.all([withFreshHours(deps, snapshot), deps.booking.schedule(hallId)]);
  if (!schedule) throw new DomainError('BUSINESS_NOT_BOOKABLE');
  return { hall, schedule, plans: slotsOn(hall, schedule, date, deps.calendar) };
}

export async function drawOf(deps: BookingDeps, hallId: string, date: string): Promise<ReleaseDraw> {
  const draw = await deps.fairRelease.draw(releaseDrawId(hallId, date));
  if (!draw) throw new DomainError('RELEASE_DRAW_NOT_FOUND');
  return draw;
}

export async function hallNameOf(deps: BookingDeps, hallId: string): Promise<string> {
  return (await deps.guides.hall(hallId))?.name ?? hallId;
}
