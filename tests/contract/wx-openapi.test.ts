/**
 * Contract of the local cloud's 云调用 (devcloud/wxOpenApi.ts): the real @cloudbase/node-sdk's
 * `callWxOpenApi` reaches the same endpoint as the database, and the functions' cloud-call adapters
 * get the answers WeChat gives — the path every local reminder takes.
 */
import { init } from '@cloudbase/node-sdk';
import { collections } from '../../config/collections';
import { functions } from '../../config/functions';
import { createDatabaseEmulator, type DatabaseEmulator } from '../../devcloud/db';
import { serveDatabaseEmulator, type EmulatorServer } from '../../devcloud/db/server';
import { createLocalServices } from '../../devcloud/localServices';
import { createLocalWxOpenApi } from '../../devcloud/wxOpenApi';
import { CloudCallSubscribeNotifier } from '../../server/wechat/CloudCallSubscribeNotifier';
import { callWxOpenApi, WX_ERRCODE, WX_OPEN_APIS, WxOpenApiError } from '../../server/wechat/wxOpenApi';

process.env.TENCENTCLOUD = 'true';

const REMINDER = { hallName: '龙华分局户政服务大厅', businessTitle: '到期换领居民身份证', date: '2026-12-02', start: '09:00', end: '09:30' };

interface LocalCloudCall {
  app: ReturnType<typeof init>;
  services: ReturnType<typeof createLocalServices>;
  close(): Promise<void>;
}

const opened: LocalCloudCall[] = [];
async function localCloudCall(permitted = new Set(functions.flatMap((f) => f.openapi ?? []))): Promise<LocalCloudCall> {
  const services = createLocalServices(() => {});
  const emulator: DatabaseEmulator = await createDatabaseEmulator({
    collections,
    otherActions: createLocalWxOpenApi({ permitted, apis: { 'subscribeMessage.send': services.subscribeSend } }),
  });
  const server: EmulatorServer = await serveDatabaseEmulator(emulator);
  const app = init({ env: 'local-test', serviceUrl: server.serviceUrl, secretId: 'local', secretKey: 'local' });
  const call = {
    app,
    services,
    async close() {
      await server.close();
      await emulator.close();
    },
  };
  opened.push(call);
  return call;
}
afterEach(async () => {
  await Promise.all(opened.splice(0).map((c) => c.close()));
});

test('the reminder adapter’s cloud call is answered and the message kept, as sent, beside the database', async () => {
  const local = await localCloudCall();
  await new CloudCallSubscribeNotifier(local.app, 'tmpl-reminder').remindAppointment('o-citizen', REMINDER);
  expect(local.services.notifications).toEqual([
    expect.objectContaining({
      openid: 'o-citizen',
      templateId: 'tmpl-reminder',
      data: { thing1: { value: '龙华分局户政服务大厅' }, time2: { value: '2026年12月2日 09:00' }, thing3: { value: '到期换领居民身份证' } },
    }),
  ]);
  expect(local.services.notifications[0].text).toContain('2026年12月2日 09:00');
  // The same endpoint still answers the database.
  expect((await local.app.database().collection('halls').get()).data).toEqual([]);
});

test('a person who declined reminders: WeChat’s 43101, a WeChat error without the openid in its message', async () => {
  const local = await localCloudCall();
  local.services.declineReminders('o-declined');
  const error = await new CloudCallSubscribeNotifier(local.app, 'tmpl-reminder').remindAppointment('o-declined', REMINDER).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(WxOpenApiError);
  expect(error).toMatchObject({ kind: 'wechat', code: WX_ERRCODE.userRefused });
  expect((error as Error).message).not.toContain('o-declined');
  expect(local.services.notifications).toEqual([]);
});

test('the emulator checks the message as WeChat does: a `thing` over 20 characters, a missing template', async () => {
  const local = await localCloudCall();
  const send = (data: Record<string, unknown>) => callWxOpenApi(local.app, WX_OPEN_APIS.subscribeMessageSend, data).catch((e: unknown) => e);
  expect(await send({ touser: 'o-1', template_id: 't', data: { thing1: { value: '一'.repeat(21) } } })).toMatchObject({ kind: 'wechat', code: 47003 });
  expect(await send({ touser: 'o-1', data: {} })).toMatchObject({ kind: 'wechat', code: 40037 });
  expect(local.services.notifications).toEqual([]);
});

test('an API no function declares in its cloud-call permissions is refused by the platform, clearly', async () => {
  const local = await localCloudCall(new Set());
  const error = await new CloudCallSubscribeNotifier(local.app, 'tmpl-reminder').remindAppointment('o-citizen', REMINDER).catch((e: unknown) => e);
  expect(error).toMatchObject({ kind: 'platform', code: 'PERMISSION_DENIED' });
  expect((error as Error).message).toMatch(/subscribeMessage\.send.*config\/functions\.ts openapi/);
});

test('every cloud-call API the adapters use is declared by the function that uses it', () => {
  const booking = functions.find((f) => f.name === 'booking');
  expect(booking?.openapi).toContain(WX_OPEN_APIS.subscribeMessageSend);
});
