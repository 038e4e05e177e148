import { certificateSerial } from './certificate';

/**
 * The number of a permission to move in (准迁证): 'ZQ' and the same unguessable, checked body as
 * a certificate serial (certificate.ts), so a number read out on the phone is verified the same way.
 */
export const permitNumber = (random: Uint8Array): string => `ZQ${certificateSerial(random).slice(2)}`;
