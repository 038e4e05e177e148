import { GREEN_REASONS } from '../queue/greenReasons';

/**
 * What each audit code means, in Chinese: the one table the audit log is shown from and filtered
 * by. A new audited act appends one line here (code → name); a code missing here is still shown
 * readably by `auditActionName` (its domain and the code).
 */
export const AUDIT_ACTION_NAMES: Readonly<Record<string, string>> = {
  'identity.bind': '实名绑定',
  'identity.move': '实名换绑',
  'identity.unbind': '解除绑定',
  'family.add': '添加代办家人',
  'family.remove': '移除代办家人',
  'officer.invite': '发放民警邀请码',
  'officer.bind': '绑定民警身份',
  'appointment.checkIn': '签到',
  'appointment.checkInByNumber': '凭预约号签到',
  'appointment.lookupByNumber': '按预约号查询',
  'appointment.identityCheckFailed': '窗口核对身份未通过',
  'appointment.reserveFor': '代为预约',
  'appointment.cancelFor': '代为取消预约',
  'appointment.rescheduleFor': '代为改约',
  'reissue.reportLoss': '挂失身份证',
  'reissue.apply': '申请补换领',
  'tempProof.apply': '申领电子临时身份证明',
  'reissue.startReview': '开始审核补换领',
  'reissue.approve': '审核通过补换领',
  'reissue.reject': '驳回补换领',
  'reissue.startProduction': '开始制证',
  'reissue.ship': '寄出证件',
  'reissue.markDelivered': '确认送达',
  'reissue.markReturned': '登记退件',
  'reissue.reship': '重新寄出证件',
  'reissue.holdAtHall': '转大厅自取',
  'reissue.collect': '窗口领取',
  'reissue.cancelAtHall': '大厅取消补换领申请',
  'reissue.returnFee': '当面退还补换领费用',
  'reissue.caseFile': '查看办件详情',
  'reissue.lookupByNumber': '按办件编号查询',
  'admin.grant': '授予管理员身份',
  'officer.revoke': '撤销民警大厅权限',
  'officer.withdrawInvitation': '作废民警邀请码',
  'queue.greenChannel': '标记绿色通道',
  'officer.lead': '设为大厅负责人',
  'officer.unlead': '取消大厅负责人',
  'hall.saveSpecialHours': '修改特别办公时间',
  'hall.deleteSpecialHours': '删除特别办公时间',
  'hall.saveDutyDay': '修改值班安排',
  'hall.saveWaitlistHold': '修改候补名额保留时长',
  'hall.deleteDutyDay': '删除值班安排',
  'homeVisit.hallList': '查看上门服务申请',
  'homeVisit.assign': '安排上门服务',
  'homeVisit.reschedule': '上门服务改期',
  'homeVisit.refuse': '不予受理上门服务',
  'homeVisit.complete': '上门服务办结',
  'assisted.open': '开启代办会话',
  'assisted.confirm': '代办会话核验通过',
  'assisted.fail': '代办会话核验失败',
  'assisted.close': '结束代办会话',
  'assisted.reserve': '代办预约',
  'assisted.cancel': '代办取消预约',
  'assisted.reschedule': '代办改约',
};

/** Why a record's act was done (an audited view's purpose, e.g. reissue.caseFile), in Chinese. */
export const AUDIT_PURPOSE_NAMES: Readonly<Record<string, string>> = {
  review: '审核',
  production: '制证',
  shipping: '寄递',
  collection: '大厅领取',
  followUp: '查询',
};

/** The domain of a code (its part before the dot), for codes the table does not name. */
const DOMAIN_NAMES: Readonly<Record<string, string>> = {
  identity: '实名',
  family: '家人代办',
  officer: '民警管理',
  appointment: '预约',
  reissue: '补换领',
  queue: '排队叫号',
  assisted: '民警代办',
};

/**
 * Own keys only, so a code such as 'toString' never reads an Object.prototype member (found by the
 * property test); Object.hasOwn is missing on the older phones this code also runs on.
 */
const owns = (table: object, key: string): boolean => Object.prototype.hasOwnProperty.call(table, key);

/** The Chinese name of an audit code; an unknown code reads as its domain's "其他操作" with the code. */
export function auditActionName(code: string): string {
  if (owns(AUDIT_ACTION_NAMES, code)) return AUDIT_ACTION_NAMES[code];
  const domain = code.split('.')[0] ?? '';
  return `${owns(DOMAIN_NAMES, domain) ? DOMAIN_NAMES[domain] : ''}其他操作（${code}）`;
}

/** The Chinese name of an audited act's purpose; an unknown purpose reads as itself. */
export function auditPurposeName(purpose: string): string {
  // A green-channel mark's reason (core/queue/greenReasons.ts): green:<reason>.
  const green = purpose.startsWith('green:') ? purpose.slice(6) : undefined;
  if (green !== undefined && owns(GREEN_REASONS, green)) return `绿色通道：${(GREEN_REASONS as Record<string, string>)[green]}`;
  return owns(AUDIT_PURPOSE_NAMES, purpose) ? AUDIT_PURPOSE_NAMES[purpose] : purpose;
}

/** The codes the log can be filtered by, with their names, in the table's order. */
export function auditActionKinds(): Array<{ code: string; name: string }> {
  return Object.entries(AUDIT_ACTION_NAMES).map(([code, name]) => ({ code, name }));
}

/** How a role is named next to an actor in the log. */
export const AUDIT_ROLE_NAMES = { citizen: '市民', officer: '民警', admin: '管理员' } as const;
