import { payNotifyEnvironment, type PayNotifyVariable } from '../../config/payNotifyEnvironment';
import { settlePaymentNotice, type NoticeOutcome } from '../../core/reissue/paymentNotice';
import { describeProblems, loadEnvironment, type Environment, type EnvironmentResult } from '../config/loadEnvironment';
import { systemClock } from '../clock';
import { createMain } from '../function/createMain';
import { emptyResponse, httpRequestOf, jsonResponse, type IntegratedResponse } from '../function/httpAccess';
import { describeFailure, writeLog, type LogLine } from '../log/logLine';
import type { PayNotifyPorts } from './payNotifyAdapters';
import { readNotification } from './wechatPayNotification';

const FN = 'payNotify';

function contextRequestId(context: unknown): string | undefined {
  const id = context && typeof context === 'object' ? (context as { request_id?: unknown }).request_id : undefined;
  return typeof id === 'string' && /^[A-Za-z0-9_-]{1,64}$/.test(id) ? id : undefined;
}

const failure = (status: number, code: string, message: string) => jsonResponse(status, { code, message });

/**
 * The payNotify function's `main`. An HTTP access request (WeChat Pay's notification) is verified,
 * decrypted and settled; the answer is an integrated response: 204 when taken (settled, a repeat,
 * or nothing to do), 4xx/5xx with WeChat Pay's `{ code, message }` otherwise, so WeChat Pay sends it
 * again when it may succeed later. Any other event is the ordinary envelope of createMain, which
 * answers only `health` (ops check the function like every other).
 *
 * Logs: one allowlisted line per notification — outcome, WeChat-style code, a reason naming no
 * order, no payer and no key; never the body.
 */
export function createPayNotifyMain(makePorts: (env: Environment<PayNotifyVariable>) => PayNotifyPorts, now: () => number = () => systemClock.now().getTime()) {
  const envelopeMain = createMain<Record<string, never>, PayNotifyVariable>(FN, {}, () => ({}), { env: payNotifyEnvironment, healthCollection: 'reissue_applications' });
  let environment: EnvironmentResult<PayNotifyVariable> | undefined;
  let ports: PayNotifyPorts | undefined;

  async function notify(event: unknown, context: unknown): Promise<IntegratedResponse> {
    const started = Date.now();
    const log = (entry: Omit<LogLine, 'fn' | 'action' | 'requestId' | 'durationMs'>) =>
      writeLog({ fn: FN, action: 'notify', requestId: contextRequestId(context), durationMs: Date.now() - started, ...entry });
    const request = httpRequestOf(event)!;
    environment ??= loadEnvironment(payNotifyEnvironment);
    if (!environment.ok) {
      log({ outcome: 'failed', errorCode: 'SERVICE_MISCONFIGURED', error: describeProblems(environment.problems) });
      return failure(500, 'SYSTEM_ERROR', '服务配置有误');
    }
    try {
      ports ??= makePorts(environment.env);
    } catch (e) {
      log({ outcome: 'failed', errorCode: 'SERVICE_MISCONFIGURED', error: describeFailure(e) });
      return failure(500, 'SYSTEM_ERROR', '服务配置有误');
    }
    const read = readNotification(request, ports.keys, Math.floor(now() / 1000));
    if (!read.ok) {
      const { status, code, message, reason } = read.refusal;
      log({ outcome: 'rejected', errorCode: code, error: reason });
      return failure(status, code, message);
    }
    if (!read.notice) {
      log({ outcome: 'ok', error: `not acted on: ${read.event || 'no event type'}` });
      return emptyResponse(204);
    }
    let outcome: NoticeOutcome;
    try {
      outcome = await settlePaymentNotice(ports.deps, read.notice);
    } catch (e) {
      // The database or WeChat Pay could not be reached, or the application is busy: WeChat Pay sends it again.
      log({ outcome: 'failed', errorCode: 'SYSTEM_ERROR', error: describeFailure(e) });
      return failure(500, 'SYSTEM_ERROR', '处理失败，请稍后重试');
    }
    if (outcome === 'unknownOrder') {
      log({ outcome: 'rejected', errorCode: 'ORDER_NOT_FOUND', error: `${read.notice.kind} notification for no application` });
      return failure(404, 'ORDER_NOT_FOUND', '订单不存在');
    }
    // Stray: money WeChat Pay reports that no application is waiting for. Taken (sending it again
    // changes nothing), and logged for an officer.
    log({
      outcome: 'ok',
      ...(outcome === 'stray' ? { errorCode: 'STRAY_PAYMENT', error: `${read.notice.kind} notification for an order or refund the application does not hold` } : {}),
    });
    return emptyResponse(204);
  }

  return async function main(event: unknown, context: unknown): Promise<unknown> {
    if (httpRequestOf(event)) return notify(event, context);
    return envelopeMain(event, context);
  };
}
