import { getJson } from '../http/httpClient';

/**
 * WeChat server API access token (`GET /cgi-bin/token`), cached until five minutes before it
 * expires. One per warm instance. Each fetch makes WeChat retire the previous token after a
 * five-minute overlap, so another instance's fetch can retire ours early: callers that get
 * WeChat's "invalid token" answer call `invalidate` and ask again (see WeChatFaceVerifier).
 */
export class WeChatAccessToken {
  private cached?: { token: string; expiresAt: number };

  constructor(
    private readonly appid: string,
    private readonly secret: string,
    private readonly base = 'https://api.weixin.qq.com',
    private readonly now: () => number = Date.now,
  ) {}

  async get(): Promise<string> {
    if (this.cached && this.cached.expiresAt > this.now()) return this.cached.token;
    const url = `${this.base}/cgi-bin/token?grant_type=client_credential&appid=${encodeURIComponent(this.appid)}&secret=${encodeURIComponent(this.secret)}`;
    const res = await getJson<{ access_token?: string; expires_in?: number; errcode?: number; errmsg?: string }>(url);
    if (!res.access_token) throw new Error(`WeChat token refused: ${res.errcode ?? '?'} ${res.errmsg ?? ''}`.trim());
    this.cached = { token: res.access_token, expiresAt: this.now() + Math.max(60, (res.expires_in ?? 7200) - 300) * 1000 };
    return res.access_token;
  }

  /** Forgets `token` if it is the cached one (WeChat refused it), so the next get() fetches anew. */
  invalidate(token: string): void {
    if (this.cached?.token === token) this.cached = undefined;
  }

  /**
   * Calls a WeChat API with the token; when WeChat answers that the token was retired (another
   * instance fetched a newer one) or expired, fetches anew and calls once more.
   */
  async call<T extends { errcode?: number }>(request: (token: string) => Promise<T>): Promise<T> {
    const token = await this.get();
    const first = await request(token);
    if (typeof first.errcode !== 'number' || !TOKEN_REFUSED.has(first.errcode)) return first;
    this.invalidate(token);
    return request(await this.get());
  }
}

/** WeChat's errcodes for an access token it no longer accepts (retired by a newer fetch, or expired). */
export const TOKEN_REFUSED = new Set([40001, 40014, 42001]);
