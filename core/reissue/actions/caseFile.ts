import * as z from 'zod/mini';
import { defineAction } from '../../function/action';
import { requireOpenid } from '../../identity/caller';
import { requireActingForAnyHall } from '../../identity/hallAccess';
import { recordAudit } from '../../identity/recordAudit';
import { ApplicationId } from '../applicationInput';
import type { ReissueDeps } from '../ReissueDeps';
import { CaseFileView, caseFileOf, purposeOf } from '../caseFile';
import { loadApplication } from '../loadApplication';
import { requireOfficerOf } from '../officerOfHall';
import { lazySchema } from '../../function/lazySchema';

export const caseFile = defineAction({
  summary:
    "Officer of the application's hall: the case file to decide and ship it — the photo on file, the card facts, the loss report, the pre-check run again today, and for mail the recipient's name, full address and phone (ID number masked). Every view is audited (reissue.caseFile, with its purpose); officers of other halls and citizens are refused.",
  input: lazySchema(() => z.strictObject({ applicationId: ApplicationId })),
  output: CaseFileView,
  errors: ['UNAUTHENTICATED', 'FORBIDDEN', 'OFFICER_NOT_VERIFIED', 'REISSUE_NOT_FOUND', 'REGISTRY_UNAVAILABLE'],
  async run({ applicationId }, deps: ReissueDeps) {
    // Who asks comes first: a citizen or an anonymous caller learns nothing, not even whether the id exists.
    requireActingForAnyHall(await deps.identities.account(requireOpenid(deps)));
    const app = await loadApplication(deps, applicationId);
    const account = await requireOfficerOf(deps, app.hallId);
    // The view is recorded before anything is shown: no audit record, no case file.
    await recordAudit(deps, account, { action: 'reissue.caseFile', target: app._id, hallId: app.hallId, purpose: purposeOf(app) });
    return caseFileOf(deps, app);
  },
});
