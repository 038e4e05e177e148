import type { ActionMap } from '../function/action';
import { applyTempProof } from './actions/apply';
import { myTempProofs, refreshTempProofFace, tempProofToken, tempProofVerifications } from './actions/holder';
import { purgeTempProofs } from './actions/retention';
import { verifyTempProof } from './actions/verify';
import type { TempProofDeps } from './TempProofDeps';

/** The electronic temporary identity proof's actions (issue 17), served by the identity function. */
export const tempProofActions: ActionMap<TempProofDeps> = {
  applyTempProof,
  myTempProofs,
  tempProofToken,
  refreshTempProofFace,
  verifyTempProof,
  tempProofVerifications,
  purgeTempProofs,
};
