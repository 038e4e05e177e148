/**
 * The production adapters of the identity function's external services, against local fake
 * servers (node:http on 127.0.0.1) that follow the documented interfaces:
 * - TencentSmsSender → Tencent Cloud SMS `SendSms` (API 3.0, TC3-HMAC-SHA256). The signature is
 *   recomputed here from Tencent Cloud's published algorithm, written independently of
 *   server/sms/tc3Signature.ts and checked first against the example in Tencent's documentation;
 * - WeChatAccessToken + WeChatFaceVerifier → api.weixin.qq.com `cgi-bin/token` and
 *   `cityservice/face/identify/getinfo`;
 * - LocalSmsOutbox → the local cloud's SMS stand-in (devcloud/localServices.ts), and the production
 *   WeChatFaceVerifier → the local cloud's stand-in of WeChat's token and getinfo APIs
 *   (devcloud/localWeChatApi.ts), which is what runs locally.
 */
import { createHash, createHmac } from 'node:crypto';
import http, { type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import fc from 'fast-check';
import { judgeFaceResult, type FaceIdentifyInfo } from '../../core/identity/faceResult';
import { containsUnmaskedIdOrPhone } from '../../core/privacy/mask';
import { createLocalServices } from '../../devcloud/localServices';
import { createLocalWeChatApi } from '../../devcloud/localWeChatApi';
import { LocalSmsOutbox } from '../../server/local/LocalSmsOutbox';
import { TencentSmsSender, type TencentSmsConfig } from '../../server/sms/TencentSmsSender';
import { WeChatAccessToken } from '../../server/wechat/accessToken';
import { WeChatFaceVerifier } from '../../server/wechat/WeChatFaceVerifier';

// ---------------------------------------------------------------------------------------------
// A fake server: records every request, answers with the test's handler.

interface Received {
  method: string;
  url: URL;
  headers: IncomingHttpHeaders;
  body: string;
}

interface FakeServer {
  /** 127.0.0.1:port */
  host: string;
  base: string;
  requests: Received[];
  close(): Promise<void>;
}

function json(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' });
  res.end(typeof body === 'string' ? body : JSON.stringify(body));
}

async function fakeServer(answer: (req: Received, res: ServerResponse) => void): Promise<FakeServer> {
  const requests: Received[] = [];
  const server = http.createServer((req: IncomingMessage, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const received = { method: req.method ?? '', url: new URL(req.url ?? '/', 'http://fake'), headers: req.headers, body: Buffer.concat(chunks).toString('utf8') };
      requests.push(received);
      answer(received, res);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    host: `127.0.0.1:${port}`,
    base: `http://127.0.0.1:${port}`,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

const servers: FakeServer[] = [];
async function serve(answer: (req: Received, res: ServerResponse) => void): Promise<FakeServer> {
  const s = await fakeServer(answer);
  servers.push(s);
  return s;
}
afterEach(async () => {
  jest.restoreAllMocks();
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

/** The message of a rejection (fails the test when the promise resolves). */
async function rejection(p: Promise<unknown>): Promise<string> {
  try {
    await p;
  } catch (e) {
    return e instanceof Error ? e.message : String(e);
  }
  throw new Error('expected a rejection');
}

// ---------------------------------------------------------------------------------------------
// Tencent Cloud API 3.0 signing, written from the documentation (not from server/sms).

const sha256Hex = (s: string) => createHash('sha256').update(s, 'utf8').digest('hex');
const hmacSha256 = (key: string | Buffer, msg: string) => createHmac('sha256', key).update(msg, 'utf8').digest();

interface SignInput {
  method: string;
  uri: string;
  query: string;
  /** Header values as sent, keyed by lower-case name. */
  headers: Record<string, string>;
  /** Lower-case names, in the order of SignedHeaders. */
  signedHeaders: string[];
  payload: string;
  timestamp: number;
  service: string;
  secretKey: string;
}

function tencentSignature(i: SignInput): { signature: string; hashedPayload: string; hashedCanonicalRequest: string; date: string } {
  // 1. CanonicalRequest: method, URI, query, "key:value\n" per signed header (both lower-cased, value
  //    trimmed), the signed header names, and the lower-case hex SHA-256 of the payload.
  const canonicalHeaders = i.signedHeaders.map((h) => `${h}:${i.headers[h].trim().toLowerCase()}\n`).join('');
  const hashedPayload = sha256Hex(i.payload);
  const canonicalRequest = [i.method, i.uri, i.query, canonicalHeaders, i.signedHeaders.join(';'), hashedPayload].join('\n');
  // 2. StringToSign: algorithm, timestamp, Date/service/tc3_request with the UTC date of the timestamp.
  const date = new Date(i.timestamp * 1000).toISOString().slice(0, 10);
  const hashedCanonicalRequest = sha256Hex(canonicalRequest);
  const stringToSign = ['TC3-HMAC-SHA256', String(i.timestamp), `${date}/${i.service}/tc3_request`, hashedCanonicalRequest].join('\n');
  // 3. Derived key: HMAC chain from "TC3" + SecretKey over date, service and "tc3_request".
  const secretDate = hmacSha256(`TC3${i.secretKey}`, date);
  const secretService = hmacSha256(secretDate, i.service);
  const secretSigning = hmacSha256(secretService, 'tc3_request');
  return { signature: hmacSha256(secretSigning, stringToSign).toString('hex'), hashedPayload, hashedCanonicalRequest, date };
}

const AUTHORIZATION = /^TC3-HMAC-SHA256 Credential=([^/]+)\/(\d{4}-\d{2}-\d{2})\/([a-z]+)\/tc3_request, SignedHeaders=([a-z;-]+), Signature=([0-9a-f]{64})$/;

/** Verifies a received request's Authorization as Tencent Cloud would, given the secret key. */
function signatureOf(req: Received, secretKey: string, payload = req.body) {
  const m = AUTHORIZATION.exec(String(req.headers.authorization));
  if (!m) throw new Error(`Authorization is not TC3: ${String(req.headers.authorization)}`);
  const [, secretId, date, service, signedHeaders, signature] = m;
  const headers = Object.fromEntries(Object.entries(req.headers).map(([k, v]) => [k, String(v)]));
  const expected = tencentSignature({
    method: req.method,
    uri: req.url.pathname,
    query: req.url.search.replace(/^\?/, ''),
    headers,
    signedHeaders: signedHeaders.split(';'),
    payload,
    timestamp: Number(req.headers['x-tc-timestamp']),
    service,
    secretKey,
  });
  return { secretId, date, service, signedHeaders, signature, expected: expected.signature, expectedDate: expected.date };
}

describe('the test’s own TC3-HMAC-SHA256', () => {
  it("reproduces the worked example of Tencent Cloud's API 3.0 signature documentation", () => {
    const r = tencentSignature({
      method: 'POST',
      uri: '/',
      query: '',
      headers: { 'content-type': 'application/json; charset=utf-8', host: 'cvm.tencentcloudapi.com' },
      signedHeaders: ['content-type', 'host'],
      payload: '{"Limit": 1, "Filters": [{"Values": ["\\u672a\\u547d\\u540d"], "Name": "instance-name"}]}',
      timestamp: 1551113065,
      service: 'cvm',
      secretKey: 'Gu5t9xGARNpq86cd98joQYCN3EXAMPLE',
    });
    expect(r.hashedPayload).toBe('35e9c5b0e3ae67532d3c9f17ead6c90222632e5b1ff7f6e89887f1398934f064');
    expect(r.hashedCanonicalRequest).toBe('5ffe6a04c0664d6b969fab9a13bdab201d63ee709638e2749d62a09ca18d7031');
    // UTC date, although it is already 26 February in Beijing.
    expect(r.date).toBe('2019-02-25');
    expect(r.signature).toBe('72e494ea809ad7a8c8f7a4507b9bddcbaa8e581f516e8da2f66e2c5a96525168');
  });
});

// ---------------------------------------------------------------------------------------------

const sendOk = (req: Received, res: ServerResponse) =>
  json(res, 200, {
    Response: {
      SendStatusSet: [
        {
          SerialNo: '5000:1045710669157053657849499619',
          PhoneNumber: JSON.parse(req.body).PhoneNumberSet[0],
          Fee: 1,
          SessionContext: '',
          Code: 'Ok',
          Message: 'send success',
          IsoCode: 'CN',
        },
      ],
      RequestId: 'a0aabda6-cf91-4f3e-a81f-9198114a2279',
    },
  });

/** 00:30 on 23 November in Beijing, still the 22nd in UTC. */
const NOW = Date.parse('2026-11-22T16:30:00Z');
const PHONE = '13912345678';
const CODE = '482915';

function smsConfig(server: FakeServer, change: Partial<TencentSmsConfig> = {}): TencentSmsConfig {
  return {
    sdkAppId: '1400000001',
    signName: '户政服务',
    templateId: '2000001',
    secretId: 'AKIDtestSecretId0001',
    secretKey: 'testSecretKey-0123456789abcdef',
    endpoint: server.host,
    ...change,
  };
}

describe('TencentSmsSender', () => {
  it('posts SendSms with the documented headers and body, signed so that Tencent Cloud verifies it', async () => {
    const server = await serve(sendOk);
    await new TencentSmsSender(smsConfig(server), () => NOW).sendVerificationCode(PHONE, CODE, 5);

    expect(server.requests).toHaveLength(1);
    const req = server.requests[0];
    expect(req.method).toBe('POST');
    expect(req.url.pathname).toBe('/');
    expect(req.headers).toMatchObject({
      'content-type': 'application/json; charset=utf-8',
      host: server.host,
      'x-tc-action': 'SendSms',
      'x-tc-version': '2021-01-11',
      'x-tc-timestamp': String(NOW / 1000),
      'x-tc-region': 'ap-guangzhou',
    });
    expect(req.headers).not.toHaveProperty('x-tc-token');
    expect(JSON.parse(req.body)).toEqual({
      PhoneNumberSet: ['+8613912345678'],
      SmsSdkAppId: '1400000001',
      SignName: '户政服务',
      TemplateId: '2000001',
      TemplateParamSet: [CODE, '5'],
    });

    const sig = signatureOf(req, 'testSecretKey-0123456789abcdef');
    expect(sig).toMatchObject({ secretId: 'AKIDtestSecretId0001', date: '2026-11-22', service: 'sms', signedHeaders: 'content-type;host;x-tc-action' });
    expect(sig.date).toBe(sig.expectedDate);
    expect(sig.signature).toBe(sig.expected);
  });

  it('the signature covers the body and depends on the key', async () => {
    const server = await serve(sendOk);
    await new TencentSmsSender(smsConfig(server), () => NOW).sendVerificationCode(PHONE, CODE, 5);
    const req = server.requests[0];
    const { signature } = signatureOf(req, 'testSecretKey-0123456789abcdef');
    const otherPhone = req.body.replace('+8613912345678', '+8613912345679');
    expect(otherPhone).not.toBe(req.body);
    expect(signatureOf(req, 'testSecretKey-0123456789abcdef', otherPhone).expected).not.toBe(signature);
    expect(signatureOf(req, 'testSecretKey-0123456789abcdeF').expected).not.toBe(signature);
  });

  it('sends the session token of temporary credentials as X-TC-Token, and the configured region', async () => {
    const server = await serve(sendOk);
    await new TencentSmsSender(smsConfig(server, { sessionToken: 'session-token-xyz', region: 'ap-nanjing' }), () => NOW).sendVerificationCode(PHONE, CODE, 5);
    const req = server.requests[0];
    expect(req.headers['x-tc-token']).toBe('session-token-xyz');
    expect(req.headers['x-tc-region']).toBe('ap-nanjing');
    const sig = signatureOf(req, 'testSecretKey-0123456789abcdef');
    expect(sig.signature).toBe(sig.expected);
  });

  it('property: every request verifies, whatever the phone, code, minutes, time and key', async () => {
    const server = await serve(sendOk);
    const mobile = fc.tuple(fc.integer({ min: 3, max: 9 }), fc.integer({ min: 0, max: 999_999_999 })).map(([d, n]) => `1${d}${String(n).padStart(9, '0')}`);
    const code = fc.integer({ min: 0, max: 999_999 }).map((n) => String(n).padStart(6, '0'));
    const instant = fc.integer({ min: Date.UTC(2024, 0, 1) / 1000, max: Date.UTC(2035, 0, 1) / 1000 });
    const key = fc.string({ unit: fc.constantFrom(...'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789'), minLength: 16, maxLength: 40 });
    await fc.assert(
      fc.asyncProperty(mobile, code, fc.integer({ min: 1, max: 30 }), instant, key, async (phone, otp, minutes, seconds, secretKey) => {
        const before = server.requests.length;
        await new TencentSmsSender(smsConfig(server, { secretKey }), () => seconds * 1000 + 999).sendVerificationCode(phone, otp, minutes);
        const req = server.requests[before];
        expect(JSON.parse(req.body)).toMatchObject({ PhoneNumberSet: [`+86${phone}`], TemplateParamSet: [otp, String(minutes)] });
        expect(req.headers['x-tc-timestamp']).toBe(String(seconds));
        const sig = signatureOf(req, secretKey);
        expect(sig.date).toBe(new Date(seconds * 1000).toISOString().slice(0, 10));
        expect(sig.signature).toBe(sig.expected);
      }),
      { numRuns: 25 },
    );
  });

  it("an error answer (Response.Error) rejects with Tencent's code, never the phone, the code or the key", async () => {
    const server = await serve((_req, res) =>
      json(res, 200, { Response: { Error: { Code: 'AuthFailure.SignatureFailure', Message: 'The provided credentials could not be validated.' }, RequestId: 'r-1' } }),
    );
    const message = await rejection(new TencentSmsSender(smsConfig(server), () => NOW).sendVerificationCode(PHONE, CODE, 5));
    expect(message).toContain('AuthFailure.SignatureFailure');
    expect(message).not.toContain(PHONE);
    expect(message).not.toContain(CODE);
    expect(message).not.toContain('testSecretKey');
  });

  it('a send status other than Ok rejects with its code; Tencent’s message, which names the number, is not repeated', async () => {
    const server = await serve((req, res) =>
      json(res, 200, {
        Response: {
          SendStatusSet: [
            {
              SerialNo: '',
              PhoneNumber: JSON.parse(req.body).PhoneNumberSet[0],
              Fee: 0,
              Code: 'LimitExceeded.PhoneNumberDailyLimit',
              Message: `the number +86${PHONE} has reached the daily limit (code ${CODE})`,
            },
          ],
          RequestId: 'r-2',
        },
      }),
    );
    const message = await rejection(new TencentSmsSender(smsConfig(server), () => NOW).sendVerificationCode(PHONE, CODE, 5));
    expect(message).toContain('LimitExceeded.PhoneNumberDailyLimit');
    expect(message).not.toContain(PHONE);
    expect(message).not.toContain(CODE);
    expect(containsUnmaskedIdOrPhone(message)).toEqual([]);
  });

  it('an empty send status set rejects', async () => {
    const server = await serve((_req, res) => json(res, 200, { Response: { SendStatusSet: [], RequestId: 'r-3' } }));
    expect(await rejection(new TencentSmsSender(smsConfig(server), () => NOW).sendVerificationCode(PHONE, CODE, 5))).toMatch(/SMS not sent/);
  });

  it('an answer that is not JSON rejects without the phone or the code', async () => {
    const server = await serve((_req, res) => {
      res.writeHead(502, { 'content-type': 'text/html' });
      res.end('<html>Bad Gateway</html>');
    });
    const message = await rejection(new TencentSmsSender(smsConfig(server), () => NOW).sendVerificationCode(PHONE, CODE, 5));
    expect(message).toContain('502');
    expect(message).not.toContain(PHONE);
    expect(message).not.toContain(CODE);
  });

  it('a server that never answers makes it reject within its timeout, which fits in the function’s 20 s', async () => {
    const server = await serve(() => {
      /* never answers */
    });
    // The adapter's own timeout, shortened so the test does not wait for it.
    const asked: number[] = [];
    const original = http.request;
    jest.spyOn(http, 'request').mockImplementation(((url: URL, options: http.RequestOptions, callback?: (res: IncomingMessage) => void) => {
      asked.push(Number(options.timeout));
      return original(url, { ...options, timeout: 150 }, callback);
    }) as typeof http.request);
    const started = Date.now();
    const message = await rejection(new TencentSmsSender(smsConfig(server), () => NOW).sendVerificationCode(PHONE, CODE, 5));
    expect(asked).toHaveLength(1);
    expect(asked[0]).toBeGreaterThan(0);
    expect(asked[0]).toBeLessThan(20_000);
    expect(message).toMatch(/did not answer/);
    expect(message).not.toContain(PHONE);
    expect(Date.now() - started).toBeLessThan(3000);
    expect(server.requests).toHaveLength(1);
  });
});

// ---------------------------------------------------------------------------------------------

const APPID = 'wx0123456789abcdef';
/** Characters that must be URL-encoded in the query. */
const SECRET = 's3cr3t&grant_type=x+y/z=';

interface FakeWeChat {
  server: FakeServer;
  tokenRequests: () => Received[];
  getinfoRequests: () => Received[];
  /** Tokens getinfo accepts. */
  valid: Set<string>;
  results: Map<string, Partial<FaceIdentifyInfo>>;
  tokenAnswer?: (n: number) => unknown;
  expiresIn: number;
}

async function fakeWeChat(): Promise<FakeWeChat> {
  let issued = 0;
  // The handler reads `fake`, which exists before the first request arrives.
  const server = await serve((req, res) => {
    if (req.method === 'GET' && req.url.pathname === '/cgi-bin/token') {
      const q = req.url.searchParams;
      if (q.get('grant_type') !== 'client_credential' || q.get('appid') !== APPID) return json(res, 200, { errcode: 40013, errmsg: 'invalid appid' });
      if (q.get('secret') !== SECRET) return json(res, 200, { errcode: 40125, errmsg: 'invalid appsecret' });
      issued += 1;
      if (fake.tokenAnswer) return json(res, 200, fake.tokenAnswer(issued));
      const token = `ACCESS_TOKEN_${issued}`;
      fake.valid.add(token);
      return json(res, 200, { access_token: token, expires_in: fake.expiresIn });
    }
    if (req.method === 'POST' && req.url.pathname === '/cityservice/face/identify/getinfo') {
      if (!fake.valid.has(req.url.searchParams.get('access_token') ?? '')) {
        return json(res, 200, { errcode: 40001, errmsg: 'invalid credential, access_token is invalid or not latest' });
      }
      const result = fake.results.get(JSON.parse(req.body).verify_result);
      return json(res, 200, result ?? { errcode: 84001, errmsg: 'invalid verify_result' });
    }
    json(res, 404, { errcode: 404, errmsg: 'not found' });
  });
  const fake: FakeWeChat = {
    server,
    tokenRequests: () => server.requests.filter((r) => r.url.pathname === '/cgi-bin/token'),
    getinfoRequests: () => server.requests.filter((r) => r.url.pathname === '/cityservice/face/identify/getinfo'),
    valid: new Set(),
    results: new Map(),
    expiresIn: 7200,
  };
  return fake;
}

const T0 = Date.parse('2026-11-23T02:00:00Z');
const FULL: FaceIdentifyInfo = {
  errcode: 0,
  errmsg: 'ok',
  identify_ret: 0,
  openid: 'oCitizen123',
  finish_time: T0 / 1000 - 20,
  id_card_number_md5: 'E10ADC3949BA59ABBE56E057F20F883E',
  name_utf8_md5: '5d41402abc4b2a76b9719d911017c592',
};
const EXPECT = { openid: 'oCitizen123', idNumberMd5: 'e10adc3949ba59abbe56e057f20f883e', nameMd5: '5d41402abc4b2a76b9719d911017c592' };

describe('WeChatAccessToken and WeChatFaceVerifier', () => {
  it('asks getinfo with the access token and the verify_result, and maps its fields', async () => {
    const wx = await fakeWeChat();
    wx.results.set('vr-1', FULL);
    const face = new WeChatFaceVerifier(new WeChatAccessToken(APPID, SECRET, wx.server.base, () => T0), wx.server.base);
    const info = await face.identifyInfo('vr-1');
    expect(info).toEqual(FULL);
    expect(judgeFaceResult(info, EXPECT, new Date(T0))).toEqual({ ok: true });

    const [tokenReq] = wx.tokenRequests();
    expect(tokenReq.method).toBe('GET');
    expect(Object.fromEntries(tokenReq.url.searchParams)).toEqual({ grant_type: 'client_credential', appid: APPID, secret: SECRET });
    const [getinfo] = wx.getinfoRequests();
    expect(getinfo.url.searchParams.get('access_token')).toBe('ACCESS_TOKEN_1');
    expect(JSON.parse(getinfo.body)).toEqual({ verify_result: 'vr-1' });
    expect(getinfo.headers['content-type']).toMatch(/^application\/json/);
  });

  it('caches the token until five minutes before it expires, then fetches a new one', async () => {
    const wx = await fakeWeChat();
    wx.results.set('vr-1', FULL);
    let now = T0;
    const token = new WeChatAccessToken(APPID, SECRET, wx.server.base, () => now);
    const face = new WeChatFaceVerifier(token, wx.server.base);
    await face.identifyInfo('vr-1');
    await face.identifyInfo('vr-1');
    now = T0 + (7200 - 300) * 1000 - 1;
    await face.identifyInfo('vr-1');
    expect(wx.tokenRequests()).toHaveLength(1);

    now = T0 + (7200 - 300) * 1000;
    await face.identifyInfo('vr-1');
    expect(wx.tokenRequests()).toHaveLength(2);
    expect(wx.getinfoRequests().map((r) => r.url.searchParams.get('access_token'))).toEqual(['ACCESS_TOKEN_1', 'ACCESS_TOKEN_1', 'ACCESS_TOKEN_1', 'ACCESS_TOKEN_2']);
  });

  it('a short-lived token is still cached for a minute (no request storm)', async () => {
    const wx = await fakeWeChat();
    wx.expiresIn = 200;
    let now = T0;
    const token = new WeChatAccessToken(APPID, SECRET, wx.server.base, () => now);
    expect(await token.get()).toBe('ACCESS_TOKEN_1');
    now = T0 + 59_999;
    expect(await token.get()).toBe('ACCESS_TOKEN_1');
    now = T0 + 60_000;
    expect(await token.get()).toBe('ACCESS_TOKEN_2');
  });

  it.each([
    ['a wrong appid', 'wx-wrong', SECRET, '40013'],
    ['a wrong secret', APPID, 'wrong-secret-value', '40125'],
  ])('%s is refused clearly, without the secret in the message, and nothing is asked of getinfo', async (_what, appid, secret, errcode) => {
    const wx = await fakeWeChat();
    const token = new WeChatAccessToken(appid, secret, wx.server.base, () => T0);
    const message = await rejection(token.get());
    expect(message).toContain(errcode);
    expect(message).toMatch(/token/i);
    expect(message).not.toContain(secret);
    expect(message).not.toContain(encodeURIComponent(secret));
    const face = new WeChatFaceVerifier(token, wx.server.base);
    expect(await rejection(face.identifyInfo('vr-1'))).toContain(errcode);
    expect(wx.getinfoRequests()).toHaveLength(0);
  });

  it('a token answer without a token, or not JSON, rejects without the secret', async () => {
    const wx = await fakeWeChat();
    wx.tokenAnswer = () => ({ expires_in: 7200 });
    expect(await rejection(new WeChatAccessToken(APPID, SECRET, wx.server.base, () => T0).get())).not.toContain(SECRET);
    const broken = await serve((_req, res) => {
      res.writeHead(500);
      res.end('oops');
    });
    const message = await rejection(new WeChatAccessToken(APPID, SECRET, broken.base, () => T0).get());
    expect(message).toContain('500');
    expect(message).not.toContain(encodeURIComponent(SECRET));
    expect(message).not.toContain('s3cr3t');
  });

  const without = (field: keyof FaceIdentifyInfo) => {
    const copy: Partial<FaceIdentifyInfo> = { ...FULL };
    delete copy[field];
    return copy;
  };
  it.each([
    ['nothing at all', 'service', {}],
    ['no errcode', 'service', without('errcode')],
    ['no identify_ret', 'mismatch', without('identify_ret')],
    ['no openid', 'not-this-person', without('openid')],
    ['no ID number md5', 'not-this-person', without('id_card_number_md5')],
    ['no name md5', 'not-this-person', without('name_utf8_md5')],
    ['no finish_time', 'stale', without('finish_time')],
  ])('an answer with %s is mapped so that the judgement fails closed (%s)', async (_what, reason, answer) => {
    const wx = await fakeWeChat();
    wx.results.set('vr-1', answer as Partial<FaceIdentifyInfo>);
    const face = new WeChatFaceVerifier(new WeChatAccessToken(APPID, SECRET, wx.server.base, () => T0), wx.server.base);
    const info = await face.identifyInfo('vr-1');
    expect(typeof info.errcode).toBe('number');
    expect(typeof info.openid).toBe('string');
    expect(judgeFaceResult(info, EXPECT, new Date(T0))).toEqual({ ok: false, reason });
  });

  it('an unknown verify_result comes back as WeChat’s errcode, judged a service failure', async () => {
    const wx = await fakeWeChat();
    const face = new WeChatFaceVerifier(new WeChatAccessToken(APPID, SECRET, wx.server.base, () => T0), wx.server.base);
    const info = await face.identifyInfo('forged');
    expect(info).toMatchObject({ errcode: 84001, identify_ret: -1, openid: '' });
    expect(judgeFaceResult(info, EXPECT, new Date(T0))).toEqual({ ok: false, reason: 'service' });
  });

  it('a token another instance replaced (errcode 40001) is fetched anew once and the question asked again', async () => {
    const wx = await fakeWeChat();
    wx.results.set('vr-1', FULL);
    const face = new WeChatFaceVerifier(new WeChatAccessToken(APPID, SECRET, wx.server.base, () => T0), wx.server.base);
    expect((await face.identifyInfo('vr-1')).errcode).toBe(0);
    // Another warm instance fetched a token: WeChat retires this one (after its 5-minute overlap).
    wx.valid.clear();
    const info = await face.identifyInfo('vr-1');
    expect(info).toEqual(FULL);
    expect(wx.getinfoRequests().map((r) => r.url.searchParams.get('access_token'))).toEqual(['ACCESS_TOKEN_1', 'ACCESS_TOKEN_1', 'ACCESS_TOKEN_2']);

    // Only once: a token refused again is WeChat's answer, not a loop.
    wx.tokenAnswer = (n) => ({ access_token: `NEVER_VALID_${n}`, expires_in: 7200 });
    wx.valid.clear();
    const refused = await face.identifyInfo('vr-1');
    expect(refused.errcode).toBe(40001);
    expect(judgeFaceResult(refused, EXPECT, new Date(T0))).toEqual({ ok: false, reason: 'service' });
    expect(wx.tokenRequests()).toHaveLength(3);
  });
});

// ---------------------------------------------------------------------------------------------

describe('the local cloud’s stand-ins', () => {
  async function localCloud() {
    const log: string[] = [];
    const services = createLocalServices((line) => log.push(line));
    const weChatApi = createLocalWeChatApi({ faceResult: services.takeFaceResult, credentials: () => ({ appid: APPID, secret: SECRET }) });
    const server = http.createServer((req, res) => {
      const pathname = new URL(req.url ?? '/', 'http://local').pathname;
      void (pathname.startsWith('/wx/') ? weChatApi.handle(req, res, pathname) : services.handle(req, res, pathname));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    servers.push({
      host: '',
      base,
      requests: [],
      close: () =>
        new Promise<void>((resolve) => {
          server.closeAllConnections();
          server.close(() => resolve());
        }),
    });
    return { base, log, outbox: services.outbox };
  }

  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  async function fetchJson(url: string, init: RequestInit = {}): Promise<{ status: number; body: any }> {
    const res = await fetch(url, init);
    return { status: res.status, body: await res.json() };
  }

  it('LocalSmsOutbox hands the text to the outbox; the console shows the code but only a masked number', async () => {
    const local = await localCloud();
    await new LocalSmsOutbox(local.base).sendVerificationCode(PHONE, CODE, 5);
    expect(local.outbox).toHaveLength(1);
    expect(local.outbox[0]).toMatchObject({ to: PHONE, code: CODE });
    expect(local.outbox[0].text).toContain(CODE);
    expect(local.outbox[0].text).toContain('5分钟');
    expect(local.log).toHaveLength(1);
    expect(local.log[0]).toContain(CODE);
    expect(local.log[0]).toContain('139****5678');
    expect(containsUnmaskedIdOrPhone(local.log.join('\n'))).toEqual([]);

    const listed = await fetchJson(`${local.base}/local/sms`);
    expect(listed.body.messages).toEqual([expect.objectContaining({ to: '139****5678', code: CODE })]);
    expect(containsUnmaskedIdOrPhone(JSON.stringify(listed.body))).toEqual([]);
  });

  const ID = '11010519491231002X';
  const NAME = '张三';
  const md5 = (s: string) => createHash('md5').update(s, 'utf8').digest('hex');
  const startFace = (base: string, openid: string | undefined, outcome: 'pass' | 'fail') =>
    fetchJson(`${base}/local/face/verify`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(openid ? { 'x-local-openid': openid } : {}) },
      body: JSON.stringify({ name: NAME, idNumber: ID.toLowerCase(), outcome }),
    });

  /** The production adapter, pointed at the local cloud's stand-in of WeChat's API as the functions are. */
  const localFace = (base: string, secret = SECRET) => WeChatFaceVerifier.of(APPID, secret, `${base}/wx`);

  it('the production face verifier, locally: the stand-in issues a verify_result that getinfo answers once, like WeChat', async () => {
    const local = await localCloud();
    const started = await startFace(local.base, 'o-local-citizen', 'pass');
    expect(started.status).toBe(200);
    const verifyResult: string = started.body.verifyResult;
    expect(verifyResult.length).toBeGreaterThanOrEqual(8);

    const face = localFace(local.base);
    const info = await face.identifyInfo(verifyResult);
    expect(info).toMatchObject({ errcode: 0, identify_ret: 0, openid: 'o-local-citizen', id_card_number_md5: md5(ID), name_utf8_md5: md5(NAME) });
    expect(judgeFaceResult(info, { openid: 'o-local-citizen', idNumberMd5: md5(ID), nameMd5: md5(NAME) }, new Date())).toEqual({ ok: true });

    const again = await face.identifyInfo(verifyResult);
    expect(again.errcode).not.toBe(0);
    expect(judgeFaceResult(again, { openid: 'o-local-citizen', idNumberMd5: md5(ID), nameMd5: md5(NAME) }, new Date())).toEqual({ ok: false, reason: 'service' });
  });

  it('the production face verifier, locally: a chosen failure (identify_ret) is a mismatch; an unknown result or a missing persona is refused', async () => {
    const local = await localCloud();
    const failed = await startFace(local.base, 'o-local-citizen', 'fail');
    const info = await localFace(local.base).identifyInfo(failed.body.verifyResult);
    expect(info).toMatchObject({ errcode: 0, identify_ret: 10001 });
    expect(judgeFaceResult(info, { openid: 'o-local-citizen', idNumberMd5: md5(ID), nameMd5: md5(NAME) }, new Date())).toEqual({ ok: false, reason: 'mismatch' });
    expect((await localFace(local.base).identifyInfo('never-issued-result')).errcode).toBe(84001);
    expect((await startFace(local.base, undefined, 'pass')).status).toBe(400);
  });

  it('the local WeChat API checks credentials and tokens as WeChat does', async () => {
    const local = await localCloud();
    const passed = await startFace(local.base, 'o-local-citizen', 'pass');
    // A wrong AppSecret is refused with WeChat's errcode, and nothing reaches getinfo.
    const message = await rejection(localFace(local.base, 'wrong-secret').identifyInfo(passed.body.verifyResult));
    expect(message).toContain('40125');
    expect(message).not.toContain('wrong-secret');
    // A token it did not issue is refused (40001); the verify_result is still unused.
    const forged = await fetchJson(`${local.base}/wx/cityservice/face/identify/getinfo?access_token=forged`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ verify_result: passed.body.verifyResult }),
    });
    expect(forged.body.errcode).toBe(40001);
    expect((await localFace(local.base).identifyInfo(passed.body.verifyResult)).identify_ret).toBe(0);
  });
});
