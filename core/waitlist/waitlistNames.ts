import type { WaitState } from './WaitEntry';

/** What each state of a waiting-list entry is called on the citizen's pages. */
export const WAIT_STATE_NAMES: Record<WaitState, string> = {
  waiting: '候补中',
  offered: '有名额待确认',
  booked: '已预约',
  lapsed: '已过期',
  left: '已退出',
};

/** What the citizen does next, by state: where they stand and what to do. */
export const WAIT_NEXT_STEP: Record<WaitState, string> = {
  waiting: '有人取消时，名额按候补顺序提供给您，届时会通知您，请留意并及时确认。',
  offered: '已为您保留一个名额，请在保留时间内点“接受并预约”完成预约；不需要请点“放弃”，名额将给下一位。',
  booked: '已通过候补预约成功，请按预约时间前往大厅办理。',
  lapsed: '保留时间内未确认，名额已顺延给下一位。如仍需办理，可重新加入候补或预约其他日期。',
  left: '您已退出该候补。如仍需办理，可重新加入候补（排到队尾）或预约其他日期。',
};
