import http from 'node:http';

/**
 * The burst's load generator: a JSON POST over node:http with kept-alive sockets. It stands in for
 * thousands of phones, whose CPU is not the service's; `fetch` (undici, with web streams) spent
 * about an eighth of the burst's measured CPU on the client side alone (a CPU profile of the burst,
 * `HUKOU_BENCH_PROFILE=burst npm run bench`), which this plain client mostly saves.
 */
export function jsonPoster(
  baseUrl: string,
  sockets: number,
): { post(path: string, headers: Record<string, string>, body: unknown): Promise<{ status: number; body: unknown }>; close(): void } {
  const agent = new http.Agent({ keepAlive: true, maxSockets: sockets });
  const base = new URL(baseUrl);
  return {
    post(path, headers, body) {
      const payload = Buffer.from(JSON.stringify(body));
      return new Promise((resolve, reject) => {
        const req = http.request(
          { agent, host: base.hostname, port: base.port, path, method: 'POST', headers: { ...headers, 'content-type': 'application/json', 'content-length': payload.length } },
          (res) => {
            const chunks: Buffer[] = [];
            res.on('data', (c: Buffer) => chunks.push(c));
            res.on('error', reject);
            res.on('end', () => {
              try {
                resolve({ status: res.statusCode ?? 0, body: JSON.parse(Buffer.concat(chunks).toString('utf8')) as unknown });
              } catch (e) {
                reject(e instanceof Error ? e : new Error(String(e)));
              }
            });
          },
        );
        req.on('error', reject);
        req.end(payload);
      });
    },
    close: () => agent.destroy(),
  };
}
