import { guideActions, type GuideDeps } from '../../core/guide/guideActions';
import { database } from '../../server/cloudbase/app';
import { chineseDaysCalendar } from '../../server/time/chineseDaysCalendar';
import { systemClock } from '../../server/clock';
import { createMain } from '../../server/function/createMain';
import { CloudbaseGuideRepository } from '../../server/guide/CloudbaseGuideRepository';
import { CloudbaseFaqReader } from '../../server/consult/CloudbaseFaqReader';

/** Service guides, categories and halls, and the FAQ the halls published. Public: needs no verified identity. */
let repository: CloudbaseGuideRepository | undefined;
let faq: CloudbaseFaqReader | undefined;

export const main = createMain<GuideDeps>(
  'guide',
  guideActions,
  () => {
    repository ??= new CloudbaseGuideRepository(database());
    faq ??= new CloudbaseFaqReader(database());
    return { guides: repository, clock: systemClock, calendar: chineseDaysCalendar, faq };
  },
  // Reads no keys: its declaration in config/functions.ts says `env: []`.
  { env: [] },
);
