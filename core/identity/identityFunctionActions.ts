import type { ActionMap } from '../function/action';
import { tempProofActions } from '../tempProof/tempProofActions';
import type { TempProofDeps } from '../tempProof/TempProofDeps';
import { identityActions } from './identityActions';

/** Every action of the identity function: real-name verification and its kin, and the electronic temporary identity proof (issue 17). */
export const identityFunctionActions: ActionMap<TempProofDeps> = { ...identityActions, ...tempProofActions };
