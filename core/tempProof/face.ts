import { TEMP_PROOF_POLICY } from './policy';

/** Whether the holder's last face check still lets the proof be shown (at most 30 minutes old, never in the future). */
export function faceIsFresh(faceAt: Date, now: Date): boolean {
  const age = now.getTime() - faceAt.getTime();
  return age >= -60_000 && age <= TEMP_PROOF_POLICY.faceMaxAgeMinutes * 60_000;
}

/** When the page must ask for the face again. */
export function faceDueAt(faceAt: Date): Date {
  return new Date(faceAt.getTime() + TEMP_PROOF_POLICY.faceMaxAgeMinutes * 60_000);
}
