/**
 * Issue 18: what each officer of a hall did in assisted sessions over a period, from the audit log's
 * `assisted.*` records (counted by the database): sessions opened, confirmed and failed, bookings
 * made, cancelled and moved, reissues applied for, materials texted. For the hall's lead and admins.
 */
export interface AssistedCounts {
  byOfficer: Array<{ officerOpenid: string; action: string; count: number }>;
}

export const ASSISTED_COUNTED = [
  'assisted.open',
  'assisted.confirm',
  'assisted.fail',
  'assisted.reserve',
  'assisted.cancel',
  'assisted.reschedule',
  'assisted.reissue',
  'assisted.materials',
] as const;

export interface AssistedOfficerRow {
  officerOpenid: string;
  opened: number;
  confirmed: number;
  failed: number;
  reserved: number;
  cancelled: number;
  rescheduled: number;
  /** Reissue applications made (fee collected in person), and materials texted. */
  reissued: number;
  materials: number;
}

const FIELD_OF: Record<(typeof ASSISTED_COUNTED)[number], keyof Omit<AssistedOfficerRow, 'officerOpenid'>> = {
  'assisted.open': 'opened',
  'assisted.confirm': 'confirmed',
  'assisted.fail': 'failed',
  'assisted.reserve': 'reserved',
  'assisted.cancel': 'cancelled',
  'assisted.reschedule': 'rescheduled',
  'assisted.reissue': 'reissued',
  'assisted.materials': 'materials',
};

/** One row per officer, most bookings first (then most sessions, then by openid, for a stable order). */
export function assistedByOfficer(counts: AssistedCounts): AssistedOfficerRow[] {
  const rows = new Map<string, AssistedOfficerRow>();
  for (const { officerOpenid, action, count } of counts.byOfficer) {
    const field = FIELD_OF[action as keyof typeof FIELD_OF];
    if (!field) continue;
    const row = rows.get(officerOpenid) ?? { officerOpenid, opened: 0, confirmed: 0, failed: 0, reserved: 0, cancelled: 0, rescheduled: 0, reissued: 0, materials: 0 };
    row[field] += count;
    rows.set(officerOpenid, row);
  }
  return [...rows.values()].sort((a, b) => b.reserved - a.reserved || b.opened - a.opened || (a.officerOpenid < b.officerOpenid ? -1 : 1));
}
