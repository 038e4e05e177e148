/**
 * Accessibility of every page of the H5 build, in normal and in elder (长辈模式) text size, each page as
 * the persona that can reach it with the data it needs:
 * - axe-core 4.14 with the WCAG 2.0/2.1 A and AA rules finds nothing serious or critical;
 * - every tap target (an element with a click handler, a role of button/link/checkbox/switch/…, a
 *   native control or input) has a role, can be focused, has an accessible name and a box of at
 *   least 44×44 CSS px;
 * - the viewport allows pinch zoom;
 * - a time range such as 09:00–09:30 never breaks across lines;
 * - in elder mode no text is smaller than 16 px and text meets the enhanced contrast (7:1).
 * Screenshots of every page in both modes: test-results/screenshots/a11y-*.png. The findings, per
 * rule and page, are written to test-results/accessibility.json. `A11Y_PAGES=<route prefix>` checks only
 * the pages under it (e.g. packages/business).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { useJourney } from './support/journey';
import { actAs } from './support/persona';
import { PAGES, everyRoute, type PageData, type PageVisit } from './support/everyPage';
import { reissueFlow } from '../integration/support/reissueFlow';
import { businessFlow } from '../integration/support/businessFlow';
import { addDays, shanghaiDate, shanghaiInstant } from '../../core/time/shanghai';
import { ROOT } from '../../scripts/functionBundles';
import { inviteOfficer } from '../support/verifiedOfficer';

jest.setTimeout(1_200_000);

const journey = useJourney();
const AXE = path.join(ROOT, 'node_modules', 'axe-core', 'axe.min.js');
const WCAG_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
const MIN_TARGET = 44;
const ELDER_MIN_FONT = 16;
const BUSINESS = 'household-certificate';
/** A11Y_PAGES=<route prefix> checks only those pages (e.g. packages/business while working on them); every page by default. */
const ONLY = process.env.A11Y_PAGES ?? '';

interface Finding {
  page: string;
  mode: 'normal' | 'elder';
  rule: string;
  target: string;
}

const page = () => journey.browser.page;

async function setElder(on: boolean): Promise<void> {
  await page().evaluate((v) => localStorage.setItem('hukou.elderMode', JSON.stringify({ data: v })), on);
}

/** An appointment of local-citizen, a paid reissue application with its hall's officer, and a submitted business application. */
async function makeData(): Promise<PageData> {
  const h = journey.harness;
  const r = reissueFlow(h);
  // Monday 2026-03-02 09:00 in Shanghai: 王建国's card may still be reissued online.
  h.setNow(new Date('2026-03-02T01:00:00Z'));
  const paid = await r.paidApplication('local-citizen');
  let reviewer = 'local-officer';
  if (paid.hallId !== 'haikou-longhua') {
    reviewer = 'e2e-a11y-reviewer';
    await inviteOfficer(h, reviewer, [paid.hallId]);
  }
  const b = businessFlow(h);
  const draft = await b.ok('local-citizen', 'apply', {
    kind: 'householdCertificate',
    hallId: 'haikou-longhua',
    details: { purpose: '子女入学' },
    requestId: 'a11y-e2e-business-1',
  });
  const attached = await b.attach('local-citizen', draft, 'm0');
  const business = await b.ok('local-citizen', 'submit', { applicationId: draft.id, expectedVersion: attached.version });
  h.setNow(undefined);

  const today = shanghaiDate(new Date());
  let appointmentId = '';
  for (let i = 1; i <= 14 && !appointmentId; i++) {
    const date = addDays(today, i);
    h.setNow(shanghaiInstant(date, '05:00'));
    const res = await h.call('booking', { action: 'availability', data: { hallId: 'haikou-longhua', business: BUSINESS, date } }, 'local-citizen');
    const slot = res.body.data?.slots?.[0];
    if (!slot) continue;
    const booked = await h.call(
      'booking',
      { action: 'reserve', data: { hallId: 'haikou-longhua', business: BUSINESS, slotId: slot.slotId }, requestId: `a11y-e2e-booking-${i}` },
      'local-citizen',
    );
    if (!booked.body.ok) throw new Error(`reserve refused: ${JSON.stringify(booked.body.error)}`);
    appointmentId = booked.body.data.id;
  }
  h.setNow(undefined);
  if (!appointmentId) throw new Error(`haikou-longhua takes no bookings of ${BUSINESS} in the next 14 days`);
  return { guideId: 'household-certificate', hallId: 'haikou-longhua', appointmentId, applicationId: paid.id, reviewer, businessApplicationId: business.id };
}

async function open(visit: PageVisit, data: PageData): Promise<void> {
  const url = `${journey.harness.cloud.url}/#/${visit.route}${visit.query ? `?${visit.query(data)}` : ''}`;
  await page().goto('about:blank');
  await page().goto(url);
  await page().locator('.page:visible').first().waitFor();
  if (visit.ready) await page().locator(`${visit.ready}:visible`).first().waitFor();
  await page().waitForFunction(() => !Array.from(document.querySelectorAll<HTMLElement>('.load-state--loading')).some((e) => e.offsetParent !== null));
  await page().waitForFunction(() => document.getAnimations().every((a) => a.playState !== 'running'));
}

/** axe with the WCAG 2.x A/AA rules (and, in elder mode, the enhanced contrast): serious and critical only. */
async function axeFindings(elder: boolean): Promise<{ rule: string; target: string }[]> {
  if (!(await page().evaluate(() => 'axe' in window))) await page().addScriptTag({ path: AXE });
  return page().evaluate(
    async ({ tags, elder }) => {
      const axe = (window as unknown as { axe: any }).axe; // eslint-disable-line @typescript-eslint/no-explicit-any
      const run = async (options: unknown) => (await axe.run(document, options)).violations as { id: string; impact: string; nodes: { target: string[] }[] }[];
      const found = (await run({ runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] })).filter((v) => v.impact === 'serious' || v.impact === 'critical');
      if (elder)
        found.push(
          ...(await run({ runOnly: { type: 'rule', values: ['color-contrast-enhanced'] }, resultTypes: ['violations'] })).map((v) => ({
            ...v,
            id: 'elder-color-contrast-enhanced',
          })),
        );
      return found.flatMap((v) => v.nodes.map((n) => ({ rule: v.id, target: n.target.join(' ') })));
    },
    { tags: WCAG_AA, elder },
  );
}

/** Tap targets, zoom, time ranges and (elder) text size, measured in the page. */
async function ownFindings(elder: boolean): Promise<{ rule: string; target: string }[]> {
  return page().evaluate(
    ({ min, elder, elderFont }) => {
      const axe = (window as unknown as { axe: any }).axe; // eslint-disable-line @typescript-eslint/no-explicit-any
      const out: { rule: string; target: string }[] = [];
      const describe = (el: Element) => {
        const cls = (el.getAttribute('class') ?? '')
          .split(/\s+/)
          .filter((c) => c && !c.startsWith('hydrated'))
          .slice(0, 2)
          .join('.');
        return `${el.tagName.toLowerCase()}${cls ? `.${cls}` : ''} "${(el.textContent ?? '').trim().slice(0, 16)}"`;
      };
      const shown = (el: Element) => {
        const r = el.getBoundingClientRect();
        const s = getComputedStyle(el);
        return r.width > 0 && r.height > 0 && s.visibility !== 'hidden' && s.display !== 'none' && !el.closest('[aria-hidden="true"]');
      };
      const reactProps = (el: Element): Record<string, unknown> | undefined => {
        const key = Object.keys(el).find((k) => k.startsWith('__reactProps$'));
        return key ? (el as unknown as Record<string, Record<string, unknown>>)[key] : undefined;
      };

      const meta = document.querySelector('meta[name="viewport"]')?.getAttribute('content') ?? '';
      const maxScale = /maximum-scale\s*=\s*([\d.]+)/.exec(meta);
      if (/user-scalable\s*=\s*(no|0)/.test(meta) || (maxScale && Number(maxScale[1]) < 2)) out.push({ rule: 'zoom-forbidden', target: meta });

      const ROLES = ['button', 'link', 'checkbox', 'switch', 'radio', 'tab', 'menuitem', 'option', 'menuitemcheckbox', 'menuitemradio'];
      const NATIVE = 'input:not([type="hidden"]), textarea, select, button, a[href]';
      axe.setup(document);
      try {
        for (const el of Array.from(document.querySelectorAll('.taro_page *'))) {
          const role = el.getAttribute('role');
          const props = reactProps(el);
          const clickable = typeof props?.onClick === 'function' || typeof props?.onTap === 'function' || ((el as unknown as { __a11yTaps?: number }).__a11yTaps ?? 0) > 0;
          const native = el.matches(NATIVE);
          if (!(clickable || native || (role && ROLES.includes(role)))) continue;
          if (!shown(el)) continue;
          // A click handler on the element that holds a control (a label around a checkbox) is that control's.
          if (clickable && !native && !role && el.querySelector(`${NATIVE}, [role]`)) {
            const inner = el.querySelector<HTMLElement>(`${NATIVE}, [role]`);
            if (inner && ROLES.concat(['textbox']).includes(inner.getAttribute('role') ?? '') && shown(inner)) continue;
            if (inner && inner.matches(NATIVE) && shown(inner)) continue;
          }
          const what = describe(el);
          const implicit = native || el.matches('input, textarea, select, button, a[href]');
          if (!implicit && !(role && ROLES.includes(role))) out.push({ rule: 'target-no-role', target: what });
          if ((el as HTMLElement).tabIndex < 0 && !(el as HTMLInputElement).disabled && el.getAttribute('aria-disabled') !== 'true')
            out.push({ rule: 'target-not-focusable', target: what });
          const name = (axe.commons.text.accessibleText(el) as string).trim();
          if (!name) out.push({ rule: 'target-no-name', target: what });
          const r = el.getBoundingClientRect();
          if (r.width < min - 0.5 || r.height < min - 0.5) out.push({ rule: 'target-too-small', target: `${what} ${Math.round(r.width)}×${Math.round(r.height)}` });
        }
      } finally {
        axe.teardown();
      }

      // A time range on one line: every rectangle of the match on the same line.
      const walker = document.createTreeWalker(document.querySelector('.taro_page') ?? document.body, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const text = node.textContent ?? '';
        const re = /\d{1,2}:\d{2}\s*[–—~-]\s*\d{1,2}:\d{2}/g;
        for (let m = re.exec(text); m; m = re.exec(text)) {
          const range = document.createRange();
          range.setStart(node, m.index);
          range.setEnd(node, m.index + m[0].length);
          const tops = new Set(
            Array.from(range.getClientRects())
              .filter((b) => b.width > 0)
              .map((b) => Math.round(b.top)),
          );
          if (tops.size > 1) out.push({ rule: 'time-split', target: `${describe(node.parentElement!)} "${m[0]}"` });
        }
        if (elder && node.parentElement && text.trim() && shown(node.parentElement)) {
          const size = parseFloat(getComputedStyle(node.parentElement).fontSize);
          if (size < elderFont - 0.01) out.push({ rule: 'elder-small-text', target: `${describe(node.parentElement)} ${size}px` });
        }
      }
      return out;
    },
    { min: MIN_TARGET, elder, elderFont: ELDER_MIN_FONT },
  );
}

test('every page in both text sizes: no serious WCAG 2.1 AA violation, every control named, focusable and 44×44, zoom allowed', async () => {
  const routes = everyRoute();
  expect(routes.filter((r) => !PAGES.some((p) => p.route === r))).toEqual([]);

  // Taro's H5 components take their click handlers through addEventListener, not React props: count them.
  await journey.browser.context.addInitScript(() => {
    const add = EventTarget.prototype.addEventListener;
    const remove = EventTarget.prototype.removeEventListener;
    const count = (target: EventTarget, type: string, by: number) => {
      if ((type === 'click' || type === 'tap') && target instanceof Element) {
        const t = target as unknown as { __a11yTaps?: number };
        t.__a11yTaps = (t.__a11yTaps ?? 0) + by;
      }
    };
    EventTarget.prototype.addEventListener = function (
      this: EventTarget,
      type: string,
      listener: EventListenerOrEventListenerObject | null,
      options?: boolean | AddEventListenerOptions,
    ) {
      if (listener) count(this, type, 1);
      return add.call(this, type, listener, options);
    };
    EventTarget.prototype.removeEventListener = function (
      this: EventTarget,
      type: string,
      listener: EventListenerOrEventListenerObject | null,
      options?: boolean | EventListenerOptions,
    ) {
      if (listener) count(this, type, -1);
      return remove.call(this, type, listener, options);
    };
  });
  const data = await makeData();
  const findings: Finding[] = [];
  for (const mode of ['normal', 'elder'] as const) {
    let persona = '';
    for (const visit of PAGES.filter((v) => v.route.startsWith(ONLY))) {
      const who = visit.persona === 'reviewer' ? data.reviewer : visit.persona;
      if (who !== persona) {
        await actAs(page(), journey.harness.cloud.url, who, (name) => journey.browser.shot(name));
        persona = who;
      }
      await setElder(mode === 'elder');
      await open(visit, data);
      if (mode === 'elder') await page().locator('.page--elder:visible').first().waitFor();
      const name = visit.route.replace(/\//g, '-');
      await journey.browser.shot(`a11y-${name}-${mode}`);
      const found = [...(await axeFindings(mode === 'elder')), ...(await ownFindings(mode === 'elder'))];
      findings.push(...found.map((f) => ({ page: visit.route, mode, ...f })));
    }
  }
  await setElder(false);

  const byRule: Record<string, Record<string, number>> = {};
  for (const f of findings) {
    byRule[f.rule] ??= {};
    const key = `${f.page} (${f.mode})`;
    byRule[f.rule][key] = (byRule[f.rule][key] ?? 0) + 1;
  }
  const summary = Object.fromEntries(Object.entries(byRule).map(([rule, pages]) => [rule, { total: Object.values(pages).reduce((a, b) => a + b, 0), pages }]));
  mkdirSync(path.join(ROOT, 'test-results'), { recursive: true });
  writeFileSync(path.join(ROOT, 'test-results', 'accessibility.json'), JSON.stringify({ summary, findings }, null, 2));
  expect(findings).toEqual([]);
  expect(journey.pageErrors).toEqual([]);
});
