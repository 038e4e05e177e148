/**
 * Issue 16, duty roster and special hours: the rules of a special period, of a duty day, and what an
 * edit of hours does to the bookings already made (none vanish silently: every booking the new
 * hours no longer hold is named, so the edit can be refused).
 */
import fc from 'fast-check';
import type { Hall, SpecialHours } from '../../core/guide/Hall';
import { slotsOn } from '../../core/booking/slots';
import { specialHoursProblems, withEntry, withoutEntry, isCalendarDate } from '../../core/hallDuty/specialHoursRules';
import { withEditedHours } from '../../core/hallDuty/hallHoursOverlay';
import { bookingsOutside, datesTouched, type BookedPlace } from '../../core/hallDuty/bookingsOutside';
import { DutyDayFields, dutyBoard, dutyDayProblems } from '../../core/hallDuty/DutyDay';
import { NO_HOLIDAYS } from '../../core/time/WorkCalendar';
import { addDays } from '../../core/time/shanghai';
import { arbHall, arbSpecial } from './support/arbHall';
import { arbSchedule } from './support/arbSchedule';
import { seedHall } from './support/InMemoryGuideRepository';

const AM = { start: '09:00', end: '12:00' };
const PM = { start: '13:30', end: '17:00' };
const duty = (from: string, to: string, sessions = [AM], kind: SpecialHours['kind'] = 'holidayDuty'): SpecialHours => ({ from, to, label: '春节假期值班', sessions, kind });

describe('a special period', () => {
  it('a closure has no sessions; duty, staggered and extended service have some, in order', () => {
    expect(specialHoursProblems(duty('2027-02-08', '2027-02-10'), [])).toEqual([]);
    expect(specialHoursProblems({ ...duty('2027-02-08', '2027-02-10', []), kind: 'closed' }, [])).toEqual([]);
    expect(specialHoursProblems(duty('2027-02-08', '2027-02-10', [AM], 'closed'), [])).toEqual(['暂停办公不应填写办公时段']);
    expect(specialHoursProblems(duty('2027-02-08', '2027-02-10', [], 'extended'), [])).toEqual(['延时服务须至少填写一个办公时段']);
    expect(specialHoursProblems(duty('2027-02-08', '2027-02-08', [PM, AM], 'staggered'), [])[0]).toMatch(/不重叠/);
  });

  it('dates are real, in order, at most 62 days, and never shared with another period', () => {
    expect(isCalendarDate('2027-02-30')).toBe(false);
    expect(specialHoursProblems(duty('2027-02-30', '2027-03-01'), [])).toEqual(['日期无效']);
    expect(specialHoursProblems(duty('2027-02-10', '2027-02-08'), [])).toEqual(['结束日期不能早于开始日期']);
    expect(specialHoursProblems(duty('2027-01-01', '2027-03-03'), [])).toEqual([]);
    expect(specialHoursProblems(duty('2027-01-01', '2027-03-04'), [])).toEqual(['一次最多安排 62 天']);
    expect(specialHoursProblems(duty('2027-02-08', '2027-02-10'), [duty('2027-02-10', '2027-02-12')])[0]).toMatch(/日期重叠/);
  });

  it('saving replaces the period by its start date; deleting removes it; the list stays in date order', () => {
    const list = [duty('2027-02-08', '2027-02-10'), duty('2027-01-01', '2027-01-01', [], 'closed')].sort((a, b) => a.from.localeCompare(b.from));
    const moved = withEntry(list, duty('2027-02-09', '2027-02-11'), '2027-02-08');
    expect(moved.map((s) => s.from)).toEqual(['2027-01-01', '2027-02-09']);
    expect(withoutEntry(moved, '2027-01-01').map((s) => s.from)).toEqual(['2027-02-09']);
  });
});

describe('edited hours and the bookings made', () => {
  const longhua = seedHall('haikou-longhua');
  const schedule = {
    _id: longhua._id,
    hallId: longhua._id,
    businesses: ['id-card-renewal'],
    slotMinutes: 30,
    windows: 4,
    perWindow: 1,
    walkInShare: 0.3,
    bookingWindowDays: 7,
    releaseTime: '00:00',
    cancelDeadline: { kind: 'hoursBefore' as const, hours: 2 },
    checkIn: { earlyMinutes: 30, lateMinutes: 15 },
    limits: { perWeek: 2, noShowLimit: 3, noShowWindowDays: 180, noShowBlockDays: 30 },
  };
  const booked = (date: string, start: string, end: string, status: BookedPlace['status'] = 'booked'): BookedPlace => ({
    _id: `${date}-${start}`,
    date,
    start,
    end,
    slotId: `${longhua._id}:${date}:${start.replace(':', '')}`,
    status,
  });

  it('an edited list replaces the data file’s periods; nothing edited keeps the hall as it is', () => {
    expect(withEditedHours(longhua, null)).toBe(longhua);
    expect(withEditedHours(longhua, { specialHours: [] }).specialHours).toEqual([]);
  });

  it('a morning-only duty strands the afternoon bookings of its dates, not the morning ones nor cancelled ones', () => {
    const day = '2026-12-07'; // a Monday
    const after = withEditedHours(longhua, { specialHours: [duty(day, day)] });
    const list = [booked(day, '09:00', '09:30'), booked(day, '14:00', '14:30'), booked(day, '15:00', '15:30', 'cancelled'), booked('2026-12-08', '14:00', '14:30')];
    expect(bookingsOutside(after, schedule, list, NO_HOLIDAYS).map((b) => b._id)).toEqual([`${day}-14:00`]);
  });

  it('the dates touched by an edit cover its old and new period', () => {
    expect(datesTouched({ from: '2027-02-08', to: '2027-02-10' }, { from: '2027-02-09', to: '2027-02-15' })).toEqual({ from: '2027-02-08', to: '2027-02-15' });
    expect(datesTouched(undefined, undefined)).toBeNull();
  });

  it('property: after any edit every booking is either still in a planned slot or named as stranded; outside the touched dates none is', () => {
    fc.assert(
      fc.property(arbHall, arbSchedule, arbSpecial, fc.integer({ min: 0, max: 20 }), (hall, s, edit, seed) => {
        const before = { ...hall, specialHours: hall.specialHours.filter((p, i, all) => all.findIndex((q) => q.from <= p.to && p.from <= q.to) === i) } as Hall;
        const schedule = { ...s, _id: hall._id, hallId: hall._id };
        const after = withEditedHours(before, {
          specialHours: withEntry(
            before.specialHours.filter((p) => !(p.from <= edit.to && edit.from <= p.to)),
            edit,
          ),
        });
        // Bookings in the week around the edit's start, on slots the old hours planned.
        const dates = Array.from({ length: 9 }, (_, i) => addDays(edit.from, i - 1 - (seed % 3)));
        const made: BookedPlace[] = dates.flatMap((date) =>
          slotsOn(before, schedule, date, NO_HOLIDAYS)
            .filter((_, i) => (i + seed) % 3 === 0)
            .map((p) => ({ _id: p.slotId, date, start: p.start, end: p.end, slotId: p.slotId, status: 'booked' as const })),
        );
        const stranded = new Set(bookingsOutside(after, schedule, made, NO_HOLIDAYS).map((b) => b._id));
        const touched = datesTouched(edit, ...before.specialHours.filter((p) => p.from <= edit.to && edit.from <= p.to))!;
        for (const b of made) {
          const kept = slotsOn(after, schedule, b.date, NO_HOLIDAYS).some((p) => p.slotId === b.slotId && p.end === b.end);
          expect(kept || stranded.has(b._id)).toBe(true);
          expect(kept && stranded.has(b._id)).toBe(false);
          if (b.date < touched.from || b.date > touched.to) expect(stranded.has(b._id)).toBe(false);
        }
      }),
      { numRuns: 300 },
    );
  });
});

describe('a duty day', () => {
  const day = {
    date: '2027-02-08',
    phone: '0898-66531208',
    windows: [
      { window: 3, officer: '王警官', business: '身份证' },
      { window: 1, officer: '李警官' },
    ],
  };

  it('takes a duty phone, windows by number and display names only', () => {
    expect(DutyDayFields.parse(day)).toEqual(day);
    expect(DutyDayFields.safeParse({ ...day, phone: '12345' }).success).toBe(true);
    expect(DutyDayFields.safeParse({ ...day, phone: '6653' }).success).toBe(false);
    expect(DutyDayFields.safeParse({ ...day, windows: [{ window: 1, officer: '李警官', openid: 'x' }] }).success).toBe(false);
    expect(dutyDayProblems(day)).toEqual([]);
    expect(dutyDayProblems({ ...day, windows: [...day.windows, { window: 3, officer: '赵警官' }] })).toEqual(['3号窗口重复']);
  });

  it('the public board lists the windows in number order', () => {
    expect(dutyBoard(day).windows.map((w) => w.window)).toEqual([1, 3]);
  });
});
