import { registryEnvironment, type RegistryVariable } from '../../config/registryEnvironment';
import type { PopulationRegistry } from '../../core/identity/ports';
import type { CardRegistry } from '../../core/reissue/ReissueDeps';
import type { PhoneOnFile } from '../../core/assisted/ports';
import { describeProblems, loadEnvironment, type Environment } from '../config/loadEnvironment';
import { localCloudUrl } from '../local/localCloudUrl';
import { HttpRegistry, type RegistryHealth } from './HttpRegistry';

type Registry = PopulationRegistry & CardRegistry & PhoneOnFile;

let made: { key: string; registry: HttpRegistry } | undefined;

/** One HttpRegistry (one breaker) per warm instance and connection. */
function registryFor(env: Environment<RegistryVariable>): HttpRegistry {
  const key = `${env.HUKOU_REGISTRY_URL}\n${env.HUKOU_REGISTRY_KEY_ID}\n${env.HUKOU_REGISTRY_SECRET}`;
  if (made?.key !== key) {
    made = {
      key,
      registry: new HttpRegistry({ baseUrl: env.HUKOU_REGISTRY_URL, keyId: env.HUKOU_REGISTRY_KEY_ID, secret: Buffer.from(env.HUKOU_REGISTRY_SECRET, 'base64') }),
    };
  }
  return made.registry;
}

/**
 * The registry adapter of a function: HttpRegistry with the function's validated environment. Inside
 * the local cloud the connection is read again on every call, because each local cloud starts its own
 * registry stand-in (a new port) while a loaded function bundle outlives it (tests start several).
 */
export function registryFromEnvironment(env: Environment<RegistryVariable>): Registry {
  if (!localCloudUrl()) return registryFor(env);
  const current = (): HttpRegistry => {
    const fresh = loadEnvironment(registryEnvironment);
    return registryFor(fresh.ok ? fresh.env : env);
  };
  return {
    match: (idNumber, name) => current().match(idNumber, name),
    person: (id) => current().person(id),
    resident: (id) => current().resident(id),
    reportCardLost: (id, at) => current().reportCardLost(id, at),
    photo: (id) => current().photo(id),
    mobileOnFile: (id) => current().mobileOnFile(id),
  };
}

/** The `health` check of a function that depends on the registry: its variables, then one signed round trip. */
export async function registryHealth(source: Readonly<Record<string, string | undefined>> = process.env): Promise<RegistryHealth> {
  const env = loadEnvironment(registryEnvironment, source);
  if (!env.ok) return { status: 'misconfigured', detail: describeProblems(env.problems) };
  return registryFor(env.env).health();
}
