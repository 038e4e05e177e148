import { readFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { parseIdNumber, type IdNumber } from '../../core/identity/idNumber';
import { chinaDivisions } from '../../server/identity/chinaDivisions';
import { DATA_DIR } from '../../server/seed/loadSeedContent';
import { addYears } from '../../core/reissue/eligibility';
import { shanghaiDate } from '../../core/time/shanghai';
import { localNow } from '../localClock';

const SyntheticResident = z.object({
  _id: z.string().regex(/^resident-\d{3}$/),
  idNumber: z.string(),
  name: z.string().min(2),
  householdId: z.string().min(1),
  relationToHead: z.string().min(1),
  fingerprintsOnFile: z.boolean(),
  /** The mobile number the registry holds (issue 18: where an assisted session's code goes); synthetic. */
  mobile: z
    .string()
    .regex(/^1[3-9]\d{9}$/)
    .optional(),
  cardIssuedOn: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/)
    .optional(),
  /** Instead of a fixed date: the card was issued this many years before the seeding day. */
  cardIssuedYearsAgo: z.number().int().min(0).max(60).optional(),
});
export type SyntheticResident = Omit<z.infer<typeof SyntheticResident>, 'cardIssuedYearsAgo'> & { parsed: IdNumber };

/**
 * data/residents.json: synthetic people (valid check digits, real division codes) for the local
 * stand-in of the population registry. Never imported into production, where the registry is the
 * bureau's own system.
 *
 * The dates the reissue rules read are relative to `today` (Asia/Shanghai, the local clock's day)
 * where the demo needs them to hold on any day: `cardIssuedYearsAgo` keeps 王建国's, his mother's
 * and 陈晓燕's photos reusable under Haikou's 5-year rule. Ages come from the ID numbers and cannot
 * move: 王建国 (1985) and his mother 张桂兰 (1958, a parent of 60 or more) stay so for good; his son
 * 王小明 (born 2024-07-20) is a child under 16 until 2040-07-19 (tests/integration/demoDates.test.ts).
 */
export function loadResidents(dir = DATA_DIR, today = shanghaiDate(localNow())): SyntheticResident[] {
  const raw = JSON.parse(readFileSync(path.join(dir, 'residents.json'), 'utf8')) as unknown[];
  return raw.map((entry, i) => {
    const { cardIssuedYearsAgo, ...r } = SyntheticResident.parse(entry);
    const parsed = parseIdNumber(r.idNumber, { today, divisions: chinaDivisions });
    if (!parsed.ok) throw new Error(`residents.json[${i}] (${r._id}): invalid ID number (${parsed.problem})`);
    if (cardIssuedYearsAgo !== undefined && r.cardIssuedOn) throw new Error(`residents.json[${i}] (${r._id}): cardIssuedOn or cardIssuedYearsAgo, not both`);
    const cardIssuedOn = cardIssuedYearsAgo !== undefined ? addYears(today, -cardIssuedYearsAgo) : r.cardIssuedOn;
    return { ...r, ...(cardIssuedOn ? { cardIssuedOn } : {}), parsed: parsed.id };
  });
}
