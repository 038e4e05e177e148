import { FIELD } from '../../core/identity/fieldNames';
import type { Secrets } from '../../core/identity/ports';
import type { Resident } from '../../core/identity/Resident';
import type { Database } from '../../server/cloudbase/app';
import { putDoc } from '../../server/cloudbase/documents';
import type { SyntheticResident } from './loadResidents';

/**
 * The local stand-in of the population registry: the synthetic residents, encrypted, with blind
 * indexes, as the registry adapter reads them. Idempotent (stable ids). Never in production,
 * where the registry is the bureau's own system.
 */
export async function importResidents(db: Database, secrets: Secrets, residents: readonly SyntheticResident[]): Promise<void> {
  for (const r of residents) {
    const resident: Resident = {
      _id: r._id,
      idIndex: secrets.index('idNumber', r.parsed.number),
      idNumberEnc: secrets.encrypt(r.parsed.number, FIELD.idNumber),
      nameEnc: secrets.encrypt(r.name, FIELD.name),
      householdId: r.householdId,
      relationToHead: r.relationToHead,
      birthDate: r.parsed.birthDate,
      sex: r.parsed.sex,
      divisionCode: r.parsed.divisionCode,
      fingerprintsOnFile: r.fingerprintsOnFile,
      ...(r.cardIssuedOn ? { cardIssuedOn: r.cardIssuedOn } : {}),
    };
    await putDoc(db, 'residents', resident);
  }
}
