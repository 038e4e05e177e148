import { guideActions, type GuideDeps } from '../../core/guide/guideActions';
import { database } from '../../server/cloudbase/app';
import { chineseDaysCalendar } from '../../server/time/chineseDaysCalendar';
import { systemClock } from '../../server/clock';
import { createMain } from '../../server/function/createMain';
import { CloudbaseGuideRepository } from '../../server/guide/CloudbaseGuideRepository';

/** Service guides, categories and halls. Public: needs no verified identity. */
let repository: CloudbaseGuideRepository | undefined;

export const main = createMain<GuideDeps>(
  'guide',
  guideActions,
  () => {
    repository ??= new CloudbaseGuideRepository(database());
    return { guides: repository, clock: systemClock, calendar: chineseDaysCalendar };
  },
  // Reads no keys: its declaration in config/functions.ts says `env: []`.
  { env: [] },
);
