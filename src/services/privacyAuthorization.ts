import Taro from '@tarojs/taro';

/**
 * WeChat's privacy authorization (weapp only): before a privacy API runs (here: the clipboard, when
 * a hall's address is copied) while the person has not agreed to the mini-program's privacy guide,
 * WeChat suspends the call and asks us to show the guide. Every page's PrivacyPrompt shows it where
 * the person is; its agree button (open-type agreePrivacyAuthorization, id AGREE_BUTTON_ID) or
 * 拒绝 resolves the suspended call. The 实名认证 consent page's agree button is such a button too.
 */
export const AGREE_BUTTON_ID = 'agree-privacy-authorization';

type Resolve = (option: { event: 'exposureAuthorization' | 'agree' | 'disagree'; buttonId?: string }) => void;
let pending: Resolve | undefined;
let exposed = false;
const watchers = new Set<(requested: boolean) => void>();

function notify(): void {
  for (const w of watchers) w(Boolean(pending));
}

export function watchPrivacyAuthorization(): void {
  if (process.env.TARO_ENV !== 'weapp' || !Taro.onNeedPrivacyAuthorization) return;
  Taro.onNeedPrivacyAuthorization((resolve: Resolve) => {
    pending = resolve;
    exposed = false;
    notify();
  });
}

/** Calls `watcher` whenever a privacy authorization is asked for or resolved; returns the unsubscribe. */
export function watchPrivacyRequest(watcher: (requested: boolean) => void): () => void {
  watchers.add(watcher);
  watcher(Boolean(pending));
  return () => void watchers.delete(watcher);
}

/** The prompt is on screen: tells WeChat once per request (resolve exposureAuthorization). */
export function privacyPromptShown(): void {
  if (!pending || exposed) return;
  exposed = true;
  pending({ event: 'exposureAuthorization' });
}

export function resolvePrivacyAuthorization(agreed: boolean): void {
  const resolve = pending;
  pending = undefined;
  resolve?.(agreed ? { event: 'agree', buttonId: AGREE_BUTTON_ID } : { event: 'disagree' });
  notify();
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
