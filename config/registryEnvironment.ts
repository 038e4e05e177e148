import type { VariableName } from './environment';

/** What a function that asks the population registry's gateway reads (docs/REGISTRY.md; identity and reissue). */
export const registryEnvironment = ['HUKOU_REGISTRY_URL', 'HUKOU_REGISTRY_KEY_ID', 'HUKOU_REGISTRY_SECRET'] as const satisfies readonly VariableName[];

export type RegistryVariable = (typeof registryEnvironment)[number];
