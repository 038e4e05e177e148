import type { ActionMap } from '../core/function/action';
import { guideActions } from '../core/guide/guideActions';

/** Every cloud function with its actions: the source of docs/API.md and of the deploy plan. */
export interface FunctionDeclaration {
  name: string;
  description: string;
  /** Who may call it: anyone, or only a verified caller (identity from the function context). */
  caller: 'anyone' | 'verified citizen' | 'officer' | 'admin' | 'timer';
  actions: ActionMap<never>;
}

export const functions: FunctionDeclaration[] = [
  {
    name: 'guide',
    description: 'Service guides (办事指南): categories, search, details, and the halls that handle them.',
    caller: 'anyone',
    actions: guideActions as ActionMap<never>,
  },
];
