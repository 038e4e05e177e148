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
  refunding: '退款中',
  refundFailed: '退款未成功，正在处理',
  refunded: '已退款',
};

export const REASON_NAMES: Record<ReissueReason, string> = {
  lost: '丢失补领',
  damaged: '损坏换领',
};
