/** The pinyin computed on import (pinyin-pro): polyphones read in context, Latin kept, punctuation dropped. */
import { syllablesOf, withPinyin } from '../../server/seed/guidePinyin';
import { catalogueGuides } from './support/InMemoryGuideRepository';

test('syllables of titles and aliases', () => {
  expect(syllablesOf('居民户口簿补领、换领')).toEqual(['ju', 'min', 'hu', 'kou', 'bu', 'bu', 'ling', 'huan', 'ling']);
  expect(syllablesOf('曾用名证明')).toEqual(['ceng', 'yong', 'ming', 'zheng', 'ming']);
  expect(syllablesOf('ID卡照片')).toEqual(['id', 'ka', 'zhao', 'pian']);
  expect(syllablesOf('（）！')).toEqual([]);
});

test('every seed guide carries the pinyin of its title and each alias, and loading twice gives the same', () => {
  for (const g of catalogueGuides()) {
    expect(g.searchPinyin?.filter((p) => p.field === 'title').map((p) => p.text)).toEqual([g.title]);
    expect(g.searchPinyin?.filter((p) => p.field === 'alias').map((p) => p.text)).toEqual(g.aliases);
    expect(withPinyin(g)).toEqual(g);
  }
});
