import type { VariableName } from './environment';
import { registryEnvironment } from './registryEnvironment';

/** What the business function reads from its environment (declared in config/functions.ts too). */
export const businessEnvironment = [
  'HUKOU_DATA_KEYS',
  'HUKOU_DATA_KEY_ID',
  'HUKOU_INDEX_KEY',
  'HUKOU_PROGRESS_TEMPLATE_ID',
  // Tracking of results sent by mail (the pollShipments timer).
  'HUKOU_KUAIDI100_CUSTOMER',
  'HUKOU_KUAIDI100_KEY',
  ...registryEnvironment,
] as const satisfies readonly VariableName[];

export type BusinessVariable = (typeof businessEnvironment)[number];
