/**
 * The guides say truthfully what can be done online (issue 15): a guide is marked `online` exactly
 * when the mini-program has a flow that does it end to end — the ID-card reissue (lost or damaged)
 * or one of the household-registration businesses (core/business/kinds.ts).
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { BUSINESSES } from '../../core/business/kinds';

const GUIDES = path.join(__dirname, '..', '..', 'data', 'guides');
const ONLINE_FLOWS = new Set(['id-card-reissue-loss', 'id-card-replace-damaged', ...Object.values(BUSINESSES).map((b) => b.guideId)]);

test('a guide is online exactly when a flow does it end to end', () => {
  const guides = readdirSync(GUIDES).map((f) => JSON.parse(readFileSync(path.join(GUIDES, f), 'utf8')) as { _id: string; online: boolean });
  expect(
    guides
      .filter((g) => g.online)
      .map((g) => g._id)
      .sort(),
  ).toEqual([...ONLINE_FLOWS].sort());
  for (const id of ONLINE_FLOWS) expect(guides.map((g) => g._id)).toContain(id);
});
