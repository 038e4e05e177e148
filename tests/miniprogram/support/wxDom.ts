import type { OpenedPage } from './miniProgramHost';

/**
 * Reading and touching what a page rendered in miniprogram-simulate. j-component renders
 * `<view>` as `<wx-view>` and prefixes every class with the owning component's tag name
 * (`main--` for the page, `comp--` inside Taro's recursive `comp`), as WeChat's style isolation does.
 */
const CLASS_PREFIX = /^(?:main|comp)--/;

/** An element's classes as the source wrote them (without the isolation prefix). */
export function classesOf(el: Element): string[] {
  return Array.from(el.classList, (c) => c.replace(CLASS_PREFIX, ''));
}

/** Elements carrying `className` (source spelling), in document order. */
export function byClass(root: Element, className: string): HTMLElement[] {
  return Array.from(root.querySelectorAll<HTMLElement>('[class]')).filter((el) => classesOf(el).includes(className));
}

/** The innermost elements whose whole text is `text` (whitespace trimmed). */
export function byText(root: Element, text: string): HTMLElement[] {
  return Array.from(root.querySelectorAll<HTMLElement>('*')).filter(
    (el) => el.textContent?.trim() === text && !Array.from(el.children).some((c) => c.textContent?.trim() === text),
  );
}

export function textOf(el: Element): string {
  return (el.textContent ?? '').replace(/\s+/g, ' ').trim();
}

/**
 * A finger tap on `el`: the `tap` event starts at that node and bubbles through the page's
 * shadow tree to whatever bound it (Taro binds `bindtap="eh"` on its templates), as on a phone.
 * Nodes are found through their Taro sid, which the templates render as the node's id.
 */
export function tap(page: OpenedPage, el: Element): void {
  const sid = el.getAttribute('data-sid');
  if (!sid) throw new Error(`cannot tap <${el.tagName.toLowerCase()}>: it carries no data-sid`);
  const node = page.root.querySelector(`#${sid}`);
  if (!node) throw new Error(`no node #${sid} in ${page.route}'s shadow tree`);
  node.dispatchEvent('tap', { detail: { x: 0, y: 0 } });
}
