import * as z from 'zod/mini';
import { lazySchema } from '../function/lazySchema';
import type { BusinessRecord } from './BusinessDeps';
import { BUSINESS_NAMES, BUSINESS_STATE_NAMES } from './names';

/**
 * A business application attached to a hall appointment (issue 15, the handover "book a slot with
 * the application attached"): what the window officer sees when the citizen checks in. Nothing
 * personal (the appointment says who, masked): the business, where the application stands, its
 * number, and the originals of the required materials the citizen was told to bring, which the
 * officer checks against the photos on the case page (`/packages/business/case/index?id=…`).
 */

/** What the booking function reads of the application that names an appointment for its handover. */
export type HandoverApplication = Pick<BusinessRecord, '_id' | 'kind' | 'state' | 'hallId' | 'applicant' | 'materialList' | 'handover' | 'refNumber'>;

export const HandoverAtWindowView = lazySchema(() =>
  z.object({
    id: z.string(),
    /** 办件编号, when the application has one. */
    refNumber: z.optional(z.string()),
    kindName: z.string(),
    state: z.string(),
    stateName: z.string(),
    /** The required materials' originals to bring (the citizen's checklist, as the citizen saw it). */
    originalsToBring: z.array(z.string()),
  }),
);
export type HandoverAtWindowView = z.infer<typeof HandoverAtWindowView>;

/**
 * The application attached to this appointment, as the window shows it; undefined unless it really
 * names this appointment at its own hall and was made by who booked it (anything else is not shown).
 */
export function handoverAtWindowOf(app: HandoverApplication | null, appointment: { _id: string; hallId: string; actorOpenid: string }): HandoverAtWindowView | undefined {
  if (!app || app.handover?.kind !== 'hall' || app.handover.appointmentId !== appointment._id) return undefined;
  if (app.hallId !== appointment.hallId || app.applicant.actorOpenid !== appointment.actorOpenid) return undefined;
  return {
    id: app._id,
    ...(app.refNumber ? { refNumber: app.refNumber } : {}),
    kindName: BUSINESS_NAMES[app.kind],
    state: app.state,
    stateName: BUSINESS_STATE_NAMES[app.state],
    originalsToBring: app.materialList.filter((m) => m.required).map((m) => m.name),
  };
}
