import { CONSENT_VERSION } from '../../../core/identity/consent';
import { PERSONA_HEADER } from '../../../devcloud/functionGateway';
import type { Harness } from '../../support/localCloudHarness';
import { functionCaller } from './functionCaller';

/** Steps of the verification journey through the local cloud, as the mini-program takes them. */
export function identityFlow(h: Harness) {
  const { call, ok, error } = functionCaller(h, 'identity');

  /** The newest code texted to a phone. */
  function lastCode(phone: string): string {
    const message = [...h.cloud.smsOutbox].reverse().find((m) => m.to === phone);
    if (!message) throw new Error('no SMS to that phone');
    return message.code;
  }

  /** Plays wx.startFacialRecognitionVerify through the local cloud's face service. */
  async function face(openid: string, name: string, idNumber: string, outcome: 'pass' | 'fail'): Promise<string> {
    const res = await fetch(`${h.cloud.url}/local/face/verify`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', [PERSONA_HEADER]: openid },
      body: JSON.stringify({ name, idNumber, outcome }),
    });
    return ((await res.json()) as { verifyResult: string }).verifyResult;
  }

  const consentAll = (openid: string) => ok(openid, 'consent', { purposes: ['identity', 'face'], version: CONSENT_VERSION });

  /** consent → details → SMS code → face → registry → bound. */
  async function verify(openid: string, person: { name: string; idNumber: string; phone: string }, faceOutcome: 'pass' | 'fail' = 'pass') {
    await consentAll(openid);
    const started = await ok(openid, 'startVerification', person);
    await ok(openid, 'confirmPhone', { verificationId: started.verificationId, code: lastCode(person.phone) });
    const verifyResult = await face(openid, person.name, person.idNumber, faceOutcome);
    return call(openid, 'confirmFace', { verificationId: started.verificationId, verifyResult });
  }

  return { call, ok, error, lastCode, face, consentAll, verify };
}
