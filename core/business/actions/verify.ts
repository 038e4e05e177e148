import * as z from 'zod/mini';
import { defineAction } from '../../function/action';
import { lazySchema } from '../../function/lazySchema';
import { DomainError } from '../../errors/DomainError';
import { requireOpenid } from '../../identity/caller';
import type { BusinessDeps } from '../BusinessDeps';
import { parseCertificateSerial, publicCertificateView } from '../certificate';
import { placeOf } from '../place';
import { subjectNameOf } from './shared';

/** Public verification: at most this many lookups per account in one window (a school checks a few; a scraper many). */
export const VERIFY_LIMIT = { perWindow: 30, windowMs: 10 * 60_000 } as const;

export const verifyCertificate = defineAction({
  summary:
    'Public verification of an electronic household-registration certificate by its serial (typed or scanned): valid, expired or revoked, and only what it states, masked. Any WeChat user; rate-limited per account.',
  input: lazySchema(() => z.strictObject({ serial: z.string().check(z.minLength(1), z.maxLength(64)) })),
  output: lazySchema(() =>
    z.object({
      serial: z.string(),
      status: z.enum(['valid', 'expired', 'revoked']),
      statusName: z.string(),
      holderName: z.string(),
      holderIdNumber: z.string(),
      householdPlace: z.string(),
      issuedBy: z.string(),
      issuedAt: z.string(),
      validUntil: z.string(),
    }),
  ),
  errors: ['UNAUTHENTICATED', 'CERTIFICATE_NOT_FOUND', 'TOO_FREQUENT'],
  async run(input, deps: BusinessDeps) {
    const openid = requireOpenid(deps);
    const now = deps.clock.now();
    const windowStart = new Date(now.getTime() - (now.getTime() % VERIFY_LIMIT.windowMs));
    if ((await deps.store.countLookup(`verify:${openid}`, windowStart)) > VERIFY_LIMIT.perWindow) throw new DomainError('TOO_FREQUENT');
    const serial = parseCertificateSerial(input.serial);
    const app = serial ? await deps.store.byCertificateSerial(serial) : null;
    if (!app?.certificate) throw new DomainError('CERTIFICATE_NOT_FOUND');
    const hall = await deps.guides.hall(app.hallId);
    const statement = {
      holderName: subjectNameOf(deps, app),
      holderIdNumberMasked: app.subjectIdNumberMasked,
      householdPlace: placeOf(deps.divisions, app.householdDivisionCode),
    };
    return publicCertificateView(app.certificate, statement, hall?.name ?? '', now);
  },
});
