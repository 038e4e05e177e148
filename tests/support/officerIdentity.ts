import type { VerifiedIdentity } from '../../core/identity/Account';
import { FIELD } from '../../core/identity/fieldNames';
import type { Secrets } from '../../core/identity/ports';

/**
 * A verified identity for a test officer (officers act only once verified themselves,
 * core/identity/hallAccess.ts): a synthetic person, as a completed verification would store it.
 */
export function officerIdentity(secrets: Pick<Secrets, 'encrypt' | 'index'>, openid: string, at: Date, name = '测试民警'): VerifiedIdentity {
  return {
    residentId: `officer-resident-${openid}`,
    idIndex: secrets.index('idNumber', `officer-id-${openid}`),
    idNumberEnc: secrets.encrypt(`officer-id-${openid}`, FIELD.idNumber),
    nameEnc: secrets.encrypt(name, FIELD.name),
    phoneEnc: secrets.encrypt('13700000000', FIELD.phone),
    phoneIndex: secrets.index('phone', `officer-phone-${openid}`),
    verifiedAt: at,
  };
}
