import type { BusinessRecord } from './BusinessDeps';
import type { BusinessEventType } from './events';
import { trackOf } from './kinds';
import { BUSINESS_NAMES } from './names';

/**
 * What the applicant is told by subscribe message at each decision (issue 15): the status in at
 * most five characters (WeChat's `phrase` field) and a note of at most twenty (`thing`). Their own
 * acts (upload, submit, withdraw) are not told back to them; nothing is told without a decision.
 */
export interface BusinessNotice {
  businessName: string;
  status: string;
  note: string;
}

const STATUS: Partial<Record<BusinessEventType, (app: BusinessRecord) => { status: string; note: string }>> = {
  approve: (a) =>
    a.certificate
      ? { status: '已出具', note: '电子证明已出具，可在小程序查看' }
      : a.permit
        ? { status: '审核通过', note: '准迁证已签发，待迁出地办结迁出' }
        : trackOf(a.kind) === 'endorsement'
          ? { status: '已签注', note: '签注已办结，无需到大厅领取' }
          : { status: '审核通过', note: '请选择领取方式' },
  reject: (a) => ({ status: '未通过', note: a.rejectionReason ?? '请查看原因' }),
  requestCorrection: () => ({ status: '需补正', note: '请按要求重新上传材料后提交' }),
  revoke: () => ({ status: '已撤销', note: '证明已被撤销，请查看原因' }),
  completeMoveOut: () => ({ status: '迁出办结', note: '迁出地已办结，请选择领取方式' }),
  expirePermit: () => ({ status: '已过期', note: '准迁证已过期，可联系大厅延期' }),
  extendPermit: () => ({ status: '已延期', note: '准迁证有效期已延长' }),
  ship: () => ({ status: '已寄出', note: '办理结果已邮寄，请留意查收' }),
  collect: () => ({ status: '已办结', note: '已在大厅领取' }),
  deliver: () => ({ status: '已办结', note: '邮件已签收' }),
  markReturned: () => ({ status: '邮件退回', note: '邮件被退回，可重新选择领取方式' }),
  expire: () => ({ status: '已关闭', note: '逾期未处理，申请已关闭' }),
};

/** The notice of the event that made `app` what it is, or undefined when that event is not told. */
export function noticeOf(app: BusinessRecord, event: BusinessEventType): BusinessNotice | undefined {
  const of = STATUS[event];
  if (!of) return undefined;
  const { status, note } = of(app);
  return { businessName: BUSINESS_NAMES[app.kind].slice(0, 20), status: status.slice(0, 5), note: note.slice(0, 20) };
}
