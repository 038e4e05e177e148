import { createHmac } from 'node:crypto';
import type { TempProofDeps } from '../../core/tempProof/TempProofDeps';
import type { CardRegistry } from '../../core/reissue/ReissueDeps';
import type { Database } from '../cloudbase/app';
import { HmacTicketSigner } from '../ticket/hmacTicketSigner';
import { CloudbaseTempProofStore } from './CloudbaseTempProofStore';

export type TempProofAdapters = Pick<TempProofDeps, 'tempProofs' | 'cards' | 'proofSigner' | 'proofIdFor'>;

/**
 * The temporary proof's ports: its store, the registry's card record, and HUKOU_TICKET_KEY, which
 * signs the QR tokens (as appointment tickets: HmacTicketSigner) and derives the proofs' ids (a
 * keyed hash of the holder's blind index, the month and the slot, under its own label).
 */
export function tempProofAdapters(db: Database, registry: Pick<CardRegistry, 'resident'>, ticketKey: string): TempProofAdapters {
  const signer = new HmacTicketSigner(ticketKey);
  const key = Buffer.from(ticketKey, 'base64');
  return {
    tempProofs: new CloudbaseTempProofStore(db),
    cards: {
      async card(residentId) {
        const r = await registry.resident(residentId);
        if (!r) return null;
        return {
          photoOnFile: r.photoOnFile ?? Boolean(r.photoTakenOn),
          ...(r.cardLostAt ? { lostAt: r.cardLostAt } : {}),
          ...(r.cardIssuedOn ? { issuedOn: r.cardIssuedOn } : {}),
        };
      },
    },
    proofSigner: signer,
    proofIdFor: (idIndex, month, slot) => createHmac('sha256', key).update(`temp-proof-id:${idIndex}:${month}:${slot}`).digest().subarray(0, 16).toString('base64url'),
  };
}
