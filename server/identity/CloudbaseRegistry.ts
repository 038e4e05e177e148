import type { PopulationRegistry } from '../../core/identity/ports';
import type { Resident } from '../../core/identity/Resident';
import type { Database } from '../cloudbase/app';

/**
 * The population registry through the `residents` collection (synthetic people, seeded from
 * data/residents.json). Production connects here to the bureau's population information system
 * instead (a query by ID number over its own interface); the port stays the same.
 */
export class CloudbaseRegistry implements PopulationRegistry {
  constructor(private readonly db: Database) {}

  async findByIdIndex(idIndex: string): Promise<Resident | null> {
    const res = await this.db.collection('residents').where({ idIndex }).limit(1).get();
    return ((res.data ?? []) as Resident[])[0] ?? null;
  }
}
