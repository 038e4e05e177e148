import type { AssistedPorts } from '../../../core/assisted/ports';

/** Assisted-channel ports for booking worlds that never open a session: any use fails the test. */
export function noAssisted(): AssistedPorts {
  const never = (): never => {
    throw new Error('the assisted channel is not part of this test world');
  };
  return new Proxy({} as AssistedPorts, { get: () => new Proxy({}, { get: () => never }) });
}
