import type { OpenedPage } from './miniProgramHost';
import { waitFor } from './waitFor';
import { byClass, byText, textOf } from './wxDom';
import type { WeappSession } from './weappSession';

/** Generous: the machine may be busy; a condition is waited for, never a time. */
export const WAIT = { timeout: 45_000 };

/** The texts of the elements of `className`, once there is at least one. */
export function texts(page: OpenedPage, className: string, what = className): Promise<string[]> {
  return waitFor(
    () => {
      const found = byClass(page.dom, className).map(textOf);
      expect(found.length).toBeGreaterThan(0);
      return found;
    },
    { ...WAIT, what },
  );
}

/** The first element of `className`, once there is one. */
export function first(page: OpenedPage | Element, className: string, what = className): Promise<HTMLElement> {
  const root = 'dom' in page ? page.dom : page;
  return waitFor(() => byClass(root, className)[0] ?? false, { ...WAIT, what });
}

/** The first element matching `selector` (e.g. `[data-action="copy"]`), once there is one. */
export function select(page: OpenedPage, selector: string): Promise<HTMLElement> {
  return waitFor(() => (page.dom.querySelectorAll<HTMLElement>(selector)[0] as HTMLElement | undefined) ?? false, { ...WAIT, what: selector });
}

/** The innermost element whose text is `text`, once there is one. */
export function withText(page: OpenedPage, text: string): Promise<HTMLElement> {
  return waitFor(() => byText(page.dom, text)[0] ?? false, { ...WAIT, what: `“${text}”` });
}

/** Nothing went wrong while the page was used: no errors thrown or logged, every node drawn, no failed load. */
export function expectClean(s: WeappSession, page: OpenedPage): void {
  expect(s.logged).toEqual([]);
  expect(s.functionErrors()).toEqual([]);
  expect(s.mp.wxmlWarnings).toEqual([]);
  expect(s.wx.platform.problems).toEqual([]);
  expect(byText(page.dom, '加载失败')).toHaveLength(0);
}

/** No button of the page is busy (NutUI's loading state ignores taps), as a person would wait to tap again. */
export function idle(page: OpenedPage): Promise<true> {
  return waitFor(() => byClass(page.dom, 'nut-button-loading').length === 0, { ...WAIT, what: 'no button loading' });
}
