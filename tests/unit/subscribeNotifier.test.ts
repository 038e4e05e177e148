import { WeChatAccessToken } from '../../server/wechat/accessToken';
import { WeChatSubscribeNotifier } from '../../server/wechat/WeChatSubscribeNotifier';
import { answerJson, fakeServer, type FakeServer, type Received } from './support/fakeHttpServer';

/** The production reminder adapter against a fake of WeChat's token and subscribe-message APIs. */
const REMINDER = { hallName: '海口市公安局龙华分局户政服务大厅', businessTitle: '到期换领居民身份证', date: '2026-12-02', start: '09:00', end: '09:30' };

let server: FakeServer;
let tokensIssued = 0;
let retireFirstToken = false;
let sendAnswer: (token: string) => unknown = () => ({ errcode: 0, errmsg: 'ok' });
const sends: Received[] = [];

beforeAll(async () => {
  server = await fakeServer((req, res) => {
    const url = req.url;
    if (url.pathname === '/cgi-bin/token') {
      tokensIssued++;
      return answerJson(res, 200, { access_token: `token-${tokensIssued}`, expires_in: 7200 });
    }
    if (url.pathname === '/cgi-bin/message/subscribe/send') {
      sends.push(req);
      const token = url.searchParams.get('access_token') ?? '';
      if (retireFirstToken && token === 'token-1') return answerJson(res, 200, { errcode: 40001, errmsg: 'invalid credential' });
      return answerJson(res, 200, sendAnswer(token));
    }
    answerJson(res, 404, { errcode: -1 });
  });
});
afterAll(async () => {
  await server.close();
});
beforeEach(() => {
  tokensIssued = 0;
  retireFirstToken = false;
  sendAnswer = () => ({ errcode: 0, errmsg: 'ok' });
  sends.length = 0;
});

const notifier = () => new WeChatSubscribeNotifier(new WeChatAccessToken('wx0123456789abcdef', 'secret', server.base), 'tmpl-reminder-1', server.base);

test('sends the documented subscribe message: template, page, and fields within WeChat’s limits', async () => {
  await notifier().remindAppointment('openid-1', REMINDER);
  expect(sends).toHaveLength(1);
  const body = JSON.parse(sends[0].body);
  expect(body).toMatchObject({
    touser: 'openid-1',
    template_id: 'tmpl-reminder-1',
    page: 'pages/mine/index',
    data: { time2: { value: '2026年12月2日 09:00' }, thing3: { value: '到期换领居民身份证' } },
  });
  expect(body.data.thing1.value.length).toBeLessThanOrEqual(20);
});

test('a token retired by another instance is refreshed and the message sent once more', async () => {
  retireFirstToken = true;
  await notifier().remindAppointment('openid-1', REMINDER);
  expect(tokensIssued).toBe(2);
  expect(sends).toHaveLength(2);
});

test('a citizen who did not subscribe (43101) is an error the timer counts, without the openid in it', async () => {
  sendAnswer = () => ({ errcode: 43101, errmsg: 'user refuse to accept the msg' });
  const error = await notifier()
    .remindAppointment('openid-secret-person', REMINDER)
    .catch((e: Error) => e);
  expect(error).toBeInstanceOf(Error);
  expect((error as Error).message).toContain('43101');
  expect((error as Error).message).not.toContain('openid-secret-person');
});
