/** Progress notices (issue 15, core/business/notices.ts): within WeChat's field limits, only for decisions. */
import { BUSINESS_EVENT_TYPES } from '../../core/business/events';
import { BUSINESS_KINDS } from '../../core/business/kinds';
import { noticeOf } from '../../core/business/notices';
import type { BusinessRecord } from '../../core/business/BusinessDeps';
import { at, draft } from './support/businessFixtures';

const record = (kind: (typeof BUSINESS_KINDS)[number]): BusinessRecord => ({
  ...draft(kind),
  subjectIdIndex: 'idx',
  subjectNameEnc: 'enc',
  subjectIdNumberMasked: '4601**********1311',
  householdDivisionCode: '460106',
  details: {},
  rejectionReason: '所附调令与申请人身份信息不一致，请核对后重新申请',
  ...(kind === 'householdCertificate' ? { certificate: { serial: 'HJ0000000000000000', issuedAt: at(0), validUntil: at(100) } } : {}),
});

test('every notice fits WeChat: status at most 5 characters (phrase), business and note at most 20 (thing)', () => {
  for (const kind of BUSINESS_KINDS) {
    for (const event of BUSINESS_EVENT_TYPES) {
      const n = noticeOf(record(kind), event);
      if (!n) continue;
      expect(n.status.length).toBeLessThanOrEqual(5);
      expect(n.note.length).toBeLessThanOrEqual(20);
      expect(n.businessName.length).toBeLessThanOrEqual(20);
      expect(n.status.length).toBeGreaterThan(0);
    }
  }
});

test("the applicant's own acts and the reviews' start are not told back; decisions are", () => {
  for (const event of ['attachMaterial', 'submit', 'withdraw', 'resubmit', 'chooseHandover', 'startReview'] as const)
    expect(noticeOf(record('migrationSpouse'), event)).toBeUndefined();
  expect(noticeOf(record('householdCertificate'), 'approve')?.status).toBe('已出具');
  expect(noticeOf(record('residencePermitEndorsement'), 'approve')).toEqual({ businessName: '居住证签注', status: '已签注', note: '签注已办结，无需到大厅领取' });
  expect(noticeOf(record('residencePermit'), 'approve')?.note).toBe('请选择领取方式');
  expect(noticeOf(record('migrationSpouse'), 'reject')?.note).toBe('所附调令与申请人身份信息不一致，请核对后重新申'.slice(0, 20));
});
