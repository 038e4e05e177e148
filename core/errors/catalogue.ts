/**
 * The one catalogue of error codes a cloud function may return, with the message a citizen
 * or officer sees. Codes are stable API; messages are plain Chinese and say what to do next.
 */
export const errorCatalogue = {
  INVALID_REQUEST: '请求格式有误，请更新小程序后重试',
  UNKNOWN_ACTION: '暂不支持该操作，请更新小程序后重试',
  INVALID_INPUT: '填写的信息有误，请检查后重试',
  UNAUTHENTICATED: '未能确认您的身份，请在微信中重新打开小程序',
  GUIDE_NOT_FOUND: '未找到该办事指南，可能已调整或下线',
  HALL_NOT_FOUND: '未找到该服务大厅，可能已调整或停用',
  CATEGORY_NOT_FOUND: '未找到该事项分类',
  SERVICE_BUSY: '当前办理人数较多，请稍后再试',
  INTERNAL: '系统开小差了，请稍后再试；如多次失败请拨打大厅电话咨询',
  /** Client side only: the request never reached a function. */
  NETWORK_UNAVAILABLE: '网络不太稳定，请检查网络后重试',
} as const;

export type ErrorCode = keyof typeof errorCatalogue;

export const errorCodes = Object.keys(errorCatalogue) as ErrorCode[];

export function messageFor(code: ErrorCode): string {
  return errorCatalogue[code];
}
