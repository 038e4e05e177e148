import { purposeOf } from '../../core/reissue/caseFile';
import { REISSUE_STATES } from '../../core/reissue/ReissueApplication';
import { placeholderPortrait } from '../../devcloud/registry/placeholderPortrait';

test('why a case file is opened follows what the application waits for', () => {
  const mail = { kind: 'mail' } as never;
  const hall = { kind: 'hall', hallId: 'h' } as const;
  expect(purposeOf({ state: 'underReview', delivery: mail })).toBe('review');
  expect(purposeOf({ state: 'approved', delivery: mail })).toBe('production');
  expect(purposeOf({ state: 'inProduction', delivery: mail })).toBe('shipping');
  expect(purposeOf({ state: 'inProduction', delivery: hall })).toBe('collection');
  expect(purposeOf({ state: 'rejected', delivery: mail })).toBe('followUp');
  for (const state of REISSUE_STATES) expect(typeof purposeOf({ state, delivery: mail })).toBe('string');
});

test('the stand-in portrait is the same for the same person, differs between people, is marked, and fetches nothing', () => {
  const a = placeholderPortrait('resident-001', 'male');
  expect(placeholderPortrait('resident-001', 'male')).toBe(a);
  expect(placeholderPortrait('resident-002', 'female')).not.toBe(a);
  expect(a).toContain('演示照片');
  // The only URL is the SVG namespace: no image, font or style is loaded from anywhere.
  expect(a.match(/https?:\/\/[^"]+/g)).toEqual(['http://www.w3.org/2000/svg']);
  expect(a).not.toMatch(/<image|href=|@import|url\(/);
});
