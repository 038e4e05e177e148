import * as z from 'zod/mini';
import { ADDRESS_RULES } from '../addressRules';
import { DomainError } from '../../errors/DomainError';
import { FIELD } from '../../identity/fieldNames';
import type { Hall } from '../../guide/Hall';
import { stableId } from '../../guide/ServiceGuide';
import type { Delivery, MailAddress } from '../ReissueApplication';
import type { ReissueConfig } from '../ReissueConfig';
import type { ReissueDeps } from '../ReissueDeps';
import { feeFor, type FeeBreakdown } from '../fees';
import { REISSUE_SERVICE } from '../reissueHalls';
import { lazySchema } from '../../function/lazySchema';

const code6 = lazySchema(() => z.string().check(z.regex(ADDRESS_RULES.divisionCode)));

/** A delivery address as the citizen types it (core/reissue/addressRules.ts); the division names come from the server's data. */
export const AddressInput = lazySchema(() =>
  z.strictObject({
    provinceCode: code6,
    cityCode: code6,
    districtCode: code6,
    detail: z.string().check(z.trim(), z.minLength(ADDRESS_RULES.detail.min), z.maxLength(ADDRESS_RULES.detail.max)),
    recipient: z.string().check(z.trim(), z.minLength(ADDRESS_RULES.recipient.min), z.maxLength(ADDRESS_RULES.recipient.max)),
    phone: z.string().check(z.trim(), z.regex(ADDRESS_RULES.mobile, 'mobile number, 11 digits')),
  }),
);
export type AddressInput = z.infer<typeof AddressInput>;

export const DeliveryInput = lazySchema(() =>
  z.discriminatedUnion('kind', [z.strictObject({ kind: z.literal('mail'), address: AddressInput }), z.strictObject({ kind: z.literal('hall'), hallId: stableId })]),
);
export type DeliveryInput = z.infer<typeof DeliveryInput>;

/** Checks the codes against GB/T 2260 and encrypts street and room, recipient and phone. */
export function mailAddress(deps: Pick<ReissueDeps, 'divisions' | 'secrets'>, a: AddressInput): MailAddress {
  const names = deps.divisions.names(a.provinceCode, a.cityCode, a.districtCode);
  if (!names) throw new DomainError('REISSUE_ADDRESS_INVALID');
  const parsed = {
    provinceCode: a.provinceCode,
    cityCode: a.cityCode,
    districtCode: a.districtCode,
    names,
    detailEnc: deps.secrets.encrypt(a.detail, FIELD.address),
    recipientEnc: deps.secrets.encrypt(a.recipient, FIELD.name),
    phoneEnc: deps.secrets.encrypt(a.phone, FIELD.phone),
  };
  return parsed;
}

/**
 * The delivery as stored, and for hall collection the hall itself (it issues the card); a hall for
 * collection must handle the reissue, or HALL_NOT_FOUND.
 */
export async function deliveryOf(deps: Pick<ReissueDeps, 'guides' | 'divisions' | 'secrets'>, input: DeliveryInput): Promise<{ delivery: Delivery; collectionHall?: Hall }> {
  if (input.kind === 'mail') return { delivery: { kind: 'mail', address: mailAddress(deps, input.address) } };
  const hall = await deps.guides.hall(input.hallId);
  if (!hall || !hall.services.includes(REISSUE_SERVICE)) throw new DomainError('HALL_NOT_FOUND');
  return { delivery: { kind: 'hall', hallId: hall._id }, collectionHall: hall };
}

export function feesOf(
  reason: 'lost' | 'damaged',
  issuerDivisionCode: string,
  delivery: { kind: 'mail'; districtCode: string } | { kind: 'hall' },
  config: ReissueConfig,
): FeeBreakdown {
  return feeFor({
    reason,
    delivery: delivery.kind === 'mail' ? { kind: 'mail', fromDivisionCode: issuerDivisionCode, toDistrictCode: delivery.districtCode } : { kind: 'hall' },
    // The registry stand-in does not know who receives minimum living allowance (低保).
    lowIncome: false,
    config: config.fees,
  });
}
