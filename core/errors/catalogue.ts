import { pageMessages } from './pageMessages';

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
  REPORT_PERIOD_UNKNOWN: '所选年份没有该节假日安排，请选择其他时段',
  CATEGORY_NOT_FOUND: '未找到该事项分类',
  FORBIDDEN: '您没有权限进行此操作',
  CONSENT_REQUIRED: '请先阅读并同意个人信息处理规则',
  NOT_VERIFIED: '请先完成实名认证',
  ID_NUMBER_INVALID: '身份证号码有误',
  PHONE_INVALID: '手机号码格式不正确，请填写11位手机号',
  NAME_INVALID: '姓名格式不正确，请填写身份证上的姓名',
  VERIFICATION_LOCKED: '验证失败次数过多，为保护您的信息安全，请稍后再试',
  VERIFICATION_EXPIRED: '本次认证已过期，请重新开始',
  VERIFICATION_OUT_OF_ORDER: '请按步骤完成认证',
  OTP_INCORRECT: '验证码不正确',
  OTP_EXPIRED: '验证码已过期，请重新获取',
  OTP_TOO_FREQUENT: '验证码发送过于频繁，请稍后再试',
  FACE_VERIFICATION_FAILED: '人脸核验未通过，请在光线充足处正对屏幕重试',
  REGISTRY_MISMATCH: '姓名与身份证号码不匹配，或未查询到户籍登记信息，请核对后重试',
  ACCOUNT_HAS_OTHER_IDENTITY: '当前微信已绑定其他身份，如需更换请先解除绑定',
  FAMILY_NOT_ELIGIBLE: '该成员暂不能添加',
  FAMILY_MEMBER_NOT_FOUND: '未找到该家庭成员',
  INVITATION_INVALID: '邀请码无效、已被使用或已过期',
  BUSINESS_NOT_BOOKABLE: '该大厅暂不提供此事项的预约，请选择其他大厅或事项',
  SLOT_NOT_FOUND: '该时段不存在或已调整，请重新选择',
  SLOT_NOT_OPEN: '该时段不可预约',
  SLOT_FULL: '该时段已约满，请选择其他时段',
  /** A waiting-list offer that lapsed (passed to the next in line) or was taken back before it was accepted (issue 17). */
  /** Joining the waiting list of a hall-day that still has places (book one instead). */
  WAITLIST_NOT_FULL: '该日还有可预约的时段，请直接预约',
  /** No such entry, or not the caller's (one answer for both). */
  WAITLIST_NOT_FOUND: '未找到该候补登记',
  OFFER_EXPIRED: '该候补名额已过保留时间，已顺延给下一位候补群众',
  /** A person is on as many waiting lists at once as allowed (core/waitlist/openPlaces.ts). */
  WAITLIST_LIMIT: '该办理人已同时候补3个日期或事项，请在“我的候补”中退出其中一个后再加入',
  /** A hall's own setting out of its bounds (the message says which: core/waitlist/holdTime.ts). */
  HALL_SETTINGS_INVALID: '大厅设置有误，请检查后重试',
  HALL_SETTINGS_VERSION_CONFLICT: '大厅设置刚刚已被他人修改，请刷新后重试',
  ALREADY_BOOKED: '您已有该事项的预约，请先办理或取消原预约',
  ONE_PER_DAY: '同一人每天只能预约一次',
  WEEKLY_LIMIT: '本周预约次数已达上限',
  BOOKING_BLOCKED: '因多次预约未到，暂停预约',
  APPOINTMENT_NOT_FOUND: '未找到该预约',
  APPOINTMENT_NOT_ACTIVE: '该预约已取消、已办理或已过期',
  CANCEL_TOO_LATE: '已过取消截止时间，不能取消',
  REQUEST_IN_PROGRESS: '正在处理您刚才的操作，请稍候',
  /** The request id was first used for another action or another input (it promised one request). */
  IDEMPOTENCY_KEY_REUSED: '请求编号已用于其他请求，请重新提交',
  TICKET_INVALID: '预约码无效，请让市民刷新预约码后重试',
  TICKET_EXPIRED: '预约码已过期，请让市民刷新预约码',
  TICKET_OTHER_HALL: '该预约不在本大厅办理',
  TICKET_NOT_TODAY: '该预约不是今天的',
  CHECK_IN_TOO_EARLY: '还未到签到时间',
  CHECK_IN_TOO_LATE: '已超过签到时间，预约已失效，可现场取号办理',
  ALREADY_CHECKED_IN: '该预约已签到，请勿重复签到',
  REISSUE_NOT_ELIGIBLE: '暂不符合在线补换领身份证的条件，请查看原因，或预约到户政大厅办理',
  REISSUE_ALREADY_OPEN: '您已有一份正在办理的补换领申请，请先查看办理进度',
  REISSUE_NOT_FOUND: '未找到该补换领申请',
  REISSUE_STATE_CONFLICT: '该申请当前的状态不能进行此操作，请刷新后查看',
  REISSUE_VERSION_CONFLICT: '该申请刚刚已有更新，请刷新后重试',
  REISSUE_ADDRESS_INVALID: '收件地址的省、市、区（县）不匹配，请重新选择',
  REISSUE_FEE_CHANGED: '新地址的邮寄费用与原地址不同，不能直接修改；如需寄往该地址，请取消后重新申请',
  PAYMENT_UNAVAILABLE: '支付服务暂时不可用，请稍后再试',
  SERVICE_BUSY: '当前办理人数较多，请稍后再试',
  /** The function's environment (keys, credentials) is missing or malformed: an ops problem. */
  SERVICE_MISCONFIGURED: '服务配置有误，请稍后再试或联系管理员',
  INTERNAL: pageMessages.INTERNAL,
  /** Client side only: the request never reached a function. */
  NETWORK_UNAVAILABLE: pageMessages.NETWORK_UNAVAILABLE,
  /** The request body is over the gateway's limit (1 MiB): nothing the function could read. */
  REQUEST_TOO_LARGE: '请求内容过大，请减少填写或上传的内容后重试',
  FAMILY_MEMBER_UNMATCHED: '未能核实为您同一户口簿上的家庭成员，请核对姓名和身份证号码',
  /** Booking/cancel churn per account is limited (issue 10). */
  CANCEL_LIMIT: '今日取消或改约次数已达上限，请明天再试',
  /** The face check failed and this verification allows no further one (issue 12). */
  FACE_ATTEMPTS_USED_UP: '人脸核验未通过，本次认证的刷脸次数已用完',
  /** The same face result was sent more often than a lost answer explains; WeChat is not asked again. */
  FACE_RESULT_RESENT_TOO_OFTEN: '该刷脸结果已多次提交，请重新刷脸',
  /** 好差评 (issue 12): a service is rated once, after it finished, by who booked or applied. */
  RATING_NOT_FINISHED: '服务办结后才能评价',
  RATING_ALREADY_GIVEN: '该服务已评价过，每项服务只能评价一次',
  RATING_REASON_REQUIRED: '选择“不满意”或“非常不满意”时，请至少选择一项原因',
  RATING_COMMENT_INVALID: '补充说明请不超过100字，且不要填写身份证号、手机号等个人信息',
  /** A 预约号 / 办件编号 that is not eight digits or whose check digit is wrong (a misheard or mistyped number; issue 12). */
  REFERENCE_NUMBER_INVALID: '编号有误，请核对后重新输入（8位数字）',
  /** The last four characters typed at the window are not those of the appointment's subject (issue 12). */
  IDENTITY_CHECK_FAILED: '身份证号码后四位与预约人不符，请核对市民出示的身份证',
  /** Too many wrong endings for this appointment or by this officer today (issue 12). */
  IDENTITY_CHECK_LOCKED: '核对失败次数过多，请改为扫描预约码签到，或请市民现场取号办理',
  /** The appointment's subject cannot be confirmed by ID number (their verified identity is gone; issue 12). */
  IDENTITY_CHECK_UNAVAILABLE: '无法核对该预约人的身份信息，请扫描预约码签到或请市民现场取号办理',
  /** The population registry's gateway did not answer (timeout, outage, circuit open, bad answer signature): says nothing about the person (issue 13). */
  REGISTRY_UNAVAILABLE: '户籍信息系统暂时无法访问，请稍后再试',
  /** An officer bound to halls whose own real-name verification is missing: acting for a hall needs it (issue 13). */
  OFFICER_NOT_VERIFIED: pageMessages.OFFICER_NOT_VERIFIED,
  /** A household-registration business application (issue 15) cannot take this action in its state, or its conditions are not met. */
  APPLICATION_STATE_CONFLICT: '该申请当前的状态不能进行此操作，请刷新后查看',
  /** The application changed since it was read (another officer, another tab). */
  APPLICATION_VERSION_CONFLICT: '该申请刚刚已有更新，请刷新后重试',
  APPLICATION_NOT_FOUND: '未找到该申请',
  /** One open application per person and business (issue 15). */
  APPLICATION_ALREADY_OPEN: '您已有一份正在办理的同类申请，请先查看办理进度',
  /** A condition that is data (age of parents joining, years since graduation …) is not met. */
  BUSINESS_CONDITIONS_UNMET: '暂不符合该业务的办理条件，请查看原因或咨询大厅',
  /** The hall does not take this business online. */
  BUSINESS_NOT_ONLINE: '该大厅暂不受理此业务的网上申请，请选择其他大厅',
  /** An uploaded photo is missing, not a JPEG/PNG, too small, too large or too heavy. */
  MATERIAL_INVALID: '材料照片不符合要求，请重新拍摄上传（JPG或PNG，清晰完整，不超过2MB）',
  /** A certificate serial that is mistyped or unknown (one answer for both). */
  CERTIFICATE_NOT_FOUND: '未查询到该证明，请核对证明编号',
  /** Too many lookups from one account in a short time (public verification). */
  TOO_FREQUENT: '操作过于频繁，请稍后再试',
  /** One application was handed its day's share of upload places (core/business/uploads.ts). */
  MATERIAL_UPLOAD_LIMIT: '这份申请今天上传照片的次数已达上限，请明天再上传；已上传的照片不受影响',
  /** A consultation that does not exist, or is another account's (one answer for both). */
  CONSULT_NOT_FOUND: '未找到该咨询',
  /** Answered, published or closed already (or not answered yet, for publishing). */
  CONSULT_STATE_CONFLICT: '该咨询当前的状态不能进行此操作，请刷新后查看',
  /** Too many questions waiting, or asked today, from one account (core/consult/askQuota.ts). */
  CONSULT_LIMIT: '您待答复的咨询较多或今日提问次数已达上限，请等大厅答复后或明天再提问',
  CONSULT_QUESTION_INVALID: '问题请填写5至300字（公开的问题不超过100字）',
  CONSULT_ANSWER_INVALID: '答复请填写2至500字',
  /** An ID or mobile number (or a long run of digits) in a question, an answer or a published text. */
  CONSULT_PERSONAL_DATA: '内容中不能含有身份证号、手机号等个人信息，请删除后再提交',
  /** The hall does not handle the business asked about. */
  CONSULT_BUSINESS_NOT_OFFERED: '该大厅不办理此事项，请选择其他大厅或事项',
  /** The hall floor's queue (issue 16): nobody waits to be called at this window's hall now. */
  QUEUE_EMPTY: '当前没有等候的号',
  /** A window calls one number at a time: finish, skip or transfer the current one first. */
  QUEUE_WINDOW_BUSY: '本窗口正在叫号或办理，请先办结、过号或转移当前号',
  QUEUE_TICKET_NOT_FOUND: '未找到该排队号',
  /** The ticket moved since it was read (another window, a repeated tap). */
  QUEUE_TICKET_STATE_CONFLICT: '该号当前状态不能进行此操作，请刷新后查看',
  /** The day's walk-in share of the hall's capacity is given out. */
  WALK_IN_FULL: '今日现场取号已满，请预约其他日期办理',
  /** Issue 16: a hall lead is an officer of that hall (an invitation binds them first). */
  OFFICER_NOT_IN_HALL: '该民警不在此大厅工作，请先邀请其绑定该大厅',
  /** A special period or duty day that breaks a rule (core/hallDuty): the message lists what. */
  HOURS_INVALID: '办公时间安排有误，请检查后重试',
  /** The new hours would leave booked appointments outside the hall's hours: they are listed; nothing was saved. */
  HOURS_STRAND_BOOKINGS: '调整后的办公时间不包含已预约的时段，请保留这些时段或先与预约群众协商处理',
  /** Someone else saved the hall's hours since they were read. */
  HOURS_VERSION_CONFLICT: '办公时间刚刚已被他人修改，请刷新后重试',
  SPECIAL_HOURS_NOT_FOUND: '未找到该特别办公时间安排，可能已被删除',
  /** Door-to-door service (issue 17): a request that does not exist, or is not the caller's (one answer for both). */
  HOME_VISIT_NOT_FOUND: '未找到该上门服务申请',
  /** Someone changed the request since it was read (the version the person saw is stale). */
  HOME_VISIT_VERSION_CONFLICT: '该上门服务申请刚刚已有变化，请刷新后查看',
  /** The step does not fit the request's state (e.g. confirming what is not yet arranged, cancelling what is done). */
  HOME_VISIT_STATE_CONFLICT: '该上门服务申请当前的状态不能进行此操作，请刷新后查看',
  /** A reason, address, phone, officer, time or refusal that breaks a rule: the message says which. */
  HOME_VISIT_INVALID: '上门服务信息填写有误，请检查后重试',
  /** Too many open requests for one person (core/homeVisit/homeVisitNames.ts). */
  HOME_VISIT_LIMIT: '该办理人已有进行中的上门服务申请，请等办结或取消后再申请',
  /** The hall does not handle the business asked for. */
  HOME_VISIT_BUSINESS_NOT_OFFERED: '该大厅不办理此事项，请选择其他大厅或事项',
  /** Issue 17: only while the card is being produced (an open reissue application) or reported lost. */
  TEMP_PROOF_NOT_ELIGIBLE: '您的身份证未挂失，也没有正在办理的补换领申请，暂不能申领电子临时身份证明',
  /** A proof valid for more than 3 more hours: show it instead. */
  TEMP_PROOF_STILL_VALID: '您已有一张有效的电子临时身份证明，到期前3小时内可再次申领',
  TEMP_PROOF_MONTHLY_LIMIT: '本月已申领3次电子临时身份证明，请下月再申领或到派出所办理临时身份证',
  /** Unknown, or another account's (one answer for both). */
  TEMP_PROOF_NOT_FOUND: '未找到该电子临时身份证明',
  TEMP_PROOF_EXPIRED: '该电子临时身份证明已过期，如仍需要请重新申领',
  TEMP_PROOF_REVOKED: '该电子临时身份证明已作废（新身份证已领取，或挂失、补领申请已撤销）',
  /** The last face check is older than 30 minutes: the code is shown again after a new one. */
  TEMP_PROOF_FACE_REQUIRED: '为保护您的身份安全，请重新进行人脸核验后再出示证明',
  /** Issue 17, fair release: the hall-day's places are allocated by a draw (reserve during the window or before the draw ran). */
  RELEASE_BY_DRAW: '该日号源以摇号方式放出，请在申请时间内参加摇号；摇号结束后剩余号源再开放预约',
  RELEASE_DRAW_NOT_FOUND: '未找到该日的摇号',
  /** The hall-day has a draw already. */
  RELEASE_DRAW_EXISTS: '该日已设置摇号',
  /** A date, window or group that breaks a rule: the message says which. */
  RELEASE_DRAW_INVALID: '摇号设置有误，请检查后重试',
  /** Applying or withdrawing outside the application window. */
  RELEASE_WINDOW_CLOSED: '当前不在摇号申请时间内',
  /** Running the draw before its window closed (and the short grace after it). */
  RELEASE_DRAW_NOT_CLOSED: '申请尚未截止，截止后方可摇号',
  /** A preference that is not a slot of the hall-day, or a group the hall does not give priority to. */
  RELEASE_APPLICATION_INVALID: '摇号申请填写有误，请检查后重试',
  /** The group asked for is verified from data the system holds (age from the ID number) and does not apply. */
  RELEASE_GROUP_NOT_MET: '根据身份证信息，办理人不符合所选优先群体的条件',
  /** Unknown, or another account's (one answer for both). */
  RELEASE_APPLICATION_NOT_FOUND: '未找到该摇号申请',
  /** Issue 18, the assisted channel: unknown, or another officer's session (one answer for both). */
  ASSISTED_SESSION_NOT_FOUND: '未找到该代办会话，请重新核验群众身份',
  /** The session's time ran out, it failed (too many wrong codes) or was closed. */
  ASSISTED_SESSION_EXPIRED: '代办会话已结束或已过期，请重新核验群众身份',
  ASSISTED_SESSION_NOT_CONFIRMED: '请先输入群众收到的短信验证码',
  ASSISTED_SESSION_CONFIRMED: '该代办会话已核验，无需再次输入验证码',
  /** A booking or appointment at another hall than the session's. */
  ASSISTED_OTHER_HALL: '代办会话仅限本大厅的预约，请在对应大厅办理',
  /** Neither the registry nor an account of the citizen holds a mobile number: the code cannot be sent. */
  ASSISTED_NO_PHONE_ON_FILE: '该群众没有登记手机号码，无法发送验证码，请告知其携带身份证件到大厅现场办理',
  /** Too many failed assisted sessions for the citizen today. */
  ASSISTED_CITIZEN_LOCKED: '该群众今日代办核验失败次数过多，请明日再试或请其到大厅现场办理',
  /** The officer opened the day's maximum of sessions. */
  ASSISTED_OPEN_LIMIT: '今日开启代办会话次数已达上限，请明天再试',
  /** A reissue needs its fee collected in person (no WeChat Pay for a citizen without WeChat): not by phone. */
  ASSISTED_REISSUE_BY_PHONE: '电话代办无法当面收取补换领费用，不能代为申请；可为群众预约到大厅窗口办理，或在窗口、上门服务时代办',
  /** The hall of the officer's session does not take reissues for the citizen (another city's, or no reissue there). */
  REISSUE_OTHER_CITY: '本大厅不受理该群众的补换领申请，须由其户籍所在城市办理补换领的大厅受理',
} as const;

export type ErrorCode = keyof typeof errorCatalogue;

export const errorCodes = Object.keys(errorCatalogue) as ErrorCode[];

export function messageFor(code: ErrorCode): string {
  return errorCatalogue[code];
}
