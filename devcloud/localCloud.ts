import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { collections } from '../config/collections';
import { createDatabaseEmulator, type DatabaseEmulator } from './db';
import { applyDevEnvironment } from './devEnvironment';
import { createFunctionGateway } from './functionGateway';
import { HttpStatus } from './httpStatus';
import { declaredHttpPaths } from './httpAccessEvent';
import { createLocalServices, type Notification, type SmsMessage } from './localServices';
import { createLocalPaymentAndCourier } from './localPaymentAndCourier';
import { createStaticFiles } from './staticFiles';
import { localNow } from './localClock';
import { startTimerRunner } from './timerRunner';

export interface LocalCloudOptions {
  /** 0 picks a free port. */
  port: number;
  host?: string;
  /** Where the database lives; undefined keeps it in memory (tests). */
  dataDir?: string;
  functionsDir: string;
  h5Dir: string;
  /** Run the declared timer triggers on their schedule (npm start); tests fire them with fireTimer. */
  timers?: boolean;
  /**
   * The courier stand-in delivers a shipment by itself once this long has passed on the local clock
   * since it was picked up (npm start: a few hours); unset, only /local/courier/advance delivers.
   */
  courierDeliversAfterMs?: number;
}

export interface LocalCloud {
  url: string;
  database: DatabaseEmulator;
  /** Texts the functions sent through the local SMS stand-in (newest last). */
  smsOutbox: SmsMessage[];
  /** Reminders the functions sent through the local notifier. */
  notifications: Notification[];
  /**
   * The local WeChat Pay: how many times functions asked for an order (queries), the notifications
   * it sent and what they were answered, and whether it sends them (off: they are lost).
   */
  payment: { stats: { queries: number }; notifier: { sent: { event: string; orderId: string; status: number }[]; enabled: boolean } };
  /** Fires a function's timer trigger as the platform does (event and context of a timer). */
  fireTimer(fn: string, trigger: string, at?: Date): Promise<unknown>;
  close(): Promise<void>;
}

/** The environment a bundled function's SDK reads to reach this process's database emulator. */
export function pointSdkAt(url: string): void {
  process.env.TCB_CONTEXT_CNFG = JSON.stringify({ URL: `${url}/admin` });
  process.env.TCB_ENV = process.env.TCB_ENV || 'hukou-local';
  // The functions' adapters reach the local stand-ins (SMS, face verification, payment, courier,
  // notifier: server/local/) here, and the local clock offset applies only under it.
  process.env.HUKOU_LOCAL_CLOUD_URL = url;
  // Off Tencent Cloud the SDK probes a metadata host before every request: tell it not to.
  process.env.TENCENTCLOUD = 'true';
  // The SDK signs requests and fails a query without credentials; the emulator ignores them.
  process.env.TENCENTCLOUD_SECRETID = process.env.TENCENTCLOUD_SECRETID || 'local-secret-id';
  process.env.TENCENTCLOUD_SECRETKEY = process.env.TENCENTCLOUD_SECRETKEY || 'local-secret-key';
}

/**
 * One process that plays CloudBase on this machine: the function gateway (`POST /fn/<name>`, and
 * the HTTP access paths declared in config/functions.ts, e.g. /wxpay/notify),
 * the database emulator the SDK talks to (`/admin`), and the H5 build (`/`).
 */
export async function startLocalCloud(opts: LocalCloudOptions): Promise<LocalCloud> {
  const database = await createDatabaseEmulator({ dataDir: opts.dataDir, collections });
  const gateway = createFunctionGateway({ functionsDir: opts.functionsDir });
  const staticFiles = createStaticFiles(path.resolve(opts.h5Dir));
  const localServices = createLocalServices(console.log, localNow);
  // Known once the server listens; the local WeChat Pay notifies there.
  let listeningAt: string | undefined = undefined;
  const paymentAndCourier = createLocalPaymentAndCourier({ now: localNow, deliverAfterMs: opts.courierDeliversAfterMs, cloudUrl: () => listeningAt });
  const httpPaths = declaredHttpPaths();

  const server: Server = createServer((req, res) => {
    const pathname = (req.url ?? '/').split('?')[0];
    if (pathname === '/admin' || pathname.startsWith('/admin/')) return database.handle(req, res);
    const fn = /^\/fn\/([^/]+)$/.exec(pathname);
    if (fn) {
      void gateway.handle(req, res, fn[1]);
      return;
    }
    const httpAccess = httpPaths.get(pathname);
    if (httpAccess) {
      void gateway.handleHttpAccess(req, res, httpAccess);
      return;
    }
    if (pathname.startsWith('/local/')) {
      void paymentAndCourier.handle(req, res, pathname).then((mine) => (mine ? undefined : localServices.handle(req, res, pathname)));
      return;
    }
    if (pathname === '/healthz') {
      res.writeHead(200, { 'content-type': 'text/plain' });
      res.end('ok');
      return;
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(HttpStatus.wrongMethod, { allow: 'GET, HEAD' });
      res.end();
      return;
    }
    staticFiles(req, res);
  });
  server.keepAliveTimeout = 5_000;

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port, opts.host ?? '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const url = `http://${opts.host ?? '127.0.0.1'}:${port}`;
  listeningAt = url;
  pointSdkAt(url);
  // The functions' keys and WeChat credentials: insecure fixed values unless already set.
  applyDevEnvironment();
  const stopTimers = opts.timers
    ? startTimerRunner(gateway, (fn, trigger, result) => {
        const r = result as { ok?: boolean; error?: { code?: string } } | undefined;
        console.log(`[定时触发] ${fn}.${trigger}: ${r?.ok ? 'ok' : (r?.error?.code ?? 'failed')}`);
      })
    : () => {};

  return {
    url,
    database,
    smsOutbox: localServices.outbox,
    notifications: localServices.notifications,
    payment: paymentAndCourier.payment,
    fireTimer: (fn, trigger, at) => gateway.fireTimer(fn, trigger, at),
    async close() {
      stopTimers();
      // Notifications under way first: each runs a function that needs the database.
      await paymentAndCourier.payment.notifier.idle();
      // Functions still at work finish first: they need the database this server answers for.
      await gateway.idle();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await database.close();
    },
  };
}
