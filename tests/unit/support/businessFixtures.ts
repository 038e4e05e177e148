/** Builders for business-application tests (issue 15): a draft whose guide lists two required materials and one optional. */
import type { BusinessApplication } from '../../../core/business/BusinessApplication';
import type { BusinessKind } from '../../../core/business/kinds';
import { draftApplication } from '../../../core/business/stateMachine';

export const OWNER = 'openid-owner';
export const HALL = 'shenzhen-futian';
export const T0 = new Date('2026-12-01T02:00:00Z');
export const HOUR = 3_600_000;
export const at = (n: number) => new Date(T0.getTime() + n * HOUR);

/** m0 and m1 required, m2 optional. */
export function draft(kind: BusinessKind): BusinessApplication {
  return draftApplication(
    {
      _id: 'biz-1',
      kind,
      hallId: HALL,
      applicant: { actorOpenid: OWNER, subjectResidentId: 'resident-1' },
      materialList: [
        { key: 'm0', name: '居民身份证', required: true },
        { key: 'm1', name: '居民户口簿', required: true },
        { key: 'm2', name: '委托书', required: false },
      ],
    },
    T0,
  );
}
