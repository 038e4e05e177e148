import type { VariableName } from './environment';
import { registryEnvironment } from './registryEnvironment';
import { weChatPayEnvironment } from './weChatPayEnvironment';

/** What the reissue function reads from its environment (declared in config/functions.ts too). */
export const reissueEnvironment = [
  'HUKOU_DATA_KEYS',
  'HUKOU_DATA_KEY_ID',
  'HUKOU_INDEX_KEY',
  ...weChatPayEnvironment,
  'HUKOU_KUAIDI100_CUSTOMER',
  'HUKOU_KUAIDI100_KEY',
  ...registryEnvironment,
] as const satisfies readonly VariableName[];

export type ReissueVariable = (typeof reissueEnvironment)[number];
