import { createServer, type Server } from 'node:http';
import { keepIdleConnectionsLonger } from './keepAlive';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { collections } from '../config/collections';
import { functions } from '../config/functions';
import { createDatabaseEmulator, type DatabaseEmulator } from './db';
import { DATABASE_ADMIN_PATH, handleDatabaseAdmin } from './databaseAdminHttp';
import { applyDevEnvironment } from './devEnvironment';
import { createFunctionGateway } from './functionGateway';
import { HttpStatus } from './httpStatus';
import { declaredHttpPaths } from './httpAccessEvent';
import { createLocalServices, type Notification, type SmsMessage } from './localServices';
import { createLocalPaymentAndCourier } from './localPaymentAndCourier';
import { createStaticFiles } from './staticFiles';
import { localNow } from './localClock';
import { createLocalWeChatApi } from './localWeChatApi';
import { startTimerRunner } from './timerRunner';
import { createLocalStorage } from './storage/localStorage';
import { createLocalWxOpenApi } from './wxOpenApi';
import { startLocalRegistry, type LocalRegistry } from './registry/localRegistry';
import { standInPerson } from './registry/registryPeople';
import { loadResidents } from './seed/loadResidents';
import { readJson, sendJson } from './localJson';
import { shanghaiDate } from '../core/time/shanghai';

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
  /**
   * Start as a new CloudBase environment does: no collection at all (any read or write fails with
   * DATABASE_COLLECTION_NOT_EXIST) until the ops bootstrap creates them through `database.admin`
   * (scripts/db/emulatorAdmin.ts). Otherwise the declared collections and indexes exist from the start.
   */
  empty?: boolean;
}

export interface LocalCloud {
  url: string;
  database: DatabaseEmulator;
  /** Texts the functions sent through the local SMS stand-in (newest last). */
  smsOutbox: SmsMessage[];
  /** Subscribe messages (reminders) the functions sent through 云调用. */
  notifications: Notification[];
  /** From now on this person's subscribe messages are refused with WeChat's 43101. */
  declineReminders(openid: string): void;
  /** The population registry's gateway, played by its own HTTP listener (docs/REGISTRY.md). */
  registry: LocalRegistry;
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
  // The functions' adapters reach the local stand-ins (SMS, payment, courier: server/local/; WeChat's
  // token and face APIs at /wx) here, and the local clock offset applies only under it. Their cloud
  // calls (subscribe messages) go through the SDK to /admin like their database requests.
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
 * the database emulator the SDK talks to (`/admin`), and the H5 build (`/`); beside it, on its own
 * port, the population registry's gateway (HUKOU_REGISTRY_URL), which the functions call over HTTP
 * with the adapter production uses.
 */
export async function startLocalCloud(opts: LocalCloudOptions): Promise<LocalCloud> {
  const localServices = createLocalServices(console.log, localNow);
  // The SDK's endpoint answers the database actions and the functions' 云调用 (wx.api).
  const cloudCall = createLocalWxOpenApi({
    permitted: new Set(functions.flatMap((f) => f.openapi ?? [])),
    apis: { 'subscribeMessage.send': localServices.subscribeSend },
  });
  // Known once the server listens; the local WeChat Pay notifies there and storage URLs point there.
  let listeningAt: string | undefined = undefined;
  // Cloud storage (materials, issue 15) beside the database's files, or in memory for a throwaway cloud.
  const storage = createLocalStorage({
    envId: process.env.TCB_ENV || 'hukou-local',
    dir: opts.dataDir && path.join(opts.dataDir, 'storage'),
    baseUrl: () => listeningAt,
    now: localNow,
  });
  const database = await createDatabaseEmulator({
    dataDir: opts.dataDir,
    collections: opts.empty ? [] : collections,
    otherActions: (body) => cloudCall(body) ?? storage.actions(body),
  });
  const gateway = createFunctionGateway({ functionsDir: opts.functionsDir });
  const staticFiles = createStaticFiles(path.resolve(opts.h5Dir));
  const weChatApi = createLocalWeChatApi({ faceResult: localServices.takeFaceResult });
  const paymentAndCourier = createLocalPaymentAndCourier({ now: localNow, deliverAfterMs: opts.courierDeliversAfterMs, cloudUrl: () => listeningAt });
  const httpPaths = declaredHttpPaths();

  const server: Server = createServer((req, res) => {
    const pathname = (req.url ?? '/').split('?')[0];
    if (pathname === '/admin' || pathname.startsWith('/admin/')) return database.handle(req, res);
    if (storage.handle(req, res, pathname)) return;
    const fn = /^\/fn\/([^/]+)$/.exec(pathname);
    if (fn) {
      void gateway.handle(req, res, fn[1]);
      return;
    }
    if (pathname.startsWith('/wx/')) {
      void weChatApi.handle(req, res, pathname).then((mine) => {
        if (!mine) {
          res.writeHead(HttpStatus.notFound, { 'content-type': 'application/json; charset=utf-8' });
          res.end(JSON.stringify({ errcode: 40066, errmsg: 'invalid url' }));
        }
      });
      return;
    }
    if (pathname === DATABASE_ADMIN_PATH) {
      void handleDatabaseAdmin(database.admin, req, res);
      return;
    }
    if (pathname === '/local/registry/seed' && req.method === 'POST') {
      // The registry stand-in's people as of a day (seedLocalCloud: data/residents.json, dates relative to it).
      void readJson(req).then((body) => {
        const today = typeof body.today === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(body.today) ? body.today : shanghaiDate(localNow());
        registry.reseed(loadResidents(undefined, today).map(standInPerson));
        sendJson(res, 200, { ok: true, today });
      });
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
  keepIdleConnectionsLonger(server);

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
  // The registry's gateway on its own port, with the key the functions sign with; they reach it by URL.
  const registry = await startLocalRegistry({
    keys: { [process.env.HUKOU_REGISTRY_KEY_ID ?? '']: Buffer.from(process.env.HUKOU_REGISTRY_SECRET ?? '', 'base64') },
    log: console.log,
  });
  registry.reseed(loadResidents().map(standInPerson));
  process.env.HUKOU_REGISTRY_URL = registry.url;
  const stopTimers = opts.timers
    ? startTimerRunner(gateway, (fn, trigger, result) => {
        const r = result as { ok?: boolean; error?: { code?: string } } | undefined;
        console.log(`[定时触发] ${fn}.${trigger}: ${r?.ok ? 'ok' : (r?.error?.code ?? 'failed')}`);
      })
    : () => {};

  return {
    url,
    database,
    registry,
    smsOutbox: localServices.outbox,
    notifications: localServices.notifications,
    declineReminders: localServices.declineReminders,
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
      await registry.close();
      await database.close();
    },
  };
}
