/** Lowercase, full-width → half-width, and drop spaces and punctuation (Chinese has no word spacing). */
export function normalizeQuery(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\s\p{P}\p{S}]+/gu, '');
}

/** Latin letters only (after normalizing): pinyin such as sfz or shenfenzheng, or an English word. */
export function isLatin(query: string): boolean {
  return /^[a-z]+$/.test(query);
}
