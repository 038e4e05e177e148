import { readFileSync } from 'node:fs';
import path from 'node:path';
import { HallSchedule, scheduleProblems } from '../../core/booking/HallSchedule';
import { DATA_DIR, loadSeedContent, type SeedContent } from './loadSeedContent';
import { parseSeed } from './parseSeed';

/**
 * Reads and validates data/schedules.json: each entry parses (defaults filled in), ids are unique,
 * and each names an existing hall and only bookable guides that hall handles.
 */
export function loadSchedules(dir = DATA_DIR, content: SeedContent = loadSeedContent(dir)): HallSchedule[] {
  const raw = JSON.parse(readFileSync(path.join(dir, 'schedules.json'), 'utf8')) as unknown[];
  const schedules = raw.map((entry, i) => parseSeed(HallSchedule, entry, `schedules.json[${i}]`));
  const seen = new Set<string>();
  for (const s of schedules) {
    if (seen.has(s._id)) throw new Error(`schedules.json: ${s._id} is listed twice`);
    seen.add(s._id);
    const problems = scheduleProblems(
      s,
      content.halls.find((h) => h._id === s.hallId),
      content.guides,
    );
    if (problems.length) throw new Error(`schedules.json: ${problems.join('; ')}`);
  }
  return schedules;
}
