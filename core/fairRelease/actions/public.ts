import * as z from 'zod/mini';
import { defineAction } from '../../function/action';
import { lazySchema } from '../../function/lazySchema';
import { stableId } from '../../guide/ServiceGuide';
import type { BookingDeps } from '../../booking/BookingDeps';
import { DateInput } from '../../booking/actions/inputs';
import { addDays, shanghaiDate } from '../../time/shanghai';
import { DrawView, drawView } from '../views';
import { drawOf, hallNameOf } from './shared';

export const releaseDraw = defineAction({
  summary:
    "Anyone: a hall-day's draw — window, priority groups, the seed's commitment and, once drawn, the seed and every application's opaque ticket in draw order, so anyone can check sha256('hukou-fair-release-seed:' + seed) against the commitment and recompute the order (by group, then sha256(seed + ':' + ticket)). Nothing personal.",
  input: lazySchema(() => z.strictObject({ hallId: stableId, date: DateInput })),
  output: DrawView,
  errors: ['RELEASE_DRAW_NOT_FOUND'],
  async run({ hallId, date }, deps: BookingDeps) {
    const draw = await drawOf(deps, hallId, date);
    return drawView(draw, await hallNameOf(deps, hallId), deps.clock.now());
  },
});

export const releaseDraws = defineAction({
  summary: "Anyone: the hall-days released by draw from today on (a hall's, or every hall's), without the order (see releaseDraw).",
  input: lazySchema(() => z.strictObject({ hallId: z.optional(stableId) })),
  output: lazySchema(() => z.object({ draws: z.array(DrawView) })),
  errors: [],
  async run({ hallId }, deps: BookingDeps) {
    const now = deps.clock.now();
    const draws = await deps.fairRelease.draws(addDays(shanghaiDate(now), -1), 50, hallId);
    const names = new Map(await Promise.all([...new Set(draws.map((d) => d.hallId))].map(async (h) => [h, await hallNameOf(deps, h)] as const)));
    // The list leaves the order out (it can be long): releaseDraw gives it.
    return { draws: draws.map((d) => drawView({ ...d, order: undefined }, names.get(d.hallId) ?? d.hallId, now)) };
  },
});
