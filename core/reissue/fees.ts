import * as z from 'zod/mini';
import type { FeeConfig } from './ReissueConfig';
import { postageZone, type PostageZone } from './postageZone';
import { lazySchema } from '../function/lazySchema';

/**
 * What an online reissue costs: the card fee (national price rule: 40 yuan for 补领 after loss and
 * 换领 when damaged), waived for residents on minimum living allowance where the city offers it,
 * plus postage by zone when the card is mailed (none when collected at a hall). Amounts are
 * integer fen; the breakdown is stored on the application as charged.
 */

export const FeeLine = lazySchema(() =>
  z.object({
    kind: z.enum(['card', 'postage']),
    /** Shown to the citizen, e.g. 补领居民身份证工本费, 邮寄费（省内）. */
    label: z.string().check(z.minLength(1)),
    amountFen: z.int().check(z.gte(0)),
    /** Why the amount differs from the list price, e.g. 最低生活保障对象免收. */
    note: z.optional(z.string()),
  }),
);
export type FeeLine = z.infer<typeof FeeLine>;

export const FeeBreakdown = lazySchema(() =>
  z
    .object({
      lines: z.array(FeeLine).check(z.minLength(1)),
      totalFen: z.int().check(z.gte(0)),
      /** 'hall' when collected at a hall (no postage). */
      zone: z.enum(['sameCity', 'sameProvince', 'otherProvince', 'hall']),
      exempt: z.boolean(),
    })
    .check(
      z.refine((b) => b.totalFen === b.lines.reduce((sum, l) => sum + l.amountFen, 0), {
        error: 'the total is the sum of the lines',
        path: ['totalFen'],
      }),
    ),
);
export type FeeBreakdown = z.infer<typeof FeeBreakdown>;

/** Where the card goes, as far as the fee is concerned. */
export type FeeDelivery =
  /** From the issuing authority's division to the address's district (6-digit codes). */
  { kind: 'mail'; fromDivisionCode: string; toDistrictCode: string } | { kind: 'hall' };

export interface FeeInput {
  reason: 'lost' | 'damaged';
  delivery: FeeDelivery;
  /** The resident receives minimum living allowance (低保), as the registry or an officer says. */
  lowIncome: boolean;
  config: FeeConfig;
}

const CARD_LABEL = { lost: '补领居民身份证工本费', damaged: '换领居民身份证工本费' } as const;
const ZONE_LABEL: Record<PostageZone, string> = { sameCity: '同城', sameProvince: '省内', otherProvince: '省外' };
const EXEMPT_NOTE = '最低生活保障对象免收';

export function feeFor({ reason, delivery, lowIncome, config }: FeeInput): FeeBreakdown {
  const exempt = lowIncome && config.lowIncomeExemption;
  const lines: FeeLine[] = [
    exempt ? { kind: 'card', label: CARD_LABEL[reason], amountFen: 0, note: EXEMPT_NOTE } : { kind: 'card', label: CARD_LABEL[reason], amountFen: config.cardFen },
  ];
  let zone: FeeBreakdown['zone'] = 'hall';
  if (delivery.kind === 'mail') {
    zone = postageZone(delivery.fromDivisionCode, delivery.toDistrictCode);
    const label = `邮寄费（${ZONE_LABEL[zone]}）`;
    lines.push(
      exempt && config.exemptionCoversPostage ? { kind: 'postage', label, amountFen: 0, note: EXEMPT_NOTE } : { kind: 'postage', label, amountFen: config.postageFen[zone] },
    );
  }
  return { lines, totalFen: lines.reduce((sum, l) => sum + l.amountFen, 0), zone, exempt };
}

/** 40.00, 18.50: fen as yuan with two decimals, for display. */
export function yuan(amountFen: number): string {
  if (!Number.isInteger(amountFen)) throw new RangeError('amounts are integer fen');
  const sign = amountFen < 0 ? '-' : '';
  const abs = Math.abs(amountFen);
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}

/** 52.00 → 5200: an amount in yuan with two decimals (as `yuan` writes it) as integer fen; NaN when it is not one. */
export function fenOf(amount: string): number {
  const m = /^(\d{1,7})\.(\d{2})$/.exec(amount.trim());
  return m ? Number(m[1]) * 100 + Number(m[2]) : Number.NaN;
}
