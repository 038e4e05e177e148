import type { CardRegistry, RegistryPhoto } from '../../core/reissue/ReissueDeps';
import type { Resident } from '../../core/identity/Resident';
import type { Database } from '../cloudbase/app';
import { placeholderPortrait } from '../local/placeholderPortrait';

type CardResident = Resident & { cardLostAt?: Date; photoReused?: boolean };

/** A resident as the wire may give it: the loss instant a Date, or its ISO string. */
type StoredResident = Omit<CardResident, 'cardLostAt'> & { cardLostAt?: Date | string };

/**
 * The card part of the population registry through the `residents` collection (synthetic people).
 * Production connects here to the bureau's system (挂失 through its own interface); the port stays.
 * A loss report sets `cardLostAt` once (conditional update), so a repeat keeps the first instant.
 * The synthetic people have no photographs: a person with a card on file gets a drawn stand-in
 * marked as such (server/local/placeholderPortrait.ts), dated by the card; without a card (or with `photoOnFile: false`), none.
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

  async photo(residentId: string): Promise<RegistryPhoto | null> {
    const res = await this.db.collection('residents').where({ _id: residentId }).limit(1).get();
    const r = ((res.data ?? []) as Array<StoredResident & { photoOnFile?: boolean }>)[0];
    // No card, no photo; a record may also say its photo is gone (photoOnFile: false).
    if (!r?.cardIssuedOn || r.photoOnFile === false) return null;
    const svg = placeholderPortrait(r._id, r.sex);
    return { mimeType: 'image/svg+xml', base64: Buffer.from(svg, 'utf8').toString('base64'), takenOn: r.cardIssuedOn, sample: true };
  }
}
