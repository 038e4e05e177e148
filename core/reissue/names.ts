import type { ActorRole, PaymentStatus, ReissueReason, ReissueState } from './ReissueApplication';
import type { ReissueEventType } from './events';

/** The Chinese names citizens and officers see for states, events, actors and payments. */

export const STATE_NAMES: Record<ReissueState, string> = {
  draft: '待提交',
  submitted: '待缴费',
  paid: '已缴费，待审核',
  underReview: '审核中',
  approved: '审核通过',
  rejected: '审核未通过',
  inProduction: '制证中',
  shipped: '已寄出',
  delivered: '已签收',
  returned: '快件退回',
  heldAtHall: '待大厅领取',
  collected: '已领取',
  cancelled: '已取消',
};

export const EVENT_NAMES: Record<ReissueEventType | 'create', string> = {
  create: '填写申请',
  submit: '提交申请',
  startPayment: '发起缴费',
  paymentSucceeded: '缴费成功',
  paymentFailed: '缴费未成功',
  paymentWaived: '免缴费用',
  paymentCollected: '当面缴费',
  startReview: '开始审核',
  approve: '审核通过',
  reject: '审核不通过',
  startProduction: '开始制证',
  ship: '寄出证件',
  deliver: '快件签收',
  markReturned: '快件退回',
  reship: '重新寄出',
  holdAtHall: '转大厅待领取',
  collect: '领取证件',
  cancel: '取消申请',
  expire: '逾期未缴费，自动取消',
  changeAddress: '修改收件地址',
  refundSucceeded: '退款成功',
  refundFailed: '退款未成功',
  retryRefund: '重新退款',
  cancelAtHall: '大厅取消申请',
  feeReturned: '当面退费',
};

export const ACTOR_NAMES: Record<ActorRole, string> = {
  citizen: '申请人',
  officer: '民警',
  system: '系统',
  courier: '快递',
};

export const PAYMENT_STATUS_NAMES: Record<PaymentStatus, string> = {
  unpaid: '未缴费',
  pending: '缴费处理中',
  paid: '已缴费',
  failed: '缴费未成功',
  waived: '免缴',
  collected: '已当面缴费',
  refunding: '退款中',
  refundFailed: '退款未成功，正在处理',
  refunded: '已退款',
  returnDue: '待当面退费',
  returnedByHand: '已当面退费',
};

export const REASON_NAMES: Record<ReissueReason, string> = {
  lost: '丢失补领',
  damaged: '损坏换领',
};

/**
 * Carriers by the code stored on a shipment (`Courier`, as the courier port knows it, e.g. sf,
 * ems; Kuaidi100's own names too): what a person sees. A code not listed shows as typed.
 */
export const COURIER_NAMES: Readonly<Record<string, string>> = {
  ems: '中国邮政EMS',
  chinapost: '中国邮政',
  post: '中国邮政',
  youzhengguonei: '中国邮政',
  sf: '顺丰速运',
  shunfeng: '顺丰速运',
  jd: '京东物流',
  zto: '中通快递',
  zhongtong: '中通快递',
  yto: '圆通速递',
  yuantong: '圆通速递',
  sto: '申通快递',
  shentong: '申通快递',
  yd: '韵达快递',
  yunda: '韵达快递',
};

/** The carriers an officer chooses from when shipping, in this order. */
export const COURIER_CHOICES = ['sf', 'ems', 'zto'] as const;

export function courierName(code: string): string {
  return COURIER_NAMES[code.trim().toLowerCase()] ?? code;
}
