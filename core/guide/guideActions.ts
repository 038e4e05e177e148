import * as z from 'zod/mini';
import { defineAction, type ActionMap } from '../function/action';
import { DomainError } from '../errors/DomainError';
import type { Clock } from '../time/Clock';
import type { WorkCalendar } from '../time/WorkCalendar';
import type { GuideRepository } from './GuideRepository';
import { answerSearch } from './answerSearch';
import { nearestHalls } from './nearestHalls';
import { stableId } from './ServiceGuide';
import {
  CategoryView,
  ElsewhereView,
  GuideDetailView,
  HotlineView,
  GuideSummaryView,
  HallDetailView,
  HallSummaryView,
  categoryView,
  guideDetailView,
  guideSummaryView,
  hallDetailView,
  hallSummaryView,
} from './views';
import { lazySchema } from '../function/lazySchema';
import type { FaqReader } from '../consult/ports';
import { faqView, FaqView } from '../consult/Consultation';

const FAQ_LIMIT = 20;
import type { HallDutyStore } from '../hallDuty/ports';
import { dutyBoard } from '../hallDuty/DutyDay';
import { addDays, shanghaiDate } from '../time/shanghai';

export interface GuideDeps {
  guides: GuideRepository;
  clock: Clock;
  /** Statutory holidays and adjusted workdays for the hours shown; without it, the halls' own hours only. */
  calendar?: WorkCalendar;
  /** Answered consultations the halls published (core/consult); without it, the FAQ is empty. */
  faq?: FaqReader;
  /** Hall duty boards (issue 16); without it, the hall page shows none. */
  duty?: Pick<HallDutyStore, 'dutyDays'>;
}

const categories = defineAction({
  summary: 'Categories of service guides with the number of guides in each.',
  input: lazySchema(() => z.strictObject({})),
  output: lazySchema(() => z.object({ categories: z.array(CategoryView) })),
  errors: [],
  async run(_input, { guides }: GuideDeps) {
    const [all, cats] = await Promise.all([guides.allGuides(), guides.categories()]);
    return { categories: cats.map((c) => categoryView(c, all)) };
  },
});

const list = defineAction({
  summary: 'Guides of a category, or the cross-province (跨省通办) items, in catalogue order.',
  input: lazySchema(() => z.strictObject({ categoryId: z.optional(stableId), crossProvince: z.optional(z.literal(true)) })),
  output: lazySchema(() => z.object({ guides: z.array(GuideSummaryView) })),
  errors: ['CATEGORY_NOT_FOUND'],
  async run({ categoryId, crossProvince }, { guides }: GuideDeps) {
    const [all, cats] = await Promise.all([guides.allGuides(), guides.categories()]);
    if (categoryId && !cats.some((c) => c._id === categoryId)) throw new DomainError('CATEGORY_NOT_FOUND');
    const chosen = all.filter((g) => (!categoryId || g.categoryId === categoryId) && (!crossProvince || g.crossProvince));
    return { guides: chosen.map((g) => guideSummaryView(g)) };
  },
});

const search = defineAction({
  summary:
    'Forgiving keyword search (synonyms, pinyin and initials, small typos) over titles, aliases and materials, best match first; ' +
    "another office's business gets a pointer (elsewhere), and no result the hotline.",
  input: lazySchema(() => z.strictObject({ q: z.string().check(z.trim(), z.minLength(1), z.maxLength(40)) })),
  output: lazySchema(() =>
    z.object({
      query: z.string(),
      guides: z.array(GuideSummaryView),
      /** What was asked for is handled by another office: where to go instead. */
      elsewhere: z.optional(ElsewhereView),
      /** Present when no guide was found: where to ask. */
      hotline: z.optional(HotlineView),
    }),
  ),
  errors: [],
  async run({ q }, { guides }: GuideDeps) {
    const [all, lexicon] = await Promise.all([guides.allGuides(), guides.lexicon()]);
    const { hits, elsewhere, hotline } = answerSearch(all, q, lexicon);
    return {
      query: q,
      guides: hits.map((h) => guideSummaryView(h.guide, h)),
      ...(elsewhere && { elsewhere: { business: elsewhere.business, office: elsewhere.office, phone: elsewhere.phone, note: elsewhere.note } }),
      ...(hotline && { hotline }),
    };
  },
});

const detail = defineAction({
  summary: "A guide's full content with the halls that handle it and their hours today.",
  input: lazySchema(() => z.strictObject({ id: stableId })),
  output: GuideDetailView,
  errors: ['GUIDE_NOT_FOUND'],
  async run({ id }, { guides, clock, calendar }: GuideDeps) {
    const guide = await guides.guide(id);
    if (!guide) throw new DomainError('GUIDE_NOT_FOUND');
    const [cats, halls] = await Promise.all([guides.categories(), guides.hallsHandling(id)]);
    return guideDetailView(
      guide,
      cats.find((c) => c._id === guide.categoryId),
      halls,
      clock.now(),
      calendar,
    );
  },
});

const halls = defineAction({
  summary: 'Halls, optionally of one city, with the cities that have halls; nearest first with distances when a location is given (used for this answer only).',
  input: lazySchema(() =>
    z.strictObject({
      city: z.optional(z.string().check(z.minLength(2), z.maxLength(20))),
      near: z.optional(z.strictObject({ latitude: z.number().check(z.gte(-90), z.lte(90)), longitude: z.number().check(z.gte(-180), z.lte(180)) })),
    }),
  ),
  output: lazySchema(() => z.object({ cities: z.array(z.string()), halls: z.array(HallSummaryView) })),
  errors: [],
  async run({ city, near }, { guides, clock, calendar }: GuideDeps) {
    const all = await guides.halls();
    const cities = [...new Set(all.map((h) => h.city))];
    const now = clock.now();
    const chosen = all.filter((h) => !city || h.city === city);
    if (!near) return { cities, halls: chosen.map((h) => hallSummaryView(h, now, calendar)) };
    return {
      cities,
      halls: nearestHalls(chosen, near).map(({ hall, distanceKm }) => ({ ...hallSummaryView(hall, now, calendar), ...(distanceKm !== undefined && { distanceKm }) })),
    };
  },
});

const hall = defineAction({
  summary:
    "A hall's address, phone, hours (special periods included, as edited), the services it offers, and its duty boards of the next seven days (windows, officers' display names, duty phone).",
  input: lazySchema(() => z.strictObject({ id: stableId })),
  output: HallDetailView,
  errors: ['HALL_NOT_FOUND'],
  async run({ id }, { guides, clock, calendar, duty }: GuideDeps) {
    const today = shanghaiDate(clock.now());
    const boards = duty?.dutyDays(id, today, addDays(today, 6));
    boards?.catch(() => undefined); // awaited below; not unhandled if the hall is unknown
    const found = await guides.hall(id);
    if (!found) throw new DomainError('HALL_NOT_FOUND');
    const all = await guides.allGuides();
    const offered = all.filter((g) => found.services.includes(g._id));
    const view = hallDetailView(found, clock.now(), offered, calendar);
    return boards ? { ...view, duty: (await boards).map(dutyBoard) } : view;
  },
});

const faq = defineAction({
  summary:
    "Questions citizens asked about a business and the halls' answers, as the halls published them (edited, no personal data); of one hall or every hall, newest first, at most 20.",
  input: lazySchema(() => z.strictObject({ business: stableId, hallId: z.optional(stableId) })),
  output: lazySchema(() => z.object({ entries: z.array(FaqView) })),
  errors: [],
  async run({ business, hallId }, deps: GuideDeps) {
    if (!deps.faq) return { entries: [] };
    const entries = await deps.faq.of(hallId ? { business, hallId } : { business }, FAQ_LIMIT);
    return { entries: entries.map(faqView) };
  },
});

export const guideActions: ActionMap<GuideDeps> = { categories, list, search, detail, halls, hall, faq };
