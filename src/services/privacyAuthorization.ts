import Taro from '@tarojs/taro';

/**
 * WeChat's privacy authorization (weapp only): before a privacy-related API runs, WeChat asks us
 * to get the user's agreement to the mini-program's privacy guide. The consent page's agree button
 * (open-type agreePrivacyAuthorization, id AGREE_BUTTON_ID) resolves the pending request.
 */
export const AGREE_BUTTON_ID = 'agree-privacy-authorization';

type Resolve = (option: { event: 'exposureAuthorization' | 'agree' | 'disagree'; buttonId?: string }) => void;
let pending: Resolve | undefined;

export function watchPrivacyAuthorization(): void {
  if (process.env.TARO_ENV !== 'weapp' || !Taro.onNeedPrivacyAuthorization) return;
  Taro.onNeedPrivacyAuthorization((resolve: Resolve) => {
    pending = resolve;
    resolve({ event: 'exposureAuthorization' });
    void Taro.navigateTo({ url: '/packages/identity/consent/index' });
  });
}

export function resolvePrivacyAuthorization(agreed: boolean): void {
  pending?.(agreed ? { event: 'agree', buttonId: AGREE_BUTTON_ID } : { event: 'disagree' });
  pending = undefined;
}

/** Whether WeChat still needs the user's agreement to the privacy guide, and the guide's name. */
export async function privacySetting(): Promise<{ needAuthorization: boolean; contractName?: string }> {
  if (process.env.TARO_ENV !== 'weapp' || !Taro.getPrivacySetting) return { needAuthorization: false };
  return new Promise((resolve) => {
    Taro.getPrivacySetting({
      success: (r) => resolve({ needAuthorization: r.needAuthorization, contractName: r.privacyContractName }),
      fail: () => resolve({ needAuthorization: false }),
    });
  });
}
