import type { Material } from '../guide/ServiceGuide';
import type { MaterialSpec } from './BusinessApplication';

/**
 * The materials an application asks for, from its guide: one per listed material, keyed by its
 * position (`m0`, `m1`, …) so that photos stay attached to the material they prove. Copied onto
 * the application when the draft is made: a guide edited later does not change what was asked.
 */
export function materialListOf(materials: readonly Material[]): MaterialSpec[] {
  return materials.map((m, i) => ({ key: `m${i}`, name: m.name, required: m.required }));
}
