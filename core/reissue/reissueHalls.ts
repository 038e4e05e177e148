import type { Hall } from '../guide/Hall';
import type { ReissueDeps } from './ReissueDeps';
import { cityOf } from './postageZone';

/** The guide id of the business: halls that list it handle reissue applications. */
export const REISSUE_SERVICE = 'id-card-reissue-loss';

/** Halls of the resident's city that handle the reissue, in list order. */
export async function reissueHallsFor(deps: Pick<ReissueDeps, 'guides'>, divisionCode: string): Promise<Hall[]> {
  const city = cityOf(divisionCode);
  const halls = await deps.guides.halls();
  return halls.filter((h) => h.services.includes(REISSUE_SERVICE) && cityOf(h.divisionCode) === city).sort((a, b) => a.order - b.order);
}
