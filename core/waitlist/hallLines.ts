import type { WaitEntry } from './WaitEntry';

/** How many wait for one hall-day and business, and how many of them hold an offer now. */
export interface WaitLine {
  date: string;
  business: string;
  waiting: number;
  offered: number;
}

/** A hall's open entries counted per day and business, by date then business (counts only: nothing personal). */
export function hallLines(entries: readonly Pick<WaitEntry, 'date' | 'business' | 'state'>[]): WaitLine[] {
  const lines = new Map<string, WaitLine>();
  for (const e of entries) {
    if (e.state !== 'waiting' && e.state !== 'offered') continue;
    const key = `${e.date} ${e.business}`;
    const line = lines.get(key) ?? { date: e.date, business: e.business, waiting: 0, offered: 0 };
    if (e.state === 'waiting') line.waiting++;
    else line.offered++;
    lines.set(key, line);
  }
  return [...lines.values()].sort((a, b) => a.date.localeCompare(b.date) || a.business.localeCompare(b.business));
}
