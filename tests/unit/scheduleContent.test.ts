/**
 * data/schedules.json: every hall's booking settings parse, name an existing hall and only
 * bookable guides it handles, and carry the parameters the product relies on; the seed loader
 * refuses inconsistent files and the import writes by stable id.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { DEFAULT_SCHEDULE, HallSchedule, scheduleProblems } from '../../core/booking/HallSchedule';
import { slotCapacity, slotsOn } from '../../core/booking/slots';
import type { Database } from '../../server/cloudbase/app';
import { chineseDaysCalendar } from '../../server/time/chineseDaysCalendar';
import { importSchedules } from '../../server/seed/importSchedules';
import { loadSchedules } from '../../server/seed/loadSchedules';
import { seedContent } from './support/InMemoryGuideRepository';

const dataDir = path.join(__dirname, '..', '..', 'data');
const raw = JSON.parse(readFileSync(path.join(dataDir, 'schedules.json'), 'utf8')) as Array<Record<string, unknown>>;
const content = seedContent();
const schedules = loadSchedules(dataDir, content);
const of = (id: string) => schedules.find((s) => s._id === id)!;

describe('data/schedules.json', () => {
  it('each entry parses as written (no field left to a default, nothing unknown)', () => {
    for (const entry of raw) {
      const parsed = HallSchedule.parse(entry);
      expect(parsed).toEqual(entry);
    }
  });

  it('ids are unique, each is its hall’s id, and every hall has a schedule', () => {
    const ids = raw.map((e) => e._id);
    expect(new Set(ids).size).toBe(ids.length);
    expect([...ids].sort()).toEqual(content.halls.map((h) => h._id).sort());
    for (const s of schedules) expect(s.hallId).toBe(s._id);
  });

  it('businesses are bookable guides the hall handles', () => {
    const bookable = new Set(content.guides.filter((g) => g.bookable).map((g) => g._id));
    for (const s of schedules) {
      const hall = content.halls.find((h) => h._id === s.hallId)!;
      for (const b of s.businesses)
        expect({ hall: s.hallId, b, handled: hall.services.includes(b), bookable: bookable.has(b) }).toEqual({ hall: s.hallId, b, handled: true, bookable: true });
      expect(scheduleProblems(s, hall, content.guides)).toEqual([]);
    }
  });

  it('carries realistic parameters: busy Futian 6 windows × 2 with half for walk-ins, Shenzhen keeps 50%, a 07:00 release', () => {
    expect(of('shenzhen-futian')).toMatchObject({ slotMinutes: 30, windows: 6, perWindow: 2, walkInShare: 0.5, releaseTime: '07:00' });
    expect(slotCapacity(of('shenzhen-futian'))).toBe(6);
    for (const s of schedules.filter((x) => x._id.startsWith('shenzhen-'))) expect(s.walkInShare).toBe(0.5);
    expect(of('haikou-qiongshan-idcard')).toMatchObject({ windows: 2 });
    expect(of('haikou-qiongshan-idcard').businesses.every((b) => b.startsWith('id-card-'))).toBe(true);
    for (const s of schedules) {
      expect(s.limits).toEqual(expect.objectContaining({ perWeek: 2, noShowLimit: 3, noShowWindowDays: 180 }));
      expect(slotCapacity(s)).toBeGreaterThan(0);
    }
    expect(schedules.filter((s) => s.releaseTime === '00:00').length).toBe(schedules.length - 1);
    expect(schedules.some((s) => s.cancelDeadline.kind === 'dayBeforeAt')).toBe(true);
  });

  it('every hall has bookable slots on an ordinary Monday and none on National Day', () => {
    for (const s of schedules) {
      const hall = content.halls.find((h) => h._id === s.hallId)!;
      expect(slotsOn(hall, s, '2026-11-23', chineseDaysCalendar).length).toBeGreaterThan(5);
      expect(slotsOn(hall, s, '2026-10-01', chineseDaysCalendar)).toEqual([]);
    }
  });
});

describe('HallSchedule', () => {
  const minimal = { _id: 'haikou-longhua', hallId: 'haikou-longhua', businesses: ['id-card-renewal'] };

  it('fills the defaults of DOMAIN.md', () => {
    expect(HallSchedule.parse(minimal)).toEqual({ ...minimal, ...DEFAULT_SCHEDULE });
    expect(DEFAULT_SCHEDULE).toMatchObject({
      slotMinutes: 30,
      bookingWindowDays: 7,
      cancelDeadline: { kind: 'hoursBefore', hours: 2 },
      checkIn: { earlyMinutes: 30, lateMinutes: 15 },
    });
  });

  it('refuses out-of-range settings, a wrong _id and repeated businesses', () => {
    const bad: Record<string, unknown>[] = [
      { slotMinutes: 5 },
      { slotMinutes: 121 },
      { windows: 0 },
      { perWindow: 0 },
      { walkInShare: 0.95 },
      { walkInShare: -0.1 },
      { bookingWindowDays: 0 },
      { bookingWindowDays: 31 },
      { releaseTime: '7:00' },
      { cancelDeadline: { kind: 'dayBeforeAt', time: '25:00' } },
      { cancelDeadline: { kind: 'minutesBefore', minutes: 30 } },
      { _id: 'haikou-meilan' },
      { businesses: [] },
      { businesses: ['id-card-renewal', 'id-card-renewal'] },
    ];
    for (const change of bad) expect({ change, ok: HallSchedule.safeParse({ ...minimal, ...change }).success }).toEqual({ change, ok: false });
  });

  it('scheduleProblems names a missing hall, an unknown or unhandled business', () => {
    const s = HallSchedule.parse({ ...minimal, _id: 'guangzhou-yuexiu', hallId: 'guangzhou-yuexiu', businesses: ['id-card-renewal', 'no-such-guide'] });
    const yuexiu = content.halls.find((h) => h._id === 'guangzhou-yuexiu');
    expect(scheduleProblems(s, yuexiu, content.guides)).toEqual([
      'guangzhou-yuexiu: hall guangzhou-yuexiu does not handle id-card-renewal',
      'guangzhou-yuexiu: no guide no-such-guide',
      'guangzhou-yuexiu: hall guangzhou-yuexiu does not handle no-such-guide',
    ]);
    expect(scheduleProblems(s, undefined, content.guides)).toEqual(['guangzhou-yuexiu: no hall guangzhou-yuexiu']);
    const notBookable = content.guides.map((g) => (g._id === 'household-certificate' ? { ...g, bookable: false } : g));
    expect(scheduleProblems(of('guangzhou-yuexiu'), yuexiu, notBookable)).toEqual(['guangzhou-yuexiu: household-certificate is not bookable']);
  });
});

describe('seeding schedules', () => {
  const dirs: string[] = [];
  afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));
  function withSchedules(entries: unknown): string {
    const dir = mkdtempSync(path.join(tmpdir(), 'schedules-'));
    dirs.push(dir);
    writeFileSync(path.join(dir, 'schedules.json'), JSON.stringify(entries));
    return dir;
  }

  it('loadSchedules refuses a bad entry, a repeated id or a business the hall does not handle, naming it', () => {
    expect(() => loadSchedules(withSchedules([{ ...raw[0], slotMinutes: 200 }]), content)).toThrow(/schedules\.json\[0\]: slotMinutes/);
    expect(() => loadSchedules(withSchedules([raw[0], raw[0]]), content)).toThrow(/haikou-longhua is listed twice/);
    // zod/mini loads no English messages: each check says what it wants (issue 14).
    expect(() => loadSchedules(withSchedules([{ ...raw[0], slotMinutes: 200 }]), content)).toThrow('schedules.json[0]: slotMinutes: at most 120');
    expect(() => loadSchedules(withSchedules([{ ...raw[0], windows: 2.5 }]), content)).toThrow('schedules.json[0]: windows: a whole number');
    expect(() => loadSchedules(withSchedules([{ ...raw[0], limits: { ...(raw[0].limits as object), perWeek: 0 } }]), content)).toThrow(
      'schedules.json[0]: limits.perWeek: at least 1',
    );
    expect(() => loadSchedules(withSchedules([{ ...raw[0], walkInShare: 'half' }]), content)).toThrow('schedules.json[0]: walkInShare: a number');
    expect(() => loadSchedules(withSchedules([{ ...raw[0], businesses: [] }]), content)).toThrow('schedules.json[0]: businesses: at least one business');
    const yuexiu = raw.find((e) => e._id === 'guangzhou-yuexiu')!;
    expect(() => loadSchedules(withSchedules([{ ...yuexiu, businesses: ['id-card-renewal'] }]), content)).toThrow(/does not handle id-card-renewal/);
    expect(() => loadSchedules(withSchedules([{ ...raw[0], _id: 'nowhere', hallId: 'nowhere' }]), content)).toThrow(/no hall nowhere/);
  });

  it('importSchedules writes each schedule with doc(hallId).set into hall_schedules and reports stale ones', async () => {
    const stored = new Map<string, unknown>([['closed-hall', {}]]);
    const collections: string[] = [];
    const db = {
      collection(name: string) {
        collections.push(name);
        return {
          doc: (id: string) => ({ set: async (body: unknown) => void stored.set(id, body) }),
          field: () => ({ limit: () => ({ get: async () => ({ data: [...stored.keys()].map((_id) => ({ _id })) }) }) }),
        };
      },
    } as unknown as Database;
    const report = await importSchedules(db, schedules);
    expect(new Set(collections)).toEqual(new Set(['hall_schedules']));
    expect(report).toEqual({ collection: 'hall_schedules', written: schedules.length, stale: ['closed-hall'] });
    const { _id, ...body } = of('shenzhen-futian');
    expect(stored.get(_id)).toEqual(body);
  });
});
