import type { CategoryView, ElsewhereView, GuideDetailView, GuideSummaryView, HallDetailView, HallSummaryView, HotlineView } from '../../core/guide/views';
import type { FaqView } from '../../core/consult/Consultation';
import { call } from './api';

export interface SearchAnswer {
  query: string;
  guides: GuideSummaryView[];
  elsewhere?: ElsewhereView;
  hotline?: HotlineView;
}

/** Typed calls to the `guide` cloud function. */
export const guideApi = {
  categories: () => call<{ categories: CategoryView[] }>('guide', 'categories'),
  list: (filter: { categoryId?: string; crossProvince?: true }) => call<{ guides: GuideSummaryView[] }>('guide', 'list', filter),
  search: (q: string) => call<SearchAnswer>('guide', 'search', { q }),
  detail: (id: string) => call<GuideDetailView>('guide', 'detail', { id }),
  halls: (city?: string) => call<{ cities: string[]; halls: HallSummaryView[] }>('guide', 'halls', city ? { city } : {}),
  /** Nearest first, with distances; the position is sent for this answer only. */
  hallsNear: (near: { latitude: number; longitude: number }) => call<{ cities: string[]; halls: HallSummaryView[] }>('guide', 'halls', { near }),
  hall: (id: string) => call<HallDetailView>('guide', 'hall', { id }),
  /** The questions about a business the halls answered and published (edited, no personal data). */
  faq: (business: string) => call<{ entries: FaqView[] }>('guide', 'faq', { business }),
};
