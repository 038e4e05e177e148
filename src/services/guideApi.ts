import type { CategoryView, GuideDetailView, GuideSummaryView, HallDetailView, HallSummaryView } from '../../core/guide/views';
import { call } from './api';

/** Typed calls to the `guide` cloud function. */
export const guideApi = {
  categories: () => call<{ categories: CategoryView[] }>('guide', 'categories'),
  list: (filter: { categoryId?: string; crossProvince?: true }) => call<{ guides: GuideSummaryView[] }>('guide', 'list', filter),
  search: (q: string) => call<{ query: string; guides: GuideSummaryView[] }>('guide', 'search', { q }),
  detail: (id: string) => call<GuideDetailView>('guide', 'detail', { id }),
  halls: (city?: string) => call<{ cities: string[]; halls: HallSummaryView[] }>('guide', 'halls', city ? { city } : {}),
  hall: (id: string) => call<HallDetailView>('guide', 'hall', { id }),
};
