import type { AssistedDeps } from '../../core/assisted/AssistedDeps';
import type { AssistedVariable } from '../../config/assistedEnvironment';
import type { Environment } from '../config/loadEnvironment';
import { bookingAdapters } from '../booking/bookingAdapters';
import { cloudbase, database } from '../cloudbase/app';
import { CloudCallAssistedNotifier } from '../wechat/CloudCallAssistedNotifier';
import { keysFromEnvironment } from '../crypto/keysFromEnvironment';
import { CloudbaseIdentityStore } from '../identity/CloudbaseIdentityStore';
import { createSecrets } from '../identity/secrets';
import { registryFromEnvironment } from '../registry/registryFromEnvironment';
import { smsSender } from '../sms/smsSender';
import { CloudbaseAssistedSessionStore } from './CloudbaseAssistedSessionStore';
import { CloudbaseReissueStore } from '../reissue/CloudbaseReissueStore';
import { chinaAddressDivisions } from '../reissue/chinaAddressDivisions';
import { FIELD } from '../../core/identity/fieldNames';

export type AssistedAdapters = Omit<AssistedDeps, 'caller'>;

/** The assisted function's ports, built once per warm instance: the booking function's, and the sessions, registry and SMS, and the reissue applications a session may start. */
export function assistedAdapters(env: Environment<AssistedVariable>): AssistedAdapters {
  const db = database();
  const { cipher, blindIndex } = keysFromEnvironment(env);
  return {
    ...bookingAdapters(env),
    assisted: {
      sessions: new CloudbaseAssistedSessionStore(db),
      registry: registryFromEnvironment(env),
      sms: smsSender(env),
      // 云调用, with the progress template (as consultations and home visits).
      notifier: new CloudCallAssistedNotifier(cloudbase(), env.HUKOU_PROGRESS_TEMPLATE_ID),
      identities: new CloudbaseIdentityStore(db),
      secrets: createSecrets(cipher, blindIndex),
      // A reissue started in a session: the reissue function's applications, the delivery address's divisions.
      reissue: { store: new CloudbaseReissueStore(db, (plain) => cipher.encrypt(plain, FIELD.address)), divisions: chinaAddressDivisions },
    },
  };
}
