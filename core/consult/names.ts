import type { GuideRepository } from '../guide/GuideRepository';

/** The hall's name and the business's title to show beside consultations (the id when one is gone). */
export async function namesFor(
  guides: Pick<GuideRepository, 'hall' | 'guide'>,
  items: readonly { hallId: string; business: string }[],
): Promise<(c: { hallId: string; business: string }) => { hallName: string; businessTitle: string }> {
  const halls = new Map<string, string>();
  const titles = new Map<string, string>();
  for (const id of new Set(items.map((i) => i.hallId))) halls.set(id, (await guides.hall(id))?.name ?? id);
  for (const id of new Set(items.map((i) => i.business))) titles.set(id, (await guides.guide(id))?.title ?? id);
  return (c) => ({ hallName: halls.get(c.hallId) ?? c.hallId, businessTitle: titles.get(c.business) ?? c.business });
}
