import { ageOn, birthDateOf } from '../identity/idNumber';

/**
 * The priority groups a hall may configure for a release by draw (issue 17): a fixed list. A group
 * the system can verify from data it holds is verified (age from the birth date in the ID number);
 * the others are declared by the applicant, marked so, and checked at the window with the papers.
 */
export const PRIORITY_GROUPS = {
  elderly70: { name: '高龄(70岁以上)', verified: true },
  disabled: { name: '残疾人', verified: false },
  pregnant: { name: '孕产妇', verified: false },
  military: { name: '军人军属', verified: false },
} as const;

export type PriorityGroupId = keyof typeof PRIORITY_GROUPS;
export const PRIORITY_GROUP_IDS = Object.keys(PRIORITY_GROUPS) as [PriorityGroupId, ...PriorityGroupId[]];

export const ELDERLY_AGE = 70;

/** Whether the person (by the ID number) is 70 or older on the hall-day; false when the number gives no birth date. */
export function isElderlyOn(idNumber: string, date: string): boolean {
  try {
    return ageOn(birthDateOf(idNumber), date) >= ELDERLY_AGE;
  } catch {
    return false;
  }
}

/**
 * The group an application is drawn in: the one asked for, if the hall has it (elderly70 only when
 * the ID number says so: 'notMet' otherwise); with none asked, elderly70 when the hall has it and
 * the person is of age. `declared` when only the applicant's word says so.
 */
export function groupOf(
  asked: PriorityGroupId | undefined,
  hallGroups: readonly PriorityGroupId[],
  elderly: boolean,
): { group?: PriorityGroupId; declared?: true } | 'notMet' | 'notOffered' {
  if (asked === undefined) return elderly && hallGroups.includes('elderly70') ? { group: 'elderly70' } : {};
  if (!hallGroups.includes(asked)) return 'notOffered';
  if (asked === 'elderly70') return elderly ? { group: asked } : 'notMet';
  return { group: asked, declared: true };
}
