import { readFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { parseIdNumber, type IdNumber } from '../../core/identity/idNumber';
import { chinaDivisions } from '../../server/identity/chinaDivisions';
import { DATA_DIR } from '../../server/seed/loadSeedContent';

const SyntheticResident = z.object({
  _id: z.string().regex(/^resident-\d{3}$/),
  idNumber: z.string(),
  name: z.string().min(2),
  householdId: z.string().min(1),
  relationToHead: z.string().min(1),
  fingerprintsOnFile: z.boolean(),
  cardIssuedOn: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/)
    .optional(),
});
export type SyntheticResident = z.infer<typeof SyntheticResident> & { parsed: IdNumber };

/**
 * data/residents.json: synthetic people (valid check digits, real division codes) for the local
 * stand-in of the population registry. Never imported into production, where the registry is the
 * bureau's own system.
 */
export function loadResidents(dir = DATA_DIR, today = new Date().toISOString().slice(0, 10)): SyntheticResident[] {
  const raw = JSON.parse(readFileSync(path.join(dir, 'residents.json'), 'utf8')) as unknown[];
  return raw.map((entry, i) => {
    const r = SyntheticResident.parse(entry);
    const parsed = parseIdNumber(r.idNumber, { today, divisions: chinaDivisions });
    if (!parsed.ok) throw new Error(`residents.json[${i}] (${r._id}): invalid ID number (${parsed.problem})`);
    return { ...r, parsed: parsed.id };
  });
}
