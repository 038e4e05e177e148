import type { CardRegistry } from '../../core/reissue/ReissueDeps';
import type { Resident } from '../../core/identity/Resident';
import type { Database } from '../cloudbase/app';

type CardResident = Resident & { cardLostAt?: Date; photoReused?: boolean };

/** A resident as the wire may give it: the loss instant a Date, or its ISO string. */
type StoredResident = Omit<CardResident, 'cardLostAt'> & { cardLostAt?: Date | string };

/**
 * The card part of the population registry through the `residents` collection (synthetic people).
 * Production connects here to the bureau's system (挂失 through its own interface); the port stays.
 * A loss report sets `cardLostAt` once (conditional update), so a repeat keeps the first instant.
 */
export class CloudbaseCardRegistry implements CardRegistry {
  constructor(private readonly db: Database) {}

  async resident(idIndex: string): Promise<CardResident | null> {
    const res = await this.db.collection('residents').where({ idIndex }).limit(1).get();
    const r = ((res.data ?? []) as StoredResident[])[0];
    if (!r) return null;
    const { cardLostAt, ...rest } = r;
    return !cardLostAt ? rest : { ...rest, cardLostAt: cardLostAt instanceof Date ? cardLostAt : new Date(cardLostAt) };
  }

  async reportCardLost(residentId: string, at: Date): Promise<boolean> {
    const res = await this.db
      .collection('residents')
      .where({ _id: residentId, cardLostAt: this.db.command.exists(false) })
      .update({ cardLostAt: at, cardValid: false });
    return res.updated === 1;
  }
}
