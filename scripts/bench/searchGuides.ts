/**
 * How fast forgiving search is (not a test): the seed catalogue, and the seed catalogue repeated
 * to 20× its size, searched with typical, typo, pinyin, English and nonsense queries.
 * `npx tsx scripts/bench/searchGuides.ts`
 */
import { performance } from 'node:perf_hooks';
import { answerSearch } from '../../core/guide/answerSearch';
import type { ServiceGuide } from '../../core/guide/ServiceGuide';
import { loadSeedContent } from '../../server/seed/loadSeedContent';

const QUERIES = ['身份证', '身分证', '居往证', 'sfz', 'shenfenzheng', 'ID card', 'hukoubu', '改名', '户口迁出', '迁户口', '录取通知书', '户口本丢了', 'passport', '航天飞机'];
const ROUNDS = 200;

const content = loadSeedContent();

function catalogue(times: number): ServiceGuide[] {
  return Array.from({ length: times }, (_, n) => content.guides.map((g) => ({ ...g, _id: `${g._id}-${n}`, title: n === 0 ? g.title : `${g.title}${n}` }))).flat();
}

for (const times of [1, 20]) {
  const guides = catalogue(times);
  const t0 = performance.now();
  answerSearch(guides, '身份证', content.lexicon);
  const first = performance.now() - t0;
  const start = performance.now();
  for (let r = 0; r < ROUNDS; r++) for (const q of QUERIES) answerSearch(guides, q, content.lexicon);
  const perQuery = (performance.now() - start) / (ROUNDS * QUERIES.length);
  console.log(
    `${String(guides.length).padStart(4)} guides: first search (builds the fuzzy index) ${first.toFixed(1)} ms, then ${perQuery.toFixed(2)} ms per query (${ROUNDS} × ${QUERIES.length} queries)`,
  );
}
