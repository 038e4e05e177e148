import * as z from 'zod/mini';
import { lazySchema } from '../../function/lazySchema';

/** The input fields the booking actions share, checked the same way by each. */

/** An appointment's id (a random or request-derived base64url id). */
export const AppointmentIdInput = lazySchema(() => z.string().check(z.minLength(8), z.maxLength(64)));

/** A slot id, `${hallId}:${date}:${HHmm}` (core/booking/slots.ts parses it). */
export const SlotIdInput = lazySchema(() => z.string().check(z.minLength(10), z.maxLength(120)));

/** A Shanghai date, YYYY-MM-DD. */
export const DateInput = lazySchema(() => z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/)));
