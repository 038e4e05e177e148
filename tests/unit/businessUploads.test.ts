/**
 * The rule of material upload places (issue 15, core/business/uploads.ts): a daily limit per
 * application, counted per Asia/Shanghai day, and what the daily timer does with a place handed out
 * more than a day ago.
 */
import {
  staleUploadFate,
  staleUploadsBefore,
  uploadIdOf,
  uploadLimitReached,
  uploadTooOldToAttach,
  uploadWindow,
  UPLOADS_PER_APPLICATION_PER_DAY,
} from '../../core/business/uploads';

test('the limit allows exactly the day’s share of places, not one more', () => {
  expect(UPLOADS_PER_APPLICATION_PER_DAY).toBeGreaterThanOrEqual(30);
  expect(uploadLimitReached(1)).toBe(false);
  expect(uploadLimitReached(UPLOADS_PER_APPLICATION_PER_DAY)).toBe(false);
  expect(uploadLimitReached(UPLOADS_PER_APPLICATION_PER_DAY + 1)).toBe(true);
});

test('places are counted per application and Shanghai day: midnight in Beijing starts a new count', () => {
  const lateEvening = uploadWindow('app-1', new Date('2026-03-02T15:59:00Z')); // 23:59 in Shanghai
  const justAfterMidnight = uploadWindow('app-1', new Date('2026-03-02T16:01:00Z')); // 00:01 the next day
  expect(lateEvening).toEqual({ key: 'upload:app-1', windowStart: new Date('2026-03-01T16:00:00Z') });
  expect(justAfterMidnight.windowStart).toEqual(new Date('2026-03-02T16:00:00Z'));
  expect(uploadWindow('app-2', new Date('2026-03-02T15:59:00Z')).key).not.toBe(lateEvening.key);
});

test('a place handed out more than a day ago: its file is deleted unless the application holds it', () => {
  const upload = { fileId: 'cloud://env.bucket/business/app-1/m0/ab.jpg' };
  expect(staleUploadFate(upload, new Set([upload.fileId]))).toBe('forget');
  expect(staleUploadFate(upload, new Set(['cloud://env.bucket/business/app-1/m0/other.jpg']))).toBe('deleteFile');
  expect(staleUploadFate(upload, new Set())).toBe('deleteFile');
  // The application is gone: nothing holds the file.
  expect(staleUploadFate(upload, undefined)).toBe('deleteFile');
  expect(staleUploadsBefore(new Date('2026-03-03T10:00:00Z'))).toEqual(new Date('2026-03-02T10:00:00Z'));
});

test('a photo is attached within 23 hours of its place: never while the timer may be deleting it', () => {
  const issuedAt = new Date('2026-03-02T02:00:00Z');
  expect(uploadTooOldToAttach(issuedAt, new Date('2026-03-03T01:00:00Z'))).toBe(false);
  expect(uploadTooOldToAttach(issuedAt, new Date('2026-03-03T01:00:01Z'))).toBe(true);
  expect(staleUploadsBefore(new Date('2026-03-03T01:00:01Z')).getTime()).toBeLessThan(issuedAt.getTime());
  expect(uploadIdOf('0a1b2c.jpg')).toBe('0a1b2c');
  expect(uploadIdOf('0a1b2c.png')).toBe('0a1b2c');
});
