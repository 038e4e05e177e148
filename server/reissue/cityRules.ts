import type { ReissueConfigInput } from '../../core/reissue/ReissueConfig';

/**
 * Published local practice, used for a city that has no document in `reissue_configs` yet (a
 * document there always wins). Only what differs from DOMAIN.md's defaults is written down.
 * - 460100 海口市: the photo on file may be reused when the last card was issued within 5 years.
 */
export const knownCityRules: Record<string, Omit<ReissueConfigInput, 'cityCode'>> = {
  '460100': { photoRule: { kind: 'cardIssuedWithin', years: 5 } },
};
