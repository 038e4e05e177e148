import * as z from 'zod/mini';
import { DutyDayFields } from '../hallDuty/DutyDay';
import { describeHours, hoursOn } from './hallHours';
import { Fee, Material, Step, TimeLimit } from './ServiceGuide';
import type { GuideCategory, ServiceGuide } from './ServiceGuide';
import { Session, SpecialHours } from './Hall';
import type { Hall } from './Hall';
import type { GuideHit } from './searchGuides';
import { addDays, shanghaiDate } from '../time/shanghai';
import type { WorkCalendar } from '../time/WorkCalendar';
import { lazySchema } from '../function/lazySchema';
import { BUSINESS_KINDS, kindOfGuide } from '../business/kinds';

/** What the `guide` function returns: views shaped for the pages, with `id` instead of `_id`. */

export const CategoryView = lazySchema(() =>
  z.object({
    id: z.string(),
    name: z.string(),
    description: z.string(),
    icon: z.string(),
    guideCount: z.int(),
  }),
);
export type CategoryView = z.infer<typeof CategoryView>;

export const GuideSummaryView = lazySchema(() =>
  z.object({
    id: z.string(),
    title: z.string(),
    summary: z.string(),
    categoryId: z.string(),
    online: z.boolean(),
    bookable: z.boolean(),
    crossProvince: z.boolean(),
    /** Present in search results: where the keywords were found. */
    matched: z.optional(z.object({ field: z.enum(['title', 'alias', 'material', 'summary']), text: z.string() })),
  }),
);
export type GuideSummaryView = z.infer<typeof GuideSummaryView>;

const DayHoursView = lazySchema(() =>
  z.object({
    date: z.string(),
    weekday: z.int(),
    sessions: z.array(Session),
    special: z.optional(z.string()),
  }),
);

export const HallSummaryView = lazySchema(() =>
  z.object({
    id: z.string(),
    name: z.string(),
    city: z.string(),
    district: z.string(),
    address: z.string(),
    phone: z.string(),
    today: z.extend(DayHoursView, { openNow: z.boolean() }),
    /** Present when the citizen shared a location: how far the hall is, in km. */
    distanceKm: z.optional(z.number()),
  }),
);
export type HallSummaryView = z.infer<typeof HallSummaryView>;

export const HallDetailView = lazySchema(() =>
  z.extend(HallSummaryView, {
    province: z.string(),
    weekly: z.array(z.object({ days: z.string(), sessions: z.array(Session) })),
    upcomingSpecial: z.array(SpecialHours),
    /** The next seven days' hours, so special days are seen in context. */
    week: z.array(DayHoursView),
    hoursNote: z.optional(z.string()),
    transport: z.optional(z.string()),
    location: z.optional(z.object({ latitude: z.number(), longitude: z.number() })),
    services: z.array(z.object({ id: z.string(), title: z.string(), crossProvince: z.boolean() })),
    /** The duty boards of the next seven days that have one (issue 16): windows, officers' display names, duty phone. */
    duty: z.optional(z.array(DutyDayFields)),
  }),
);
export type HallDetailView = z.infer<typeof HallDetailView>;

/** Search's answer when what was asked for is another office's business (护照 → 出入境管理部门). */
export const ElsewhereView = lazySchema(() => z.object({ business: z.string(), office: z.string(), phone: z.optional(z.string()), note: z.string() }));
export type ElsewhereView = z.infer<typeof ElsewhereView>;

export const HotlineView = lazySchema(() => z.object({ name: z.string(), phone: z.string(), note: z.optional(z.string()) }));
export type HotlineView = z.infer<typeof HotlineView>;

export const GuideDetailView = lazySchema(() =>
  z.object({
    id: z.string(),
    title: z.string(),
    aliases: z.array(z.string()),
    category: z.object({ id: z.string(), name: z.string() }),
    summary: z.string(),
    audience: z.string(),
    conditions: z.array(z.string()),
    materials: z.array(Material),
    steps: z.array(Step),
    fees: z.array(Fee),
    timeLimit: TimeLimit,
    online: z.boolean(),
    bookable: z.boolean(),
    crossProvince: z.boolean(),
    crossProvinceNote: z.optional(z.string()),
    legalBasis: z.array(z.string()),
    reviewedOn: z.string(),
    halls: z.array(HallSummaryView),
    /** The online business (issue 15) that follows this guide: the page's 在线申请 opens it. */
    businessKind: z.optional(z.enum(BUSINESS_KINDS)),
  }),
);
export type GuideDetailView = z.infer<typeof GuideDetailView>;

export function categoryView(category: GuideCategory, guides: readonly ServiceGuide[]): CategoryView {
  const { _id, name, description, icon } = category;
  return { id: _id, name, description, icon, guideCount: guides.filter((g) => g.categoryId === _id).length };
}

export function guideSummaryView(guide: ServiceGuide, hit?: GuideHit): GuideSummaryView {
  const { _id, title, summary, categoryId, online, bookable, crossProvince } = guide;
  const view: GuideSummaryView = { id: _id, title, summary, categoryId, online, bookable, crossProvince };
  if (hit) view.matched = { field: hit.field, text: hit.matchedText };
  return view;
}

/** With a work calendar, statutory holidays show as closed (国庆节) and adjusted workdays as open. */
export function hallSummaryView(hall: Hall, now: Date, calendar?: WorkCalendar): HallSummaryView {
  const { _id, name, city, district, address, phone } = hall;
  return { id: _id, name, city, district, address, phone, today: describeHours(hall, now, undefined, calendar).today };
}

export function hallDetailView(hall: Hall, now: Date, services: readonly ServiceGuide[], calendar?: WorkCalendar): HallDetailView {
  const hours = describeHours(hall, now, undefined, calendar);
  const first = shanghaiDate(now);
  const week = Array.from({ length: 7 }, (_, i) => hoursOn(hall, addDays(first, i), calendar));
  return {
    ...hallSummaryView(hall, now, calendar),
    province: hall.province,
    weekly: hours.weekly,
    upcomingSpecial: hours.upcomingSpecial,
    week,
    hoursNote: hall.hoursNote,
    transport: hall.transport,
    location: hall.location,
    services: services.map((g) => ({ id: g._id, title: g.title, crossProvince: g.crossProvince })),
  };
}

export function guideDetailView(guide: ServiceGuide, category: GuideCategory | undefined, halls: readonly Hall[], now: Date, calendar?: WorkCalendar): GuideDetailView {
  const { _id, categoryId, order: _order, searchPinyin: _pinyin, ...rest } = guide;
  void _order;
  void _pinyin;
  const businessKind = kindOfGuide(_id);
  return {
    ...rest,
    id: _id,
    category: { id: categoryId, name: category?.name ?? '' },
    halls: halls.map((h) => hallSummaryView(h, now, calendar)),
    ...(businessKind && { businessKind }),
  };
}
