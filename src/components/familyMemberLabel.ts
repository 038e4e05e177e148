import type { FamilyMemberView } from '../../core/identity/views';

/** 子女 / 父母: the relation in words. */
export function relationName(m: Pick<FamilyMemberView, 'relation'>): string {
  return m.relation === 'child' ? '子女' : '父母';
}

/** How the caller's own family member is named on their pages: '王*国 · 子女 · 2015年生'. */
export function familyMemberLabel(m: Pick<FamilyMemberView, 'nameForFamily' | 'relation' | 'birthYear'>): string {
  return [m.nameForFamily, relationName(m), m.birthYear === undefined ? undefined : `${m.birthYear}年生`].filter(Boolean).join(' · ');
}
