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
    // A typo in the middle of a short word leaves runs of one character (居_证): they count.
    minMatchCharLength: 1,
    shouldSort: false,
  });
}

/** Entries by the characters they contain, to hand fuse.js only those that could match. */
class CharacterIndex {
  private readonly byChar = new Map<string, number[]>();

  constructor(private readonly entries: Entry[]) {
    entries.forEach((e, i) => {
      for (const ch of new Set(e.key)) {
        const list = this.byChar.get(ch);
        if (list) list.push(i);
        else this.byChar.set(ch, [i]);
      }
    });
  }

  /**
   * Entries containing enough of the query's distinct characters to be within `threshold` edits of
   * it: each edit loses at most one of them, so fewer shared characters can never match.
   */
  candidates(query: string, threshold: number): Entry[] {
    const chars = [...new Set(query)];
    const needed = chars.length - Math.floor(threshold * Array.from(query).length);
    if (needed <= 0) return this.entries;
    const shared = new Map<number, number>();
    for (const ch of chars) for (const i of this.byChar.get(ch) ?? []) shared.set(i, (shared.get(i) ?? 0) + 1);
    const out: Entry[] = [];
    for (const [i, n] of shared) if (n >= needed) out.push(this.entries[i]);
    return out;
  }
}

/**
 * Typo-tolerant matching (fuse.js) over the titles, aliases and material names of a catalogue,
 * and over the pinyin of titles and aliases stored on import. A character index narrows each
 * search to the entries that could match, so a query costs little even on a large catalogue.
 */
export class FuzzyIndex {
  private readonly text: CharacterIndex;
  private readonly pinyin: CharacterIndex;

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
    this.text = new CharacterIndex(texts);
    this.pinyin = new CharacterIndex(pinyin);
  }

  /** Hits for a normalized query; none for queries too short to be told from noise, or too long. */
  search(query: string): FuzzyHit[] {
    const length = Array.from(query).length;
    if (length > MAX_QUERY) return [];
    const latin = isLatin(query);
    if (length < (latin ? MIN_PINYIN : MIN_TEXT)) return [];
    const threshold = latin ? PINYIN_THRESHOLD : TEXT_THRESHOLD;
    const candidates = (latin ? this.pinyin : this.text).candidates(query, threshold);
    if (candidates.length === 0) return [];
    return fuse(candidates, threshold)
      .search(query)
      .map(({ item, score }) => ({
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
