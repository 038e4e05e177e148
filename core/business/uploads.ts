import { shanghaiDate, shanghaiInstant } from '../time/shanghai';

/**
 * Upload places handed out for material photos (issue 15, docs/PRIVACY.md "Material photos").
 * Every place `materialUpload` names is recorded (`business_uploads`), so that a photo uploaded and
 * never attached, or replaced before it was attached, does not stay in storage: the daily timer
 * deletes what is still unattached a day after it was handed out, and everything handed out for an
 * application when its materials are purged. How many places one application gets a day is
 * limited, so nobody can fill the storage through one draft.
 */

/**
 * Upload places one application may be handed per day (Asia/Shanghai): a generous multiple of what
 * a citizen needs (a few photos for each of a business's materials, taken again when one was
 * blurred), far below what would make storage a dumping ground (each photo is at most 2 MiB).
 */
export const UPLOADS_PER_APPLICATION_PER_DAY = 60;

/** An upload place still unattached this long after it was handed out is deleted by the daily timer. */
export const UNATTACHED_UPLOAD_TTL_MS = 86_400_000;

/** One upload place handed out for an application's material. */
export interface IssuedUpload {
  /** The random file name (unique): the record's id. */
  _id: string;
  applicationId: string;
  fileId: string;
  issuedAt: Date;
}

/** The counter key and its window: one per application and Shanghai day. */
export function uploadWindow(applicationId: string, now: Date): { key: string; windowStart: Date } {
  return { key: `upload:${applicationId}`, windowStart: shanghaiInstant(shanghaiDate(now)) };
}

/** True when the `count`-th place of the day (counting this one) is beyond the limit. */
export const uploadLimitReached = (count: number): boolean => count > UPLOADS_PER_APPLICATION_PER_DAY;

/**
 * What the daily timer does with an upload place handed out more than a day ago: delete the file
 * when the application does not hold it (never attached, or replaced), otherwise only forget the
 * record (the application's materials now own the file: replaced or purged with them).
 * An application that is gone holds nothing.
 */
export function staleUploadFate(upload: Pick<IssuedUpload, 'fileId'>, attached: ReadonlySet<string> | undefined): 'deleteFile' | 'forget' {
  return attached?.has(upload.fileId) ? 'forget' : 'deleteFile';
}

/**
 * A photo is attached within this long of its place being handed out, an hour before the timer may
 * delete it: an attachment never races the deletion of its own file.
 */
export const ATTACH_WITHIN_MS = UNATTACHED_UPLOAD_TTL_MS - 3_600_000;

/** True when a place handed out at `issuedAt` is too old to attach its photo now (upload it again). */
export const uploadTooOldToAttach = (issuedAt: Date, now: Date): boolean => now.getTime() - issuedAt.getTime() > ATTACH_WITHIN_MS;

/** The record id of an upload place from its file name (`<id>.jpg`). */
export const uploadIdOf = (fileName: string): string => fileName.replace(/\.(jpg|png)$/, '');

/** The cut-off: places handed out before this instant are looked at by the timer. */
export const staleUploadsBefore = (now: Date): Date => new Date(now.getTime() - UNATTACHED_UPLOAD_TTL_MS);
