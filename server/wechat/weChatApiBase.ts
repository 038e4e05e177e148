import { localCloudUrl } from '../local/localCloudUrl';

/** WeChat's server API host. */
export const WECHAT_API = 'https://api.weixin.qq.com';

/**
 * Where the HTTPS WeChat APIs are reached: api.weixin.qq.com, or inside the local cloud its stand-in
 * of them (`<local cloud>/wx`, devcloud/localWeChatApi.ts), so the same adapter code runs in both.
 */
export function weChatApiBase(): string {
  const local = localCloudUrl();
  return local ? `${local}/wx` : WECHAT_API;
}
