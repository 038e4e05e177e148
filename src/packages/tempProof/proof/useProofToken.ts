import { useEffect, useState } from 'react';
import { tokenShownUntil } from '../../../../core/tempProof/policy';
import { ApiError } from '../../../services/api';
import { tempProofApi } from '../tempProofApi';

/** A new token every minute (each valid in its minute and the next), so the code on screen changes as the railway's does. */
export const TOKEN_REFRESH_MS = 60_000;
const RETRY_MS = 5_000;

export interface ProofToken {
  token?: string;
  /** The server asks for the face again (the last check is older than 30 minutes). */
  faceDue: boolean;
  /** Expired or revoked meanwhile: the page reads the proofs again. */
  ended: boolean;
  error?: string;
}

/** The proof's QR token while `on` (the page shown, the face fresh), asked again every minute. */
export function useProofToken(proofId: string | undefined, on: boolean, faceChecks: number): ProofToken {
  const [state, setState] = useState<ProofToken>({ faceDue: false, ended: false });
  useEffect(() => {
    if (!proofId || !on) return undefined;
    let stopped = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let fetchedAt = 0;
    const refresh = async () => {
      try {
        const t = await tempProofApi.token(proofId);
        if (stopped) return;
        fetchedAt = Date.now();
        setState({ token: t.token, faceDue: false, ended: false });
        timer = setTimeout(() => void refresh(), TOKEN_REFRESH_MS);
      } catch (e) {
        if (stopped) return;
        const code = e instanceof ApiError ? e.code : '';
        if (code === 'TEMP_PROOF_FACE_REQUIRED') setState({ faceDue: true, ended: false });
        else if (code === 'TEMP_PROOF_EXPIRED' || code === 'TEMP_PROOF_REVOKED') setState({ faceDue: false, ended: true });
        else {
          // The old code stays on screen only while the server surely still takes it.
          const stale = Date.now() >= tokenShownUntil(fetchedAt);
          const why = e instanceof ApiError ? e.message : '二维码获取失败';
          setState((s) => ({
            ...s,
            ...(stale && { token: undefined }),
            error: stale ? `${why}；二维码已失效，正在重试` : `${why}，正在重试`,
          }));
          timer = setTimeout(() => void refresh(), RETRY_MS);
        }
      }
    };
    void refresh();
    return () => {
      stopped = true;
      if (timer) clearTimeout(timer);
    };
  }, [proofId, on, faceChecks]);
  return state;
}
