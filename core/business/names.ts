import type { BusinessActorRole, BusinessState } from './BusinessApplication';
import type { BusinessEventType } from './events';
import type { BusinessKind } from './kinds';

/** The Chinese names citizens and officers see for businesses, states, events and actors. */

export const BUSINESS_NAMES: Record<BusinessKind, string> = {
  householdCertificate: '户籍类证明开具',
  migrationJobTransfer: '工作调动户口迁移',
  migrationCollegeAdmission: '大中专院校录取学生户口迁移',
  migrationGraduate: '大中专院校毕业生户口迁移',
  migrationSpouse: '夫妻投靠户口迁移',
  migrationParentsJoinChildren: '父母投靠子女户口迁移',
  birthRegistration: '新生儿出生登记',
  birthRegistrationElsewhere: '新生儿异地出生登记',
  residencePermit: '居住证申领',
  residencePermitEndorsement: '居住证签注',
};

export const BUSINESS_STATE_NAMES: Record<BusinessState, string> = {
  draft: '待提交',
  submitted: '已提交，待审核',
  underReview: '审核中',
  correctionRequested: '待补正材料',
  rejected: '审核未通过',
  withdrawn: '已撤回',
  lapsed: '已逾期关闭',
  issued: '证明已出具',
  revoked: '证明已撤销',
  permitIssued: '已签发准迁证，待迁出地办结迁出',
  permitExpired: '准迁证已过期',
  readyForHandover: '待领取或邮寄',
  shipped: '已寄出',
  completed: '已办结',
};

export const BUSINESS_EVENT_NAMES: Record<BusinessEventType | 'create', string> = {
  create: '填写申请',
  attachMaterial: '上传材料',
  submit: '提交申请',
  withdraw: '撤回申请',
  startReview: '开始审核',
  requestCorrection: '要求补正材料',
  resubmit: '补正后重新提交',
  reject: '审核不通过',
  approve: '审核通过',
  revoke: '撤销证明',
  completeMoveOut: '迁出地办结迁出',
  expirePermit: '准迁证过期',
  extendPermit: '延长准迁证有效期',
  chooseHandover: '选择领取方式',
  ship: '寄出',
  deliver: '快件签收',
  markReturned: '快件退回',
  collect: '大厅领取',
  expire: '逾期关闭',
};

export const BUSINESS_ACTOR_NAMES: Record<BusinessActorRole, string> = {
  citizen: '申请人',
  officer: '民警',
  system: '系统',
  courier: '快递',
};
