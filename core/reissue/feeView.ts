import * as z from 'zod/mini';
import { lazySchema } from '../function/lazySchema';
import { yuan, type FeeBreakdown } from './fees';

/** A fee breakdown as shown: each line and the total in yuan (40.00). */
export const FeeView = lazySchema(() => z.object({ lines: z.array(z.object({ label: z.string(), amount: z.string(), note: z.optional(z.string()) })), total: z.string() }));
export type FeeView = z.infer<typeof FeeView>;

export const feeView = (f: FeeBreakdown): FeeView => ({
  lines: f.lines.map((l) => ({ label: l.label, amount: yuan(l.amountFen), ...(l.note ? { note: l.note } : {}) })),
  total: yuan(f.totalFen),
});
