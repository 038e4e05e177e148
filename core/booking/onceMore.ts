import { isDomainError } from '../errors/DomainError';

/**
 * Runs idempotent steps once more after an unexpected failure (a timeout or a lost answer: the
 * first try may or may not have been applied). Catalogue errors are answers, not failures.
 */
export async function onceMore<T>(steps: () => Promise<T>): Promise<T> {
  try {
    return await steps();
  } catch (e) {
    if (isDomainError(e)) throw e;
    return steps();
  }
}
