/**
 * The local cloud's address, set by devcloud/ for the functions it runs. Local stand-ins of
 * external services (SMS, payment, courier; WeChat's token and face APIs at `/wx`) and the local
 * clock offset are used only when it is set and the function is not running in a real cloud
 * function (TENCENTCLOUD_RUNENV=SCF). Reminders need none: their cloud call goes through the SDK.
 */
export function localCloudUrl(): string | undefined {
  if (process.env.TENCENTCLOUD_RUNENV === 'SCF') return undefined;
  return process.env.HUKOU_LOCAL_CLOUD_URL || undefined;
}
