import { newAccount, type Account } from '../../core/identity/Account';
import { FIELD } from '../../core/identity/fieldNames';
import { devEnvironment } from '../devEnvironment';
import { localDatabase } from '../localDatabase';
import { keysFromEnvironment } from '../../server/crypto/keysFromEnvironment';
import { createSecrets } from '../../server/identity/secrets';

export const devSecrets = () => {
  const { cipher, blindIndex } = keysFromEnvironment(devEnvironment);
  return createSecrets(cipher, blindIndex);
};

/**
 * Writes `count` verified citizen accounts straight into the local cloud's database (as a
 * completed verification would), for load and concurrency tests: openids `${prefix}-${i}`.
 */
export async function seedVerifiedCitizens(cloudUrl: string, prefix: string, count: number): Promise<string[]> {
  const db = localDatabase(cloudUrl);
  const secrets = devSecrets();
  const now = new Date();
  const openids = Array.from({ length: count }, (_, i) => `${prefix}-${i}`);
  for (let i = 0; i < openids.length; i += 50) {
    await Promise.all(
      openids.slice(i, i + 50).map((openid, j) => {
        const n = i + j;
        const { _id, ...fresh } = newAccount(openid, now);
        const account: Omit<Account, '_id'> = {
          ...fresh,
          identity: {
            residentId: `${prefix}-resident-${n}`,
            idIndex: secrets.index('idNumber', `${prefix}-${n}`),
            idNumberEnc: secrets.encrypt(`synthetic-${n}`, FIELD.idNumber),
            nameEnc: secrets.encrypt('测试市民', FIELD.name),
            phoneEnc: secrets.encrypt('13800000000', FIELD.phone),
            phoneIndex: secrets.index('phone', `${prefix}-${n}`),
            verifiedAt: now,
          },
        };
        return db.collection('accounts').doc(openid).set(account);
      }),
    );
  }
  return openids;
}
