import type { ReissueConfig } from './ReissueConfig';
import type { ReissueDeps, ReissueRecord } from './ReissueDeps';
import { cityOf } from './postageZone';

/** The rules of the city whose authority issues the application's card. */
export function configFor(deps: Pick<ReissueDeps, 'store'>, app: Pick<ReissueRecord, 'issuerDivisionCode'>): Promise<ReissueConfig> {
  return deps.store.config(cityOf(app.issuerDivisionCode));
}
