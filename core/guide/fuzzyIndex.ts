import Fuse from 'fuse.js';
import { isLatin, normalizeQuery } from './normalizeQuery';
import type { ServiceGuide } from './ServiceGuide';

export type FuzzyField = 'title' | 'alias' | 'material';

export interface FuzzyHit {
  /** Position of the guide in the list the index was built from. */
  guide: number;
  field: FuzzyField;
  /** The guide's own text that matched (for pinyin, the Chinese it spells). */
  text: string;
  /** In (0, 0.7]: fuzzy hits always rank below exact ones of the same field. */
  strength: number;
}

interface Entry {
  guide: number;
  field: FuzzyField;
  text: string;
  key: string;
}

/** One wrong, missing or extra character in three (居往证 → 居住证, 户口迁处 → 户口迁出). */
const TEXT_THRESHOLD = 0.34;
/** One wrong letter in five (shengfenzheng → shenfenzheng); shorter pinyin must be exact. */
const PINYIN_THRESHOLD = 0.2;
const MIN_TEXT = 3;
const MIN_PINYIN = 5;
/** Fuse's bitap handles patterns up to 32 characters; the search action takes at most 40. */
const MAX_QUERY = 32;
const FUZZY_WEIGHT = 0.7;

function fuse(entries: Entry[], threshold: number): Fuse<Entry> {
  return new Fuse(entries, {
    keys: ['key'],
    includeScore: true,
    threshold,
    ignoreLocation: true,
    ignoreFieldNorm: true,
    isCaseSensitive: true,
    minMatchCharLength: 2,
    shouldSort: false,
  });
}

/**
 * Typo-tolerant matching (fuse.js) over the titles, aliases and material names of a catalogue,
 * and over the pinyin of titles and aliases stored on import.
 */
export class FuzzyIndex {
  private readonly text: Fuse<Entry>;
  private readonly pinyin: Fuse<Entry>;

  constructor(guides: readonly ServiceGuide[]) {
    const texts: Entry[] = [];
    const pinyin: Entry[] = [];
    guides.forEach((g, guide) => {
      const add = (field: FuzzyField, text: string) => texts.push({ guide, field, text, key: normalizeQuery(text) });
      add('title', g.title);
      g.aliases.forEach((a) => add('alias', a));
      g.materials.forEach((m) => add('material', m.name));
      for (const p of g.searchPinyin ?? []) pinyin.push({ guide, field: p.field, text: p.text, key: p.syllables.join('') });
    });
    this.text = fuse(texts, TEXT_THRESHOLD);
    this.pinyin = fuse(pinyin, PINYIN_THRESHOLD);
  }

  /** Hits for a normalized query; none for queries too short to be told from noise, or too long. */
  search(query: string): FuzzyHit[] {
    const length = Array.from(query).length;
    if (length > MAX_QUERY) return [];
    const latin = isLatin(query);
    if (length < (latin ? MIN_PINYIN : MIN_TEXT)) return [];
    return (latin ? this.pinyin : this.text).search(query).map(({ item, score }) => ({
      guide: item.guide,
      field: item.field,
      text: item.text,
      strength: FUZZY_WEIGHT * (1 - (score ?? 1)),
    }));
  }
}

const built = new WeakMap<readonly ServiceGuide[], FuzzyIndex>();

/** The index of a catalogue, built once per list (the repository keeps one list while it caches). */
export function fuzzyIndexOf(guides: readonly ServiceGuide[]): FuzzyIndex {
  let index = built.get(guides);
  if (!index) {
    index = new FuzzyIndex(guides);
    built.set(guides, index);
  }
  return index;
}
