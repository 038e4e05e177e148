import { init } from '@cloudbase/node-sdk';
import { CloudCallSubscribeNotifier } from '../../server/wechat/CloudCallSubscribeNotifier';
import { WX_ERRCODE, WxOpenApiError } from '../../server/wechat/wxOpenApi';
import { answerJson, fakeServer, rejection, type FakeServer } from './support/fakeHttpServer';

/**
 * The reminder adapter through the real @cloudbase/node-sdk against a fake of CloudBase's API
 * endpoint: what `callWxOpenApi` puts on the wire, and how each kind of answer comes back.
 */
process.env.TENCENTCLOUD = 'true'; // no probe of Tencent Cloud's metadata host

const REMINDER = { hallName: '海口市公安局龙华分局户政服务大厅（椰海大道服务点）', businessTitle: '到期换领居民身份证', date: '2026-12-02', start: '09:00', end: '09:30' };

let server: FakeServer;
/** What the fake CloudBase answers next (the JSON body of an HTTP 200, unless `status` is set). */
let answer: { status?: number; body: unknown } = { body: {} };
const wechat = (responseData: unknown) => ({ body: { requestId: 'r-1', data: { responseData: typeof responseData === 'string' ? responseData : JSON.stringify(responseData) } } });

beforeAll(async () => {
  server = await fakeServer((req, res) => {
    if (req.url.pathname !== '/admin') return answerJson(res, 404, {});
    answerJson(res, answer.status ?? 200, answer.body);
  });
});
afterAll(() => server.close());
beforeEach(() => {
  server.requests.length = 0;
  answer = wechat({ errcode: 0, errmsg: 'ok', msgid: 1 });
});

const notifier = () => new CloudCallSubscribeNotifier(init({ env: 'hukou-test', serviceUrl: `${server.base}/admin`, secretId: 'id', secretKey: 'key' }), 'tmpl-reminder-1');

test('one 云调用 of subscribeMessage.send with the documented message: template, page, fields within WeChat’s limits', async () => {
  await notifier().remindAppointment('openid-1', REMINDER);
  expect(server.requests).toHaveLength(1);
  const sent = JSON.parse(server.requests[0].body);
  expect(sent).toMatchObject({ action: 'wx.api', apiName: 'subscribeMessage.send', cgiName: 'commrpcv2', envName: 'hukou-test' });
  // requestData travels as JSON text, in WeChat's own (snake_case) fields.
  expect(typeof sent.requestData).toBe('string');
  const body = JSON.parse(sent.requestData);
  expect(body).toMatchObject({
    touser: 'openid-1',
    template_id: 'tmpl-reminder-1',
    page: 'pages/mine/index',
    miniprogram_state: 'formal',
    data: { time2: { value: '2026年12月2日 09:00' }, thing3: { value: '到期换领居民身份证' } },
  });
  expect(body.data.thing1.value.length).toBeLessThanOrEqual(20);
  // No access token anywhere: the platform authenticates the cloud call.
  expect(server.requests[0].rawUrl).not.toMatch(/access_token/);
  expect(server.requests[0].body).not.toMatch(/access_token/);
});

test('a citizen who did not subscribe (43101) is a WeChat error the timer counts, without the openid in it', async () => {
  answer = wechat({ errcode: 43101, errmsg: 'user refuse to accept the msg rid: 1' });
  const error = await rejection(notifier().remindAppointment('openid-secret-person', REMINDER));
  expect(error).toBeInstanceOf(WxOpenApiError);
  expect(error).toMatchObject({ kind: 'wechat', code: WX_ERRCODE.userRefused, apiName: 'subscribeMessage.send' });
  expect(error.message).toContain('43101');
  expect(error.message).not.toContain('openid-secret-person');
});

test('a refusal by the platform (e.g. the API missing from the function’s permissions) is a clear platform error', async () => {
  answer = { body: { requestId: 'r-2', code: 'PERMISSION_DENIED', message: '-604101 no permission' } };
  const error = await rejection(notifier().remindAppointment('openid-1', REMINDER));
  expect(error).toMatchObject({ kind: 'platform', code: 'PERMISSION_DENIED' });
  expect(error.message).toMatch(/cloud call subscribeMessage\.send failed: PERMISSION_DENIED -604101/);
  answer = { status: 502, body: 'bad gateway' };
  expect(await rejection(notifier().remindAppointment('openid-1', REMINDER))).toMatchObject({ kind: 'platform' });
});

test.each([
  ['text that is not JSON', wechat('<html>gateway</html>'), /not a JSON object \(text of 20 characters\)/],
  ['a JSON array', wechat([1, 2]), /not a JSON object/],
  ['no responseData at all', { body: { requestId: 'r-3', data: {} } }, /not a JSON object \(undefined\)/],
  ['an errcode that is not a number', wechat({ errcode: '0', errmsg: 'ok' }), /errcode is not a number/],
])('a malformed answer (%s) is a clear error, not a silent success', async (_what, malformed, message) => {
  answer = malformed;
  const error = await rejection(notifier().remindAppointment('openid-1', REMINDER));
  expect(error).toMatchObject({ kind: 'malformed' });
  expect(error.message).toMatch(message);
});
