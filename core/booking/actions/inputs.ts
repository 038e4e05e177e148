import * as z from 'zod';
import { lazySchema } from '../../function/lazySchema';

/** The input fields the booking actions share, checked the same way by each. */

/** An appointment's id (a random or request-derived base64url id). */
export const AppointmentIdInput = lazySchema(() => z.string().min(8).max(64));

/** A slot id, `${hallId}:${date}:${HHmm}` (core/booking/slots.ts parses it). */
export const SlotIdInput = lazySchema(() => z.string().min(10).max(120));

/** A Shanghai date, YYYY-MM-DD. */
export const DateInput = lazySchema(() => z.string().regex(/^\d{4}-\d{2}-\d{2}$/));
