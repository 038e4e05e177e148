import { guideActions, type GuideDeps } from '../../core/guide/guideActions';
import { database } from '../../server/cloudbase/app';
import { chineseDaysCalendar } from '../../server/time/chineseDaysCalendar';
import { systemClock } from '../../server/clock';
import { createMain } from '../../server/function/createMain';
import { CloudbaseGuideRepository } from '../../server/guide/CloudbaseGuideRepository';
import { CloudbaseFaqReader } from '../../server/consult/CloudbaseFaqReader';
import { CloudbaseHallDutyStore } from '../../server/hallDuty/CloudbaseHallDutyStore';

/** Service guides, categories and halls, and the FAQ the halls published. Public: needs no verified identity. */
let repository: CloudbaseGuideRepository | undefined;
let faq: CloudbaseFaqReader | undefined;
let duty: CloudbaseHallDutyStore | undefined;

export const main = createMain<GuideDeps>(
  'guide',
  guideActions,
  () => {
    // Hours edited in the mini-program are shown at once (issue 16), with the hall's duty board.
    repository ??= new CloudbaseGuideRepository(database(), Date.now, true);
    faq ??= new CloudbaseFaqReader(database());
    duty ??= new CloudbaseHallDutyStore(database());
    return { guides: repository, clock: systemClock, calendar: chineseDaysCalendar, faq, duty };
  },
  // Reads no keys: its declaration in config/functions.ts says `env: []`.
  { env: [] },
);
