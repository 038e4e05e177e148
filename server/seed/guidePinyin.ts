import { pinyin } from 'pinyin-pro';
import { normalizeQuery } from '../../core/guide/normalizeQuery';
import type { GuidePinyin, ServiceGuide } from '../../core/guide/ServiceGuide';

/**
 * Toneless pinyin of a text, one syllable per Chinese character (pinyin-pro picks the reading of
 * polyphones from the words around them: 户口簿 → hu kou bu); Latin runs and digits stay as they are.
 */
export function syllablesOf(text: string): string[] {
  const normalized = normalizeQuery(text);
  if (!normalized) return [];
  return pinyin(normalized, { toneType: 'none', type: 'array', nonZh: 'consecutive', v: true })
    .map((s) => s.toLowerCase())
    .filter((s) => /^[a-z0-9]+$/.test(s));
}

/**
 * The guide with the pinyin of its title and aliases, so the `guide` function can match
 * shenfenzheng or sfz without carrying pinyin-pro's dictionary. Computed when guides are loaded
 * for import; whatever `searchPinyin` the input had is replaced.
 */
export function withPinyin(guide: ServiceGuide): ServiceGuide {
  const entries: GuidePinyin[] = [];
  const add = (field: GuidePinyin['field'], text: string) => {
    const syllables = syllablesOf(text);
    if (syllables.length > 0) entries.push({ field, text, syllables });
  };
  add('title', guide.title);
  guide.aliases.forEach((a) => add('alias', a));
  return { ...guide, searchPinyin: entries };
}
