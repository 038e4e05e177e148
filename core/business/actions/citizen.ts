import * as z from 'zod/mini';
import { defineAction } from '../../function/action';
import { ApplicationId, Decided } from './inputs';
import { lazySchema } from '../../function/lazySchema';
import { DomainError } from '../../errors/DomainError';
import { requireOpenid } from '../../identity/caller';
import { requireVerified } from '../../identity/callerAccount';
import { recordAudit } from '../../identity/recordAudit';
import { addDays, shanghaiDate, shanghaiInstant } from '../../time/shanghai';
import { MaterialKey } from '../BusinessApplication';
import type { BusinessDeps, BusinessRecord } from '../BusinessDeps';
import { approvalOf } from '../approval';
import { reviewDueAt } from '../deadlines';
import { fireBusiness } from '../fire';
import { BUSINESSES, trackOf } from '../kinds';
import { photoFacts, photoProblem, PHOTO_LIMITS } from '../materialPhoto';
import { uploadIdOf, uploadLimitReached, uploadTooOldToAttach, uploadWindow, UPLOADS_PER_APPLICATION_PER_DAY } from '../uploads';
import { BusinessApplicationView, BusinessSummaryView, businessSummaryOf } from '../views';
import { citizenActor, loadOwnBusiness, subjectNameOf, SYSTEM_ACTOR, viewFor } from './shared';

const ApplicationRef = { applicationId: ApplicationId };
const OWN_ERRORS = ['UNAUTHENTICATED', 'APPLICATION_NOT_FOUND', 'APPLICATION_STATE_CONFLICT', 'APPLICATION_VERSION_CONFLICT', 'FORBIDDEN', 'INVALID_INPUT'] as const;

/** Where a material's photos live: one folder per application and material, so a file id names what it proves. */
export const materialFolder = (applicationId: string, material: string): string => `business/${applicationId}/${material}/`;
const HEX = (bytes: Uint8Array) => Buffer.from(bytes).toString('hex');

export const materialUpload = defineAction({
  summary: `Where to upload one photo of a material of the caller's application (a private cloud path; on H5 also a signed upload), at most ${UPLOADS_PER_APPLICATION_PER_DAY} places per application a day. Attach it afterwards with attachMaterial; a photo not attached within a day is deleted.`,
  input: lazySchema(() => z.strictObject({ ...ApplicationRef, material: MaterialKey, type: z.enum(['jpeg', 'png']) })),
  output: lazySchema(() => z.object({ cloudPath: z.string(), fileId: z.string(), url: z.string(), authorization: z.string(), token: z.string(), cosFileId: z.string() })),
  errors: [...OWN_ERRORS, 'MATERIAL_UPLOAD_LIMIT'],
  async run(input, deps: BusinessDeps) {
    const app = await loadOwnBusiness(deps, input.applicationId);
    if (app.state !== 'draft' && app.state !== 'correctionRequested') throw new DomainError('APPLICATION_STATE_CONFLICT', '申请已提交，不能再上传材料');
    if (!app.materialList.some((m) => m.key === input.material)) throw new DomainError('INVALID_INPUT', '该业务没有这项材料');
    const now = deps.clock.now();
    const window = uploadWindow(app._id, now);
    if (uploadLimitReached(await deps.store.countLookup(window.key, window.windowStart))) throw new DomainError('MATERIAL_UPLOAD_LIMIT');
    const id = HEX(deps.random(12));
    const target = await deps.storage.uploadTarget(`${materialFolder(app._id, input.material)}${id}.${input.type === 'png' ? 'png' : 'jpg'}`);
    // Recorded before the phone learns the place: a photo uploaded there and never attached is deleted (timers.ts).
    await deps.store.recordUpload({ _id: id, applicationId: app._id, fileId: target.fileId, issuedAt: now });
    return target;
  },
});

/** The file's cloud path when it is a file id of this environment's storage: cloud://<env>.<bucket>/<path>. */
const cloudPathOf = (fileId: string): string | undefined => /^cloud:\/\/[^/]+\/(.+)$/.exec(fileId)?.[1];

/**
 * Each photo lies in the material's folder and is a JPEG or PNG the officer can read (checked on
 * what arrived); a new one was uploaded to a place handed out less than a day ago (an older one may
 * be deleted by the daily timer at any moment: uploaded again instead).
 */
async function checkPhotos(deps: BusinessDeps, app: BusinessRecord, material: string, fileIds: readonly string[]): Promise<void> {
  const folder = materialFolder(app._id, material);
  const attached = new Set(app.materials[material]?.fileIds ?? []);
  for (const fileId of fileIds) {
    const path = cloudPathOf(fileId);
    if (!path || !path.startsWith(folder) || path.slice(folder.length).includes('/')) throw new DomainError('MATERIAL_INVALID', '照片不属于这份申请的这项材料');
    const issued = attached.has(fileId) ? null : await deps.store.upload(uploadIdOf(path.slice(folder.length)));
    if (issued && uploadTooOldToAttach(issued.issuedAt, deps.clock.now())) throw new DomainError('MATERIAL_INVALID', '照片上传已超过一天，请重新上传');
    const head = await deps.storage.head(fileId, 64 * 1024);
    if (!head) throw new DomainError('MATERIAL_INVALID', '照片尚未上传成功，请重新上传');
    const problem = head.size > PHOTO_LIMITS.maxBytes ? photoProblem({ type: 'jpeg', width: 0, height: 0 }, head.size) : photoProblem(photoFacts(head.bytes), head.size);
    if (problem) throw new DomainError('MATERIAL_INVALID', problem);
  }
}

export const attachMaterial = defineAction({
  summary: "Attaches uploaded photos to one material of the caller's application (replacing earlier ones), after checking each file.",
  input: lazySchema(() =>
    z.strictObject({ ...Decided, material: MaterialKey, fileIds: z.array(z.string().check(z.minLength(1), z.maxLength(256))).check(z.minLength(1), z.maxLength(9)) }),
  ),
  output: BusinessApplicationView,
  errors: [...OWN_ERRORS, 'MATERIAL_INVALID'],
  async run(input, deps: BusinessDeps) {
    const app = await loadOwnBusiness(deps, input.applicationId);
    const fileIds = [...new Set(input.fileIds)];
    await checkPhotos(deps, app, input.material, fileIds);
    const replaced = (app.materials[input.material]?.fileIds ?? []).filter((f) => !fileIds.includes(f));
    const next = await fireBusiness(deps, app, { type: 'attachMaterial', material: input.material, fileIds }, citizenActor(app.applicant.actorOpenid), input.expectedVersion);
    if (replaced.length && next !== app) await deps.storage.remove(replaced);
    return viewFor(deps, next, citizenActor(app.applicant.actorOpenid));
  },
});

/** When the review is due: the guide's promised days from now (working or calendar days), to the end of that day. */
async function reviewDeadline(deps: BusinessDeps, app: BusinessRecord, now: Date): Promise<Date | undefined> {
  const limit = (await deps.guides.guide(BUSINESSES[app.kind].guideId))?.timeLimit;
  if (!limit?.promisedDays) return undefined;
  if (limit.promisedUnit === 'working') return reviewDueAt(now, limit.promisedDays, deps.calendar);
  return shanghaiInstant(addDays(shanghaiDate(now), limit.promisedDays + 1));
}

/**
 * A certificate the hall issues without an officer: the hall allows it and the data is complete
 * (the registry still knows the person and every required material is there, which submit checked).
 */
async function autoApprove(deps: BusinessDeps, app: BusinessRecord): Promise<BusinessRecord> {
  if (trackOf(app.kind) !== 'certificate') return app;
  const config = await deps.store.config(app.hallId);
  if (!config.autoApproveCertificates || !(await deps.registry.person(app.applicant.subjectResidentId))) return app;
  const reviewing = await fireBusiness(deps, app, { type: 'startReview' }, SYSTEM_ACTOR);
  return fireBusiness(deps, reviewing, approvalOf(reviewing, config, deps.clock.now(), deps.random, deps.calendar), SYSTEM_ACTOR);
}

export const submit = defineAction({
  summary: "Submits the caller's draft for review once every required material is attached; a certificate the hall issues automatically is issued at once.",
  input: lazySchema(() => z.strictObject(Decided)),
  output: BusinessApplicationView,
  errors: [...OWN_ERRORS, 'REGISTRY_UNAVAILABLE'],
  async run(input, deps: BusinessDeps) {
    const account = await requireVerified(deps);
    const app = await loadOwnBusiness(deps, input.applicationId);
    const due = app.state === 'draft' ? await reviewDeadline(deps, app, deps.clock.now()) : app.reviewDueAt;
    const submitted = await fireBusiness(deps, { ...app, ...(due ? { reviewDueAt: due } : {}) }, { type: 'submit' }, citizenActor(account._id), input.expectedVersion);
    await recordAudit(deps, account, { id: `business.submit:${app._id}`, action: 'business.submit', target: app._id, hallId: app.hallId });
    const done = submitted.state === 'submitted' ? await autoApprove(deps, submitted) : submitted;
    return viewFor(deps, done, citizenActor(account._id));
  },
});

/** A citizen's own event on their application, decided on the version they saw. */
function citizenEvent(type: 'resubmit' | 'withdraw', summary: string) {
  return defineAction({
    summary,
    input: lazySchema(() => z.strictObject(Decided)),
    output: BusinessApplicationView,
    errors: [...OWN_ERRORS],
    async run(input, deps: BusinessDeps) {
      const actor = citizenActor(requireOpenid(deps));
      const app = await loadOwnBusiness(deps, input.applicationId);
      return viewFor(deps, await fireBusiness(deps, app, { type }, actor, input.expectedVersion), actor);
    },
  });
}

export const resubmit = citizenEvent('resubmit', 'Sends the corrected application back for review (every material the officer asked about attached again).');

export const withdraw = citizenEvent('withdraw', "Withdraws the caller's application before a decision.");

export const myBusinessApplications = defineAction({
  summary: "The caller's business applications (as applicant, for themselves or family), newest first.",
  input: lazySchema(() => z.strictObject({})),
  output: lazySchema(() => z.object({ applications: z.array(BusinessSummaryView) })),
  errors: ['UNAUTHENTICATED'],
  async run(_input, deps: BusinessDeps) {
    const apps = await deps.store.applicationsOf(requireOpenid(deps), 50);
    return { applications: apps.map((a) => businessSummaryOf(a, subjectNameOf(deps, a))) };
  },
});

export const businessApplication = defineAction({
  summary: "One of the caller's applications: materials (photos through short-lived URLs), progress with deadlines, what can be done next.",
  input: lazySchema(() => z.strictObject(ApplicationRef)),
  output: BusinessApplicationView,
  errors: ['UNAUTHENTICATED', 'APPLICATION_NOT_FOUND'],
  async run(input, deps: BusinessDeps) {
    const app = await loadOwnBusiness(deps, input.applicationId);
    return viewFor(deps, app, citizenActor(app.applicant.actorOpenid));
  },
});
