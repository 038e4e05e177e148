import type { TempProofDeps } from '../../core/tempProof/TempProofDeps';
import type { Environment } from '../config/loadEnvironment';
import { CloudbaseAuditLog } from '../audit/CloudbaseAuditLog';
import { database } from '../cloudbase/app';
import { systemClock } from '../clock';
import { keysFromEnvironment } from '../crypto/keysFromEnvironment';
import { smsSender } from '../sms/smsSender';
import { WeChatFaceVerifier } from '../wechat/WeChatFaceVerifier';
import { chinaDivisions } from './chinaDivisions';
import { CloudbaseIdentityStore } from './CloudbaseIdentityStore';
import type { IdentityVariable } from '../../config/identityEnvironment';
import { createSecrets } from './secrets';
import { registryFromEnvironment } from '../registry/registryFromEnvironment';
import { tempProofAdapters } from '../tempProof/tempProofAdapters';

export type IdentityAdapters = Omit<TempProofDeps, 'caller'>;

/**
 * The identity function's ports, built once per warm instance. External services are the real
 * ones (Tencent Cloud SMS, WeChat 人脸核身) except inside the local cloud, which plays them; the
 * population registry is always its gateway over HTTP (locally the stand-in devcloud/localRegistry).
 */
export function identityAdapters(env: Environment<IdentityVariable>): IdentityAdapters {
  const db = database();
  const { cipher, blindIndex } = keysFromEnvironment(env);
  const registry = registryFromEnvironment(env);
  return {
    identities: new CloudbaseIdentityStore(db),
    registry,
    ...tempProofAdapters(db, registry, env.HUKOU_TICKET_KEY),
    audit: new CloudbaseAuditLog(db),
    secrets: createSecrets(cipher, blindIndex),
    divisions: chinaDivisions,
    clock: systemClock,
    sms: smsSender(env),
    // The same adapter locally: the local cloud plays WeChat's token and getinfo APIs.
    face: WeChatFaceVerifier.of(env.WX_APPID, env.WX_APPSECRET),
  };
}
