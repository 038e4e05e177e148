/**
 * The `guide` function's actions over the real seed content, through dispatch as the cloud
 * function runs them, with an in-memory repository and a fixed clock. Every result is checked
 * against the action's declared output schema.
 */
import { dispatch } from '../../core/function/dispatch';
import { messageFor, type ErrorCode } from '../../core/errors/catalogue';
import { guideActions, type GuideDeps } from '../../core/guide/guideActions';
import { InMemoryGuideRepository, fixedClock, seedContent } from './support/InMemoryGuideRepository';

const content = seedContent();
const repository = new InMemoryGuideRepository(content);
/** 09:30 on Monday 2026-11-23 in Shanghai. */
const MONDAY_0930 = '2026-11-23T01:30:00Z';

function depsAt(iso: string): GuideDeps {
  return { guides: repository, clock: fixedClock(iso) };
}

/** Runs an action as the cloud function does; returns its data after checking it against `output`. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
async function call(action: string, data?: unknown, at = MONDAY_0930): Promise<any> {
  const { response, outcome } = await dispatch(guideActions, { action, data }, depsAt(at));
  if (!response.ok) throw new Error(`${action} failed: ${response.error.code} ${response.error.message}`);
  expect(outcome).toBe('ok');
  const parsed = guideActions[action].output.safeParse(response.data);
  if (!parsed.success) throw new Error(`${action} output: ${JSON.stringify(parsed.error.issues)}`);
  // Nothing beyond the declared view (e.g. no `_id`, no internal `order`).
  expect(parsed.data).toEqual(response.data);
  return response.data;
}

async function failure(action: string, data?: unknown): Promise<{ code: ErrorCode; message: string }> {
  const { response } = await dispatch(guideActions, { action, data }, depsAt(MONDAY_0930));
  if (response.ok) throw new Error(`${action} unexpectedly succeeded: ${JSON.stringify(response.data)}`);
  return response.error;
}

const CROSS_PROVINCE = [
  'id-card-first-application-elsewhere',
  'migration-job-transfer',
  'migration-college-admission',
  'migration-graduate',
  'migration-spouse',
  'migration-parents-join-children',
  'migration-move-out',
  'birth-registration-elsewhere',
  'household-certificate',
];

describe('guide.categories', () => {
  it('lists the categories in order with guide counts that add up to every guide', async () => {
    const { categories } = await call('categories', {});
    expect(categories.map((c: { id: string }) => c.id)).toEqual(['id-card', 'migration', 'registration', 'certificates', 'residence-permit']);
    expect(Object.fromEntries(categories.map((c: { id: string; guideCount: number }) => [c.id, c.guideCount]))).toEqual({
      'id-card': 6,
      migration: 6,
      registration: 5,
      certificates: 1,
      'residence-permit': 2,
    });
    const total = categories.reduce((sum: number, c: { guideCount: number }) => sum + c.guideCount, 0);
    expect(total).toBe(content.guides.length);
    expect(categories[1]).toMatchObject({ name: '户口迁移', icon: 'migrate' });
  });

  it('also accepts a call without data', async () => {
    expect((await call('categories')).categories).toHaveLength(5);
  });
});

describe('guide.list', () => {
  it('lists a category’s guides in catalogue order', async () => {
    const { guides } = await call('list', { categoryId: 'migration' });
    expect(guides.map((g: { id: string }) => g.id)).toEqual([
      'migration-job-transfer',
      'migration-college-admission',
      'migration-graduate',
      'migration-spouse',
      'migration-parents-join-children',
      'migration-move-out',
    ]);
    expect(guides[0]).toEqual({
      id: 'migration-job-transfer',
      title: '工作调动户口迁移',
      summary: content.guides.find((g) => g._id === 'migration-job-transfer')!.summary,
      categoryId: 'migration',
      online: expect.any(Boolean),
      bookable: expect.any(Boolean),
      crossProvince: true,
    });
    expect(guides[0].matched).toBeUndefined();
  });

  it('lists the 9 cross-province (跨省通办) items', async () => {
    const { guides } = await call('list', { crossProvince: true });
    expect(guides.map((g: { id: string }) => g.id)).toEqual(CROSS_PROVINCE);
    expect(guides.every((g: { crossProvince: boolean }) => g.crossProvince)).toBe(true);
  });

  it('combines both filters, and without filters lists every guide', async () => {
    expect((await call('list', { categoryId: 'id-card', crossProvince: true })).guides.map((g: { id: string }) => g.id)).toEqual(['id-card-first-application-elsewhere']);
    expect((await call('list', { categoryId: 'residence-permit', crossProvince: true })).guides).toEqual([]);
    expect((await call('list', {})).guides).toHaveLength(content.guides.length);
  });

  it('an unknown category is CATEGORY_NOT_FOUND; a malformed one or crossProvince:false is INVALID_INPUT', async () => {
    expect(await failure('list', { categoryId: 'passport' })).toEqual({
      code: 'CATEGORY_NOT_FOUND',
      message: messageFor('CATEGORY_NOT_FOUND'),
    });
    expect((await failure('list', { categoryId: 'Migration' })).code).toBe('INVALID_INPUT');
    expect((await failure('list', { crossProvince: false })).code).toBe('INVALID_INPUT');
    expect((await failure('list', { crossProvince: 'true' })).code).toBe('INVALID_INPUT');
  });
});

describe('guide.search', () => {
  it('returns summary views, best first, each saying where it matched', async () => {
    const result = await call('search', { q: '补办身份证' });
    expect(result.query).toBe('补办身份证');
    expect(result.guides[0]).toMatchObject({
      id: 'id-card-reissue-loss',
      title: '居民身份证丢失补领',
      matched: { field: 'alias', text: '补办身份证' },
    });
    for (const g of result.guides) expect(g.matched).toBeDefined();
  });

  it('迁移 finds the cross-province migration items; 录取通知书 finds one through its materials', async () => {
    const migration = await call('search', { q: '迁移' });
    expect(new Set(migration.guides.map((g: { id: string }) => g.id))).toEqual(new Set(CROSS_PROVINCE.filter((id) => id.startsWith('migration-'))));
    const letter = await call('search', { q: '录取通知书' });
    expect(letter.guides[0]).toMatchObject({ id: 'migration-college-admission', matched: { field: 'material', text: '录取通知书' } });
  });

  it('trims the query; punctuation only finds nothing', async () => {
    expect((await call('search', { q: '  迁户口 ' })).query).toBe('迁户口');
    expect(await call('search', { q: '！？' })).toEqual({ query: '！？', guides: [], hotline: content.lexicon.hotline });
  });

  it('forgives: 身分证, sfz and ID card find the ID-card guides; 改名 the name change; no hotline when something is found', async () => {
    for (const q of ['身分证', 'sfz', 'ID card']) {
      const answer = await call('search', { q });
      expect(answer.guides.slice(0, 6).every((g: { categoryId: string }) => g.categoryId === 'id-card')).toBe(true);
      expect(answer).not.toHaveProperty('hotline');
      expect(answer).not.toHaveProperty('elsewhere');
    }
    expect((await call('search', { q: '改名' })).guides[0]).toMatchObject({ id: 'name-change', matched: { field: 'alias', text: '改名' } });
  });

  it('passport points to the exit-entry administration with the hotline; nonsense gets the hotline', async () => {
    expect(await call('search', { q: 'passport' })).toEqual({
      query: 'passport',
      guides: [],
      elsewhere: { business: expect.stringContaining('护照'), office: '公安机关出入境管理部门', phone: '12367', note: expect.stringContaining('不属于户政业务') },
      hotline: content.lexicon.hotline,
    });
    expect(await call('search', { q: '航天飞机' })).toEqual({
      query: '航天飞机',
      guides: [],
      hotline: { name: '12345政务服务便民热线', phone: '12345', note: expect.any(String) },
    });
  });

  it('rejects an empty, blank, over-long or missing query, and extra keys', async () => {
    for (const data of [{ q: '' }, { q: '   ' }, { q: '身'.repeat(41) }, {}, { q: 42 }, { q: '迁移', page: 2 }]) {
      expect((await failure('search', data)).code).toBe('INVALID_INPUT');
    }
    expect((await call('search', { q: '身'.repeat(40) })).guides).toBeDefined();
  });
});

describe('guide.detail', () => {
  it('a cross-province migration: full content, its category, and the halls that handle it with today’s hours', async () => {
    const guide = content.guides.find((g) => g._id === 'migration-job-transfer')!;
    const view = await call('detail', { id: 'migration-job-transfer' });
    expect(view).toMatchObject({
      id: guide._id,
      title: guide.title,
      aliases: guide.aliases,
      category: { id: 'migration', name: '户口迁移' },
      materials: guide.materials,
      steps: guide.steps,
      fees: guide.fees,
      timeLimit: guide.timeLimit,
      crossProvince: true,
      crossProvinceNote: guide.crossProvinceNote,
      legalBasis: guide.legalBasis,
    });
    expect(view.materials.map((m: { name: string }) => m.name)).toContain('调动通知书（调令）');
    expect(view).not.toHaveProperty('_id');
    expect(view).not.toHaveProperty('order');
    expect(view).not.toHaveProperty('searchPinyin');

    const handling = content.halls.filter((h) => h.services.includes(guide._id)).map((h) => h._id);
    expect(view.halls.map((h: { id: string }) => h.id).sort()).toEqual([...handling].sort());
    expect(handling).not.toContain('haikou-qiongshan-idcard'); // an ID-card-only office
    for (const h of view.halls) {
      expect(h.today.date).toBe('2026-11-23');
      expect(h.today.weekday).toBe(1);
      // 09:30 on a Monday: every seed hall opens by 09:00 on weekdays.
      expect(h.today.openNow).toBe(true);
    }
  });

  it('names the online business that follows a guide (the page’s 在线申请), and none for a guide without one', async () => {
    expect((await call('detail', { id: 'migration-job-transfer' })).businessKind).toBe('migrationJobTransfer');
    expect((await call('detail', { id: 'household-certificate' })).businessKind).toBe('householdCertificate');
    // Online through the reissue pages, not a business of issue 15.
    expect(await call('detail', { id: 'id-card-reissue-loss' })).not.toHaveProperty('businessKind');
    expect(await call('detail', { id: 'id-card-renewal' })).not.toHaveProperty('businessKind');
  });

  it('an ID-card guide is not offered at the office that handles only migration and registration', async () => {
    const view = await call('detail', { id: 'id-card-reissue-loss' });
    expect(view.halls.map((h: { id: string }) => h.id)).not.toContain('guangzhou-yuexiu');
    expect(view.halls.map((h: { id: string }) => h.id)).toContain('haikou-qiongshan-idcard');
  });

  it('every seed guide has a detail whose halls all handle it', async () => {
    for (const guide of content.guides) {
      const view = await call('detail', { id: guide._id });
      expect(view.halls.length).toBeGreaterThan(0);
      for (const h of view.halls) expect(content.halls.find((x) => x._id === h.id)!.services).toContain(guide._id);
    }
  });

  it('an unknown guide is GUIDE_NOT_FOUND; a malformed id or extra key is INVALID_INPUT', async () => {
    expect(await failure('detail', { id: 'no-such-guide' })).toEqual({ code: 'GUIDE_NOT_FOUND', message: messageFor('GUIDE_NOT_FOUND') });
    expect((await failure('detail', { id: '../halls' })).code).toBe('INVALID_INPUT');
    expect((await failure('detail', {})).code).toBe('INVALID_INPUT');
  });
});

describe('guide.halls', () => {
  it('lists all halls with the cities that have halls, each with today’s hours', async () => {
    const { cities, halls } = await call('halls', {});
    expect(cities).toEqual(['海口市', '深圳市', '广州市']);
    expect(halls).toHaveLength(content.halls.length);
    for (const h of halls) expect(h.today.date).toBe('2026-11-23');
  });

  it('near a place: nearest first with distances, the place used for nothing else', async () => {
    // Beside the Futian hall in Shenzhen.
    const { halls } = await call('halls', { near: { latitude: 22.538, longitude: 114.0612 } });
    expect(halls).toHaveLength(content.halls.length);
    expect(halls[0]).toMatchObject({ id: 'shenzhen-futian', distanceKm: 0 });
    const distances = halls.map((h: { distanceKm: number }) => h.distanceKm);
    expect(distances).toEqual([...distances].sort((a, b) => a - b));
    // Haikou is some 400 km away.
    expect(halls.find((h: { id: string }) => h.id === 'haikou-longhua').distanceKm).toBeGreaterThan(350);
    const inCity = await call('halls', { city: '海口市', near: { latitude: 20.03, longitude: 110.36 } });
    expect(inCity.halls[0].id).toBe('haikou-meilan');
    for (const near of [{ latitude: 91, longitude: 0 }, { latitude: 0 }, { latitude: '22', longitude: 114 }, { latitude: 0, longitude: 0, accuracy: 5 }]) {
      expect((await failure('halls', { near })).code).toBe('INVALID_INPUT');
    }
  });

  it('filters by city, keeping the list of cities', async () => {
    const { cities, halls } = await call('halls', { city: '深圳市' });
    expect(cities).toEqual(['海口市', '深圳市', '广州市']);
    expect(halls.map((h: { id: string }) => h.id)).toEqual(['shenzhen-futian', 'shenzhen-nanshan', 'shenzhen-luohu', 'shenzhen-baoan']);
    expect((await call('halls', { city: '北京市' })).halls).toEqual([]);
  });

  it('today is the Shanghai day: at 00:30 Monday Shanghai (still Sunday in UTC) it is Monday, and closed', async () => {
    const { halls } = await call('halls', { city: '海口市' }, '2026-11-22T16:30:00Z');
    for (const h of halls) expect(h.today).toMatchObject({ date: '2026-11-23', weekday: 1, openNow: false });
  });

  it('rejects a too-short city and extra keys', async () => {
    expect((await failure('halls', { city: '深' })).code).toBe('INVALID_INPUT');
    expect((await failure('halls', { city: '深圳市', all: true })).code).toBe('INVALID_INPUT');
  });
});

describe('guide.hall', () => {
  it('a hall’s detail: address, services, weekly rows and the next seven days', async () => {
    const view = await call('hall', { id: 'haikou-longhua' });
    const hall = content.halls.find((h) => h._id === 'haikou-longhua')!;
    expect(view).toMatchObject({ id: hall._id, name: hall.name, province: '海南省', address: hall.address, phone: hall.phone });
    expect(view.services.map((s: { id: string }) => s.id).sort()).toEqual([...hall.services].sort());
    expect(view.services.find((s: { id: string }) => s.id === 'migration-spouse')).toEqual({
      id: 'migration-spouse',
      title: '夫妻投靠户口迁移',
      crossProvince: true,
    });
    expect(view.weekly).toEqual([
      {
        days: '周一至周六',
        sessions: [
          { start: '09:00', end: '12:00' },
          { start: '13:30', end: '17:00' },
        ],
      },
    ]);
    expect(view.week.map((d: { date: string }) => d.date)).toEqual(['2026-11-23', '2026-11-24', '2026-11-25', '2026-11-26', '2026-11-27', '2026-11-28', '2026-11-29']);
    expect(view.week.map((d: { weekday: number }) => d.weekday)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(view.week[6].sessions).toEqual([]);
    expect(view.today.openNow).toBe(true);
    expect(view.upcomingSpecial.map((s: { label: string }) => s.label)).toEqual(['元旦休息']);
    expect(view.hoursNote).toBe(hall.hoursNote);
  });

  it('the week shows special days in context (Spring Festival closure, then holiday duty)', async () => {
    const view = await call('hall', { id: 'haikou-longhua' }, '2027-02-05T02:00:00Z');
    expect(view.week.map((d: { date: string; sessions: unknown[]; special?: string }) => [d.date, d.sessions.length, d.special])).toEqual([
      ['2027-02-05', 2, undefined],
      ['2027-02-06', 0, '春节休息'],
      ['2027-02-07', 0, '春节休息'],
      ['2027-02-08', 1, '春节假期值班（仅上午）'],
      ['2027-02-09', 1, '春节假期值班（仅上午）'],
      ['2027-02-10', 1, '春节假期值班（仅上午）'],
      ['2027-02-11', 2, '春节假期值班'],
    ]);
  });

  it('an ID-card-only office lists only ID-card services', async () => {
    const view = await call('hall', { id: 'haikou-qiongshan-idcard' });
    expect(view.services.length).toBeGreaterThan(0);
    for (const s of view.services) expect(s.id.startsWith('id-card-')).toBe(true);
  });

  it('every seed hall has a detail that validates', async () => {
    for (const hall of content.halls) {
      const view = await call('hall', { id: hall._id });
      expect(view.services).toHaveLength(hall.services.length);
      expect(view.week).toHaveLength(7);
    }
  });

  it('an unknown hall is HALL_NOT_FOUND; a malformed id is INVALID_INPUT', async () => {
    expect(await failure('hall', { id: 'beijing-dongcheng' })).toEqual({ code: 'HALL_NOT_FOUND', message: messageFor('HALL_NOT_FOUND') });
    expect((await failure('hall', { id: '' })).code).toBe('INVALID_INPUT');
  });
});

describe('strict inputs', () => {
  it.each([
    ['categories', { extra: 1 }],
    ['list', { categoryId: 'migration', sort: 'title' }],
    ['search', { q: '迁移', limit: 100 }],
    ['detail', { id: 'migration-spouse', withHalls: true }],
    ['halls', { city: '海口市', nearby: true }],
    ['hall', { id: 'haikou-longhua', _openid: 'x' }],
  ])('%s rejects an extra key', async (action, data) => {
    expect(await failure(action, data)).toEqual({ code: 'INVALID_INPUT', message: `${messageFor('INVALID_INPUT')}（请求内容）` });
  });

  it('declares the catalogue errors each action can return', () => {
    expect(Object.keys(guideActions).sort()).toEqual(['categories', 'detail', 'faq', 'hall', 'halls', 'list', 'search']);
    expect(guideActions.list.errors).toEqual(['CATEGORY_NOT_FOUND']);
    expect(guideActions.detail.errors).toEqual(['GUIDE_NOT_FOUND']);
    expect(guideActions.hall.errors).toEqual(['HALL_NOT_FOUND']);
  });
});
