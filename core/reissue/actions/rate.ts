import * as z from 'zod/mini';
import { defineAction } from '../../function/action';
import { applicationFinished } from '../../rating/finished';
import { RatingInput, RatingView } from '../../rating/Rating';
import { rateService } from '../../rating/rateService';
import { ApplicationId } from '../applicationInput';
import { REISSUE_SERVICE } from '../reissueHalls';
import type { ReissueDeps } from '../ReissueDeps';
import { lazySchema } from '../../function/lazySchema';

export const rateApplication = defineAction({
  summary:
    'The applicant rates a reissue application once the card was delivered or collected: 好差评, five levels, reasons from the fixed list for a poor rating. Once per application: the same rating again answers the first; a different one is RATING_ALREADY_GIVEN.',
  input: lazySchema(() => z.extend(RatingInput, { applicationId: ApplicationId })),
  output: RatingView,
  errors: ['UNAUTHENTICATED', 'INVALID_INPUT', 'REISSUE_NOT_FOUND', 'RATING_NOT_FINISHED', 'RATING_ALREADY_GIVEN', 'RATING_REASON_REQUIRED', 'RATING_COMMENT_INVALID'],
  async run({ applicationId, ...rating }, deps: ReissueDeps) {
    const app = await deps.store.application(applicationId);
    const service = app && {
      kind: 'application' as const,
      id: app._id,
      hallId: app.hallId,
      business: REISSUE_SERVICE,
      actorOpenid: app.applicant.actorOpenid,
      finished: applicationFinished(app),
    };
    return rateService(deps, service, rating, 'REISSUE_NOT_FOUND');
  },
});
