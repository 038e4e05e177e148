import { randomBytes } from 'node:crypto';
import type { BusinessDeps } from '../../core/business/BusinessDeps';
import type { Environment } from '../config/loadEnvironment';
import type { BusinessVariable } from '../../config/businessEnvironment';
import { CloudbaseAuditLog } from '../audit/CloudbaseAuditLog';
import { CloudbaseReferenceNumbers } from '../reference/CloudbaseReferenceNumbers';
import { cloudbase, database } from '../cloudbase/app';
import { systemClock } from '../clock';
import { keysFromEnvironment } from '../crypto/keysFromEnvironment';
import { CloudbaseRequestLog } from '../function/CloudbaseRequestLog';
import { CloudbaseGuideRepository } from '../guide/CloudbaseGuideRepository';
import { CloudbaseIdentityStore } from '../identity/CloudbaseIdentityStore';
import { createSecrets } from '../identity/secrets';
import { registryFromEnvironment } from '../registry/registryFromEnvironment';
import { chineseDaysCalendar } from '../time/chineseDaysCalendar';
import { CloudbaseBusinessStore } from './CloudbaseBusinessStore';
import { CloudbaseMaterialStorage } from './CloudbaseMaterialStorage';
import { CloudCallBusinessNotifier } from '../wechat/CloudCallBusinessNotifier';
import { courierFromEnvironment } from '../courier/courierFromEnvironment';
import { chinaAddressDivisions } from '../reissue/chinaAddressDivisions';
import { getDoc } from '../cloudbase/documents';
import type { Appointment } from '../../core/booking/Appointment';

export type BusinessAdapters = Omit<BusinessDeps, 'caller'>;

/** The business function's ports, built once per warm instance. */
export function businessAdapters(env: Environment<BusinessVariable>): BusinessAdapters {
  const db = database();
  const { cipher, blindIndex } = keysFromEnvironment(env);
  return {
    store: new CloudbaseBusinessStore(db),
    storage: new CloudbaseMaterialStorage(cloudbase()),
    registry: registryFromEnvironment(env),
    identities: new CloudbaseIdentityStore(db),
    guides: new CloudbaseGuideRepository(db),
    calendar: chineseDaysCalendar,
    divisions: chinaAddressDivisions,
    appointments: { appointment: (id) => getDoc<Appointment>(db, 'appointments', id) },
    secrets: createSecrets(cipher, blindIndex),
    references: new CloudbaseReferenceNumbers(db),
    audit: new CloudbaseAuditLog(db),
    notifier: new CloudCallBusinessNotifier(cloudbase(), env.HUKOU_PROGRESS_TEMPLATE_ID),
    // Results sent by mail: the local cloud's stand-in there, Kuaidi100 everywhere else.
    courier: courierFromEnvironment(env),
    clock: systemClock,
    random: (n) => randomBytes(n),
    requests: new CloudbaseRequestLog(db, 'business_requests', () => systemClock.now()),
    // 12 random bytes: 16 characters of base64url, unguessable; seeded: a keyed hash, as unguessable.
    newId: (seed) => (seed ? blindIndex.index('businessApplication', seed).slice(0, 22) : randomBytes(12).toString('base64url')),
  };
}
