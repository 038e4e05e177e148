import type { GuidePinyin } from './ServiceGuide';

export interface PinyinMatch {
  /** In [0, 1]: 1 for the whole text, 0.9 for full pinyin from a syllable on, 0.8 for initials. */
  strength: number;
  /** The query spells the whole text, in full pinyin or initials (shenfenzheng, sfz for 身份证). */
  whole: boolean;
}

const NONE: PinyinMatch = { strength: 0, whole: false };

/**
 * How a Latin-letter query matches one text's pinyin, computed on import: full pinyin starting at a
 * syllable (shenfenzheng and shenfen find 居民身份证, enzh does not), or a run of initials (sfz).
 * Queries under two letters match nothing: a single letter is no search.
 */
export function pinyinMatch(query: string, entry: Pick<GuidePinyin, 'syllables'>): PinyinMatch {
  if (query.length < 2) return NONE;
  const { syllables } = entry;
  const full = syllables.join('');
  const initials = syllables.map((s) => s[0]).join('');
  if (query === full || query === initials) return { strength: 1, whole: true };
  let rest = full;
  for (const syllable of syllables) {
    if (rest.startsWith(query)) return { strength: 0.9, whole: false };
    rest = rest.slice(syllable.length);
  }
  return initials.includes(query) ? { strength: 0.8, whole: false } : NONE;
}
