/**
 * Makes a tappable View a control that screen readers announce and keyboards reach: spread
 * `{...tappable()}` (or `tappable('link', { label })`) on the View that has the onClick.
 * H5: ARIA role, aria-label/-checked/-selected/-disabled, tabIndex 0 and Enter/Space activation.
 * weapp: WeChat's own aria-role / aria-label / aria-checked / …, declared for View and Text in
 * Taro's template by config/ariaAttributes.ts and in its runtime by src/app.ts.
 */
export type TapRole = 'button' | 'link' | 'checkbox' | 'radio' | 'switch' | 'tab' | 'option';

export interface TapOptions {
  /** What the control does, when its text alone does not say it (an icon, a chevron, a bare number). */
  label?: string;
  /** checkbox / radio / switch. */
  checked?: boolean;
  /** tab / option. */
  selected?: boolean;
  /** A chip that stays on once chosen (a toggle button). */
  pressed?: boolean;
  disabled?: boolean;
}

type KeyEvent = { key: string; preventDefault(): void; currentTarget: unknown };

/** Enter or Space acts as a tap, as on a native button. */
function activateOnKey(e: KeyEvent): void {
  if (e.key !== 'Enter' && e.key !== ' ') return;
  e.preventDefault();
  (e.currentTarget as { click?: () => void }).click?.();
}

export function tappable(role: TapRole = 'button', opts: TapOptions = {}): Record<string, unknown> {
  const state: Record<string, unknown> = {};
  if (opts.checked !== undefined) state['aria-checked'] = opts.checked;
  if (opts.selected !== undefined) state['aria-selected'] = opts.selected;
  if (opts.pressed !== undefined) state['aria-pressed'] = opts.pressed;
  if (opts.disabled) state['aria-disabled'] = true;
  if (process.env.TARO_ENV === 'weapp') {
    const weapp: Record<string, unknown> = { ariaRole: role };
    if (opts.label) weapp.ariaLabel = opts.label;
    if (opts.checked !== undefined) weapp.ariaChecked = opts.checked;
    if (opts.selected !== undefined) weapp.ariaSelected = opts.selected;
    if (opts.pressed !== undefined) weapp.ariaPressed = opts.pressed;
    if (opts.disabled) weapp.ariaDisabled = true;
    return weapp;
  }
  return { role, tabIndex: 0, ...(opts.label ? { 'aria-label': opts.label } : {}), ...state, onKeyDown: activateOnKey };
}

/** A title the screen reader lists as a heading (level 1: the page's, 2: a section's). */
export function heading(level: 1 | 2 | 3 = 2): Record<string, unknown> {
  if (process.env.TARO_ENV === 'weapp') return { ariaRole: 'heading', ariaLevel: level };
  return { role: 'heading', 'aria-level': level };
}
