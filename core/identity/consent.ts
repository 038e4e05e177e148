import type { Account, ConsentPurpose } from './Account';

/**
 * What we collect and why, shown before anything is collected (PIPL art. 29: separate consent
 * for sensitive personal information). Raising the version asks everyone again.
 */
export const CONSENT_VERSION = 1;

export interface ConsentText {
  purpose: ConsentPurpose;
  title: string;
  collected: string[];
  why: string;
  retention: string;
  sharedWith: string;
}

export const consentTexts: Record<ConsentPurpose, ConsentText> = {
  identity: {
    purpose: 'identity',
    title: '实名认证个人信息处理规则',
    collected: ['姓名', '居民身份证号码（敏感个人信息）', '手机号码'],
    why: '用于核验您的真实身份，并在预约、证件办理中确认是本人或您代办的家庭成员。',
    retention: '加密保存，您解除绑定后 30 日内删除；操作日志按《网络安全法》保存不少于 6 个月。',
    sharedWith: '仅用于与公安机关人口信息系统比对，不向其他第三方提供。',
  },
  face: {
    purpose: 'face',
    title: '人脸识别单独同意',
    collected: ['人脸图像（敏感个人信息，由微信人脸核身服务采集比对）'],
    why: '用于确认操作者是身份证件的持有人本人。本服务不保存您的人脸图像，只接收核验结果。',
    retention: '不保存人脸图像；保存核验结果与时间。',
    sharedWith: '由微信人脸核身服务与公安机关权威数据比对。',
  },
};

export function hasConsent(account: Pick<Account, 'consents'>, purpose: ConsentPurpose): boolean {
  return account.consents.some((c) => c.purpose === purpose && c.version === CONSENT_VERSION);
}

/** Records consents, replacing older versions of the same purpose. */
export function withConsents(account: Account, purposes: readonly ConsentPurpose[], now: Date): Account {
  const kept = account.consents.filter((c) => !purposes.includes(c.purpose));
  return {
    ...account,
    consents: [...kept, ...purposes.map((purpose) => ({ purpose, version: CONSENT_VERSION, at: now }))],
    updatedAt: now,
  };
}
