/**
 * Keyword search over service guides: what a citizen finds for the words they type, on the real
 * seed content, and the invariants of the ranking on arbitrary content.
 */
import fc from 'fast-check';
import { matchStrength, normalizeQuery, searchGuides, type GuideHit } from '../../core/guide/searchGuides';
import type { ServiceGuide } from '../../core/guide/ServiceGuide';
import { catalogueGuides } from './support/InMemoryGuideRepository';

const guides = catalogueGuides();
const ids = (hits: GuideHit[]) => hits.map((h) => h.guide._id);
const MIGRATIONS = ['migration-job-transfer', 'migration-college-admission', 'migration-graduate', 'migration-spouse', 'migration-parents-join-children', 'migration-move-out'];

/** A guide built from a seed guide with only the searchable texts replaced. */
function guideWith(id: string, texts: { title: string; aliases?: string[]; materials?: string[]; summary?: string }): ServiceGuide {
  const base = guides[0];
  return {
    ...base,
    _id: id,
    title: texts.title,
    aliases: texts.aliases ?? [],
    materials: (texts.materials ?? ['材料']).map((name) => ({ name, originals: 1, copies: 0, required: true })),
    summary: texts.summary ?? '说明',
  };
}

describe('searchGuides on the seed content', () => {
  it('迁移 finds every migration item, and only migration items, all of them cross-province', () => {
    const hits = searchGuides(guides, '迁移');
    expect(new Set(ids(hits))).toEqual(new Set(MIGRATIONS));
    for (const h of hits) {
      expect(h.guide.crossProvince).toBe(true);
      expect(h.matchedText).toContain('迁移');
    }
    // 户口迁出 is found by an alias (开迁移证), after the five whose titles say 迁移.
    expect(hits.slice(0, 5).every((h) => h.field === 'title' && h.matchedText === h.guide.title)).toBe(true);
    expect(hits[5]).toMatchObject({ guide: { _id: 'migration-move-out' }, field: 'alias' });
  });

  it('迁户口 (an alias, not in any title) puts the migration items first', () => {
    const hits = searchGuides(guides, '迁户口');
    expect(new Set(ids(hits).slice(0, 6))).toEqual(new Set(MIGRATIONS));
    for (const h of hits.slice(0, 6)) {
      expect(h.field).toBe('alias');
      expect(h.matchedText).toBe('迁户口');
    }
    // Weaker, bigram-only matches (户口 in 上户口, 居民户口簿) come after.
    for (const h of hits.slice(6)) expect(h.score).toBeLessThan(hits[5].score);
  });

  it('补办身份证 and 身份证丢了 find the reissue-after-loss guide first, through its aliases', () => {
    for (const q of ['补办身份证', '身份证丢了']) {
      const [first, second] = searchGuides(guides, q);
      expect(first.guide._id).toBe('id-card-reissue-loss');
      expect(first.field).toBe('alias');
      expect(first.matchedText).toBe(q);
      expect(first.score).toBeGreaterThan(second.score);
    }
  });

  it('录取通知书 (a material) finds the college-admission migration first, explained by the material', () => {
    const [first, ...rest] = searchGuides(guides, '录取通知书');
    expect(first.guide._id).toBe('migration-college-admission');
    expect(first.field).toBe('material');
    expect(first.matchedText).toBe('录取通知书');
    expect(first.guide.materials.map((m) => m.name)).toContain(first.matchedText);
    for (const h of rest) expect(h.score).toBeLessThan(first.score);
  });

  it('上户口 finds birth registration (local, then elsewhere) at the top', () => {
    const hits = searchGuides(guides, '上户口');
    expect(ids(hits).slice(0, 2)).toEqual(['birth-registration', 'birth-registration-elsewhere']);
    expect(hits[0].field).toBe('alias');
    expect(hits[0].matchedText).toBe('上户口');
    expect(hits[2].score).toBeLessThan(hits[1].score);
  });

  it('身份证 ranks the six ID-card guides (title hits) above guides that only need an ID card as material', () => {
    const hits = searchGuides(guides, '身份证');
    const idCard = guides.filter((g) => g.categoryId === 'id-card').map((g) => g._id);
    expect(new Set(ids(hits).slice(0, idCard.length))).toEqual(new Set(idCard));
    for (const h of hits.slice(idCard.length)) expect(h.field).toBe('material');
  });

  it('居住证 finds the residence permit first by its title', () => {
    const [first] = searchGuides(guides, '居住证');
    expect(first.guide._id).toBe('residence-permit-application');
    expect(first.field).toBe('title');
  });

  it('居住证 lists the endorsement second; 居住证签注 and 签注 find it first', () => {
    expect(searchGuides(guides, '居住证')[1].guide._id).toBe('residence-permit-endorsement');
    for (const q of ['居住证签注', '签注', '居住证续签']) expect({ q, first: searchGuides(guides, q)[0].guide._id }).toEqual({ q, first: 'residence-permit-endorsement' });
  });

  it('normalizes spaced, full-width and mixed-case input', () => {
    expect(normalizeQuery(' 迁 移 ')).toBe('迁移');
    expect(normalizeQuery('迁\u3000移')).toBe('迁移');
    expect(normalizeQuery('ＩＤ')).toBe('id');
    expect(normalizeQuery('「补办」身份证！')).toBe('补办身份证');
    expect(searchGuides(guides, ' 迁 移 ')).toEqual(searchGuides(guides, '迁移'));
    expect(searchGuides(guides, '迁\u3000移')).toEqual(searchGuides(guides, '迁移'));
    expect(searchGuides(guides, '补办身份证？')).toEqual(searchGuides(guides, '补办身份证'));

    const withLatin = [...guides, guideWith('id-card-photo', { title: '身份证相片', aliases: ['ID卡照片'] })];
    const [hit] = searchGuides(withLatin, 'ＩＤ');
    expect(hit.guide._id).toBe('id-card-photo');
    expect(hit.field).toBe('alias');
    expect(hit.matchedText).toBe('ID卡照片');
  });

  it('an empty, blank or punctuation-only query finds nothing', () => {
    for (const q of ['', '   ', '\u3000', '，。！？', '……', '——', '()[]{}', '!!!', '·', '＋＝']) {
      expect(searchGuides(guides, q)).toEqual([]);
    }
  });

  it('a query that matches nothing finds nothing, and a lone common character is no flood', () => {
    expect(ids(searchGuides(guides, '社保卡年审'))).toEqual([]);
    expect(ids(searchGuides(guides, 'passport'))).toEqual([]);
    // 证 alone is in dozens of texts but no query bigram: a single shared character is not a match.
    expect(ids(searchGuides(guides, '社证'))).toEqual([]);
  });

  it('every hit explains itself: the matched text comes from the named field and matches the query', () => {
    for (const q of ['迁户口', '补办身份证', '录取通知书', '结婚证', '落户', '跨省', '户口']) {
      const query = normalizeQuery(q);
      for (const h of searchGuides(guides, q)) {
        const texts = {
          title: [h.guide.title],
          alias: h.guide.aliases,
          material: h.guide.materials.map((m) => m.name),
          summary: [h.guide.summary],
        }[h.field];
        expect(texts).toContain(h.matchedText);
        expect(matchStrength(query, h.matchedText)).toBeGreaterThan(0);
      }
    }
  });

  it('the title of every seed guide finds that guide first, ahead of guides whose titles contain it', () => {
    for (const g of guides) {
      const [first, second] = searchGuides(guides, g.title);
      expect(first.guide._id).toBe(g._id);
      expect(first.field).toBe('title');
      if (second) expect(second.score).toBeLessThan(first.score);
    }
    // 出生登记 is inside 异地出生登记, and both summaries mention it: the exact title still wins.
    expect(ids(searchGuides(guides, '出生登记')).slice(0, 2)).toEqual(['birth-registration', 'birth-registration-elsewhere']);
    expect(ids(searchGuides([...guides].reverse(), '出生登记'))[0]).toBe('birth-registration');
  });

  it('an exact title outranks a longer title that contains it and matches in other fields too', () => {
    const exact = guideWith('exact', { title: '出生登记', summary: '新生儿落户' });
    const longer = guideWith('longer', {
      title: '异地出生登记',
      aliases: ['跨省出生登记'],
      materials: ['出生登记表'],
      summary: '可在本地申报出生登记',
    });
    expect(ids(searchGuides([longer, exact], '出生登记'))).toEqual(['exact', 'longer']);
    expect(ids(searchGuides([exact, longer], '异地出生登记'))[0]).toBe('longer');
  });

  it('respects the default limit of 20 and an explicit one', () => {
    const many = Array.from({ length: 30 }, (_, i) => guideWith(`g-${i}`, { title: `身份证事项${i}` }));
    expect(searchGuides(many, '身份证')).toHaveLength(20);
    expect(searchGuides(many, '身份证', 3)).toEqual(searchGuides(many, '身份证').slice(0, 3));
    expect(searchGuides(guides, '身份证', 0)).toEqual([]);
  });
});

describe('matchStrength', () => {
  it('is 1 for a substring, partial for shared bigrams, 0 under half', () => {
    expect(matchStrength('户口', '户口迁移')).toBe(1);
    // 迁户口 → 迁户, 户口: only 户口 is in 户口迁移.
    expect(matchStrength('迁户口', '户口迁移')).toBeCloseTo(0.4);
    expect(matchStrength('身份证丢了', '户口迁移')).toBe(0);
    expect(matchStrength('迁', '户口')).toBe(0);
    expect(matchStrength('', '户口')).toBe(0);
    expect(matchStrength('户口', '')).toBe(0);
  });
});

// ---- properties over arbitrary content ----

/** Characters from guide texts plus Latin, full-width, spaces and punctuation, so texts overlap. */
const unit = fc.constantFrom(...'户口迁移身份证补办领居民出生登记aAbＢ1１ 　，。!·'.split(''));
const text = (minLength = 1, maxLength = 8) => fc.string({ unit, minLength, maxLength });
/** Lists of guides with distinct titles (as in a real catalogue), texts drawn from `unit`. */
const arbGuides = fc
  .uniqueArray(
    fc.record({
      title: text(2, 8),
      aliases: fc.array(text(), { maxLength: 3 }),
      materials: fc.array(text(), { minLength: 1, maxLength: 3 }),
      summary: text(1, 16),
    }),
    { maxLength: 10, selector: (g) => normalizeQuery(g.title) },
  )
  .map((list) => list.map((t, i) => guideWith(`g-${i}`, t)));
const arbQuery = fc.oneof(text(0, 6), fc.string({ maxLength: 12 }));

describe('searchGuides properties', () => {
  const neverThrows = (q: string) => {
    const hits = searchGuides(guides, q);
    expect(Array.isArray(hits)).toBe(true);
    for (const h of hits) expect(h.score).toBeGreaterThan(0);
  };

  it('never throws on arbitrary strings (any unicode: surrogates, combining marks, emoji) and returns only positive hits', () => {
    fc.assert(fc.property(fc.oneof(fc.string({ unit: 'binary', maxLength: 40 }), fc.string({ unit: 'grapheme', maxLength: 40 })), neverThrows), { numRuns: 200 });
  });

  it('never throws on very long strings', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary', minLength: 1000, maxLength: 3000 }), neverThrows), { numRuns: 10 });
    neverThrows('身份证'.repeat(10_000));
  });

  it('returns a duplicate-free subset of the input guides, sorted by score descending, ties in input order', () => {
    fc.assert(
      fc.property(arbGuides, arbQuery, (list, q) => {
        const hits = searchGuides(list, q, 100);
        const hitIds = ids(hits);
        expect(new Set(hitIds).size).toBe(hitIds.length);
        for (const h of hits) expect(list).toContain(h.guide);
        for (let i = 1; i < hits.length; i++) {
          expect(hits[i - 1].score).toBeGreaterThanOrEqual(hits[i].score);
          if (hits[i - 1].score === hits[i].score) {
            expect(list.indexOf(hits[i - 1].guide)).toBeLessThan(list.indexOf(hits[i].guide));
          }
        }
      }),
      { numRuns: 400 },
    );
  });

  it('finds every guide whose title contains the normalized query', () => {
    fc.assert(
      fc.property(arbGuides, arbQuery, (list, q) => {
        const query = normalizeQuery(q);
        fc.pre(query.length > 0);
        const hitIds = new Set(ids(searchGuides(list, q, 100)));
        for (const g of list) if (normalizeQuery(g.title).includes(query)) expect(hitIds).toContain(g._id);
      }),
      { numRuns: 300 },
    );
  });

  it('the title of any guide, used as the query, finds that guide first', () => {
    fc.assert(
      fc.property(
        arbGuides.filter((l) => l.length > 0),
        fc.nat(),
        (list, pick) => {
          const target = list[pick % list.length];
          fc.pre(normalizeQuery(target.title).length > 0);
          const hits = searchGuides(list, target.title, 100);
          expect(hits[0].guide._id).toBe(target._id);
          expect(hits[0].field).toBe('title');
          if (hits[1]) expect(hits[1].score).toBeLessThan(hits[0].score);
        },
      ),
      { numRuns: 400 },
    );
  });

  it('the title of any seed guide finds it first among any subset and order of the seed guides', () => {
    fc.assert(
      fc.property(fc.shuffledSubarray(guides, { minLength: 1 }), fc.nat(), (list, pick) => {
        const target = list[pick % list.length];
        expect(searchGuides(list, target.title)[0].guide).toBe(target);
      }),
      { numRuns: 200 },
    );
  });

  it('respects the limit: the result is the first `limit` hits of the full ranking', () => {
    fc.assert(
      fc.property(arbGuides, arbQuery, fc.integer({ min: 0, max: 15 }), (list, q, limit) => {
        const all = searchGuides(list, q, 1000);
        const limited = searchGuides(list, q, limit);
        expect(limited.length).toBeLessThanOrEqual(limit);
        expect(limited).toEqual(all.slice(0, limit));
      }),
      { numRuns: 300 },
    );
  });

  it('is deterministic: the same input gives the same output', () => {
    fc.assert(
      fc.property(arbGuides, arbQuery, (list, q) => {
        expect(searchGuides(list, q)).toEqual(searchGuides([...list], q));
      }),
      { numRuns: 200 },
    );
  });

  it('ignores spaces, punctuation and full-width forms in the query', () => {
    const noise = fc.constantFrom(' ', '\u3000', '，', '。', '!', '?', '·', '-', '（', '）', '\t');
    fc.assert(
      fc.property(
        arbGuides,
        fc.string({ unit: fc.constantFrom(...'户口迁移身份证补办ab1'.split('')), minLength: 1, maxLength: 6 }),
        fc.array(noise, { minLength: 1, maxLength: 8 }),
        (list, q, noises) => {
          const chars = Array.from(q);
          const noisy = chars.map((c, i) => (noises[i % noises.length] ?? '') + c).join('') + noises[0];
          // ASCII letters and digits to their full-width forms (U+FF01…U+FF5E).
          const fullWidth = noisy.replace(/[!-~]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));
          const plain = searchGuides(list, q);
          expect(searchGuides(list, noisy)).toEqual(plain);
          expect(searchGuides(list, fullWidth)).toEqual(plain);
          expect(searchGuides(list, q.toUpperCase())).toEqual(plain);
        },
      ),
      { numRuns: 300 },
    );
  });
});
