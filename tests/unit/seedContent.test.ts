/**
 * Seed content in data/: every file parses with its schema, ids and references hold together,
 * and the facts the product relies on (ID-card fees, cross-province items, halls) are in place.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { ZodMiniType } from 'zod/mini';
import { GuideCategory, ServiceGuide } from '../../core/guide/ServiceGuide';
import { Hall } from '../../core/guide/Hall';

const dataDir = join(__dirname, '..', '..', 'data');
const guidesDir = join(dataDir, 'guides');

/** Reads a JSON file strictly: UTF-8 without BOM, well-formed JSON. */
function readJson(path: string): unknown {
  const bytes = readFileSync(path);
  if (bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    throw new Error(`${path}: starts with a UTF-8 BOM`);
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new Error(`${path}: not valid UTF-8`);
  }
  try {
    return JSON.parse(text);
  } catch (e) {
    throw new Error(`${path}: malformed JSON: ${(e as Error).message}`, { cause: e });
  }
}

/** Problems of one value against a schema, as `file path: message` lines. */
function problems(schema: ZodMiniType, value: unknown, where: string): string[] {
  const result = schema.safeParse(value);
  if (result.success) return [];
  return result.error.issues.map((issue) => `${where} at ${issue.path.length ? issue.path.join('.') : '(root)'}: ${issue.message}`);
}

const guideFiles = readdirSync(guidesDir)
  .filter((f) => f.endsWith('.json'))
  .sort();
const rawGuides = guideFiles.map((f) => ({ file: `data/guides/${f}`, value: readJson(join(guidesDir, f)) }));
const rawCategories = readJson(join(dataDir, 'categories.json'));
const rawHalls = readJson(join(dataDir, 'halls.json'));

// Typed views, used after the schema tests have proven the shape.
const guides = rawGuides.map((g) => g.value as ServiceGuide);
const categories = rawCategories as GuideCategory[];
const halls = rawHalls as Hall[];

const ICONS = ['idcard', 'migrate', 'baby', 'certificate', 'home', 'location', 'service'];

describe('seed files', () => {
  it('every JSON file under data/ is UTF-8 without BOM and well-formed', () => {
    const all: string[] = [];
    const walk = (dir: string) => {
      for (const entry of readdirSync(dir, { withFileTypes: true })) {
        const p = join(dir, entry.name);
        if (entry.isDirectory()) walk(p);
        else if (entry.name.endsWith('.json')) all.push(p);
      }
    };
    walk(dataDir);
    expect(all.length).toBeGreaterThan(2);
    const errors: string[] = [];
    for (const p of all) {
      try {
        readJson(p);
      } catch (e) {
        errors.push((e as Error).message);
      }
    }
    expect(errors).toEqual([]);
  });

  it('categories parse with GuideCategory', () => {
    expect(Array.isArray(rawCategories)).toBe(true);
    const errors = (rawCategories as unknown[]).flatMap((c, i) => problems(GuideCategory, c, `data/categories.json [${i}]`));
    expect(errors).toEqual([]);
  });

  it('guides parse with ServiceGuide', () => {
    expect(guideFiles.length).toBeGreaterThan(0);
    const errors = rawGuides.flatMap((g) => problems(ServiceGuide, g.value, g.file));
    expect(errors).toEqual([]);
  });

  it('halls parse with Hall', () => {
    expect(Array.isArray(rawHalls)).toBe(true);
    const errors = (rawHalls as unknown[]).flatMap((h, i) => problems(Hall, h, `data/halls.json [${i}]`));
    expect(errors).toEqual([]);
  });
});

describe('ids and references', () => {
  const duplicates = (ids: string[]) => ids.filter((id, i) => ids.indexOf(id) !== i);

  it('guide ids equal their file names and are unique', () => {
    const mismatched = rawGuides.filter((g) => (g.value as ServiceGuide)._id !== basename(g.file, '.json')).map((g) => `${g.file}: _id ${(g.value as ServiceGuide)._id}`);
    expect(mismatched).toEqual([]);
    expect(duplicates(guides.map((g) => g._id))).toEqual([]);
  });

  it('category and hall ids are unique', () => {
    expect(duplicates(categories.map((c) => c._id))).toEqual([]);
    expect(duplicates(halls.map((h) => h._id))).toEqual([]);
  });

  it('every guide uses an existing category and every category has a guide', () => {
    const categoryIds = new Set(categories.map((c) => c._id));
    expect(guides.filter((g) => !categoryIds.has(g.categoryId)).map((g) => `${g._id} → ${g.categoryId}`)).toEqual([]);
    const used = new Set(guides.map((g) => g.categoryId));
    expect(categories.filter((c) => !used.has(c._id)).map((c) => c._id)).toEqual([]);
  });

  it('guide order is unique within each category', () => {
    const keys = guides.map((g) => `${g.categoryId}#${g.order}`);
    expect(duplicates(keys)).toEqual([]);
  });

  it('every hall service is a guide and every guide is handled by a hall', () => {
    const guideIds = new Set(guides.map((g) => g._id));
    const unknown = halls.flatMap((h) => h.services.filter((s) => !guideIds.has(s)).map((s) => `${h._id}: ${s}`));
    expect(unknown).toEqual([]);
    const handled = new Set(halls.flatMap((h) => h.services));
    expect(guides.filter((g) => !handled.has(g._id)).map((g) => g._id)).toEqual([]);
    expect(halls.filter((h) => duplicates(h.services).length > 0).map((h) => h._id)).toEqual([]);
  });
});

describe('content rules', () => {
  it('category icons come from the mini-program icon set', () => {
    expect(categories.filter((c) => !ICONS.includes(c.icon)).map((c) => `${c._id}: ${c.icon}`)).toEqual([]);
  });

  it('at least 8 cross-province guides, each with a note', () => {
    const cross = guides.filter((g) => g.crossProvince);
    expect(cross.length).toBeGreaterThanOrEqual(8);
    expect(cross.filter((g) => !g.crossProvinceNote).map((g) => g._id)).toEqual([]);
    expect(guides.filter((g) => !g.crossProvince && g.crossProvinceNote).map((g) => g._id)).toEqual([]);
  });

  it('summaries are at most 60 characters and steps number 4 to 6', () => {
    expect(guides.filter((g) => [...g.summary].length > 60).map((g) => g._id)).toEqual([]);
    expect(guides.filter((g) => g.steps.length < 4 || g.steps.length > 6).map((g) => g._id)).toEqual([]);
  });

  it('reviewedOn is a real calendar date', () => {
    const bad = guides.filter((g) => {
      const d = new Date(`${g.reviewedOn}T00:00:00Z`);
      return Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== g.reviewedOn;
    });
    expect(bad.map((g) => g._id)).toEqual([]);
  });

  it('ID-card fees match the national price rule (20 / 40 / 40 / 10 yuan)', () => {
    const expected: Record<string, number> = {
      'id-card-first-application': 20,
      'id-card-renewal': 20,
      'id-card-first-application-elsewhere': 20,
      'id-card-reissue-loss': 40,
      'id-card-replace-damaged': 40,
      'id-card-temporary': 10,
    };
    for (const [id, amount] of Object.entries(expected)) {
      const guide = guides.find((g) => g._id === id);
      expect({ id, present: Boolean(guide) }).toEqual({ id, present: true });
      const fee = guide!.fees.find((f) => f.item.includes('工本费'));
      expect({ id, amount: fee?.amountYuan }).toEqual({ id, amount });
    }
    // Every other ID-card guide still charges one of the known amounts.
    const amounts = guides
      .filter((g) => g.categoryId === 'id-card')
      .flatMap((g) => g.fees.filter((f) => f.item.includes('工本费')).map((f) => `${g._id}: ${f.amountYuan}`))
      .filter((s) => !/: (10|20|40)$/.test(s));
    expect(amounts).toEqual([]);
  });

  it('on-the-spot items have no promised days unless a note explains the time limit', () => {
    const unexplained = guides.filter((g) => (g.timeLimit.legalDays === null || g.timeLimit.promisedDays === null) && !g.timeLimit.note);
    expect(unexplained.map((g) => g._id)).toEqual([]);
  });
});

describe('halls', () => {
  it('at least 6 halls in 2 or more cities', () => {
    expect(halls.length).toBeGreaterThanOrEqual(6);
    expect(new Set(halls.map((h) => `${h.province}/${h.city}`)).size).toBeGreaterThanOrEqual(2);
  });

  it('halls of one city share the city part of their division code', () => {
    const byCity = new Map<string, Set<string>>();
    for (const h of halls) {
      const key = `${h.province}/${h.city}`;
      if (!byCity.has(key)) byCity.set(key, new Set());
      byCity.get(key)!.add(h.divisionCode.slice(0, 4));
    }
    const mixed = [...byCity].filter(([, prefixes]) => prefixes.size > 1).map(([city]) => city);
    expect(mixed).toEqual([]);
  });

  it('hall order is unique within each city', () => {
    const keys = halls.map((h) => `${h.city}#${h.order}`);
    expect(keys.filter((k, i) => keys.indexOf(k) !== i)).toEqual([]);
  });

  it('weekly hours list each weekday once with sessions in order, not overlapping', () => {
    const errors: string[] = [];
    for (const h of halls) {
      const weekdays = h.weeklyHours.map((d) => d.weekday);
      if (new Set(weekdays).size !== weekdays.length) errors.push(`${h._id}: a weekday is listed twice`);
      for (const d of [...h.weeklyHours, ...h.specialHours.map((p) => ({ weekday: p.from, sessions: p.sessions }))]) {
        for (let i = 1; i < d.sessions.length; i++) {
          if (d.sessions[i].start < d.sessions[i - 1].end) {
            errors.push(`${h._id} ${d.weekday}: session ${i} starts before the previous one ends`);
          }
        }
      }
    }
    expect(errors).toEqual([]);
  });

  it('special-hours periods do not overlap within a hall', () => {
    const errors: string[] = [];
    for (const h of halls) {
      const periods = [...h.specialHours].sort((a, b) => a.from.localeCompare(b.from));
      for (let i = 1; i < periods.length; i++) {
        if (periods[i].from <= periods[i - 1].to) {
          errors.push(`${h._id}: ${periods[i - 1].label} (${periods[i - 1].from}..${periods[i - 1].to}) overlaps ` + `${periods[i].label} (${periods[i].from}..${periods[i].to})`);
        }
      }
    }
    expect(errors).toEqual([]);
  });
});
