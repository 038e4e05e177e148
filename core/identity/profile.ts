import { maskIdNumber, maskName, maskPhone } from '../privacy/mask';
import type { VerifiedIdentity } from './Account';
import type { DivisionDirectory } from './idNumber';
import { FIELD } from './fieldNames';
import type { Secrets } from './ports';
import type { ProfileView } from './views';

/** The masked profile of a verified identity. */
export function profileOf(identity: VerifiedIdentity, secrets: Secrets, divisions: DivisionDirectory): ProfileView {
  const idNumber = secrets.decrypt(identity.idNumberEnc, FIELD.idNumber);
  return {
    nameMasked: maskName(secrets.decrypt(identity.nameEnc, FIELD.name)),
    idNumberMasked: maskIdNumber(idNumber),
    phoneMasked: maskPhone(secrets.decrypt(identity.phoneEnc, FIELD.phone)),
    region: divisions.describe?.(idNumber.slice(0, 6)),
    verifiedAt: identity.verifiedAt.toISOString(),
  };
}
