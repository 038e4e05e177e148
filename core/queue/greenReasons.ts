/**
 * The green channel's reasons (绿色通道): a fixed list, so what is audited and reported counts
 * the same things everywhere. An officer or the kiosk picks one; free text is not taken.
 */
export const GREEN_REASONS = {
  migrantWorker: '农民工',
  elderly: '老年人（60周岁以上）',
  disabled: '残疾人',
  examinee: '考生（急需办证应考）',
  pregnant: '孕妇或携婴幼儿',
  military: '军人、消防救援人员',
  seriouslyIll: '重病患者',
  urgentTravel: '急需出行、就医',
} as const;

export type GreenReason = keyof typeof GREEN_REASONS;

export const greenReasons = Object.keys(GREEN_REASONS) as GreenReason[];

export function isGreenReason(x: string): x is GreenReason {
  return Object.prototype.hasOwnProperty.call(GREEN_REASONS, x);
}
