import { ticketsAhead } from '../../core/queue/callOrder';
import { DEFAULT_SERVICE_SECONDS, estimatedWaitMinutes, meanServiceSeconds } from '../../core/queue/estimatedWait';
import { bookedTicket, walkInTicket } from '../../core/queue/newTicket';
import type { QueueTicket } from '../../core/queue/QueueTicket';
import { bookedPerWalkIn, walkInQuota } from '../../core/queue/walkInRule';

const NOW = new Date('2026-03-02T02:15:00Z'); // 10:15 Shanghai
const at = (min: number) => new Date(NOW.getTime() + min * 60_000);
const done = (n: number, minutes: number, window = '1'): QueueTicket => ({
  ...walkInTicket(`d${n}`, 'h', '2026-03-02', n, at(-60)),
  status: 'done',
  window,
  firstCalledAt: at(-minutes - 1),
  servedAt: at(-minutes - 1),
  doneAt: at(-1),
});

test('the walk-in quota is the capacity the schedule keeps out of booking, and the calling rule follows the same share', () => {
  // 4 windows × 1, 30% kept: 2 bookable places a slot (floor of 2.8), 2 kept.
  expect(walkInQuota({ windows: 4, perWindow: 1, walkInShare: 0.3 }, 10)).toBe(20);
  expect(walkInQuota({ windows: 4, perWindow: 1, walkInShare: 0 }, 10)).toBe(0);
  expect(bookedPerWalkIn({ walkInShare: 0.3 })).toBe(2);
  expect(bookedPerWalkIn({ walkInShare: 0.5 })).toBe(1);
  expect(bookedPerWalkIn({ walkInShare: 0 })).toBe(Number.POSITIVE_INFINITY);
});

test('the estimated wait comes from the mean of the latest service times, per window at work', () => {
  expect(meanServiceSeconds([])).toBe(DEFAULT_SERVICE_SECONDS);
  const day = [done(1, 4, '1'), done(2, 6, '2')];
  expect(meanServiceSeconds(day)).toBe(300);
  // 3 ahead × 5 minutes over 2 windows: 7.5 → 8.
  expect(estimatedWaitMinutes(day, 3, NOW)).toBe(8);
  expect(estimatedWaitMinutes(day, 0, NOW)).toBe(0);
});

test('a ticket sees how many are called before it by the same rule as the windows', () => {
  const a = (n: number, start: string) => bookedTicket({ _id: `a${n}`, hallId: 'h', date: '2026-03-02', start, business: 'b' }, n, at(-30));
  const tickets = [
    a(1, '10:00'),
    walkInTicket('w2', 'h', '2026-03-02', 2, at(-20)),
    a(3, '09:30'),
    { ...walkInTicket('w4', 'h', '2026-03-02', 4, at(-10)), green: { reason: 'elderly' as const, by: 'o', at: at(-5) } },
  ];
  expect(ticketsAhead(tickets, 'w4', NOW, 2)).toBe(0);
  expect(ticketsAhead(tickets, 'appt:a3', NOW, 2)).toBe(1);
  expect(ticketsAhead(tickets, 'appt:a1', NOW, 2)).toBe(2);
  expect(ticketsAhead(tickets, 'w2', NOW, 2)).toBe(3);
  expect(ticketsAhead([...tickets, done(5, 3)], 'd5', NOW, 2)).toBeNull();
});
