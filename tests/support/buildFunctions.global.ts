import { bundleFunction } from '../../scripts/build-functions';
import { functionNames } from '../../scripts/functionBundles';

/** Integration tests run the bundled functions, exactly what is deployed: bundle them first. */
export default async function globalSetup(): Promise<void> {
  for (const name of functionNames()) await bundleFunction(name);
}
