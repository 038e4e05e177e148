/**
 * The catalogue's messages the mini-program writes itself instead of reading them from a function's
 * answer: the request never arrived or its answer was unreadable, and the check an officer's page
 * makes before acting. The catalogue (./catalogue.ts) takes them from here, so the pages carry these
 * few and not the whole table (the functions send every other message with its code).
 */
export const pageMessages = {
  INTERNAL: '系统开小差了，请稍后再试；如多次失败请拨打大厅电话咨询',
  /** Client side only: the request never reached a function. */
  NETWORK_UNAVAILABLE: '网络不太稳定，请检查网络后重试',
  /** An officer bound to halls whose own real-name verification is missing: acting for a hall needs it (issue 13). */
  OFFICER_NOT_VERIFIED: '请先完成本人实名认证后再办理业务',
} as const;
