import { useJourney } from './support/journey';
import { actAs as actAsPersona } from './support/persona';
import { at, requestId } from '../integration/support/bookingFlow';

jest.setTimeout(180_000);

const journey = useJourney();
const HALL = 'haikou-longhua';
const DAY = '2026-12-02';
const slot = (start: string) => `${HALL}:${DAY}:${start.replace(':', '')}`;

const actAs = (persona: string) => actAsPersona(journey.browser.page, journey.harness.cloud.url, persona, (name) => journey.browser.shot(name));

/** 王建国 books for his son, moves it and cancels it: three acts for a family member in the log. */
async function actForSon(): Promise<void> {
  const h = journey.harness;
  h.setNow(at('2026-12-01', '08:30'));
  const call = async (fn: string, action: string, data: Record<string, unknown>, rid?: string) => {
    const body = (await h.call(fn, { action, data, ...(rid ? { requestId: rid } : {}) }, 'local-citizen')).body;
    if (!body.ok) throw new Error(`${action}: ${JSON.stringify(body.error)}`);
    return body.data;
  };
  await call('identity', 'addFamilyMember', { name: '王小明', idNumber: '460106202407201539', relation: 'child' });
  const booked = await call('booking', 'reserve', { hallId: HALL, business: 'id-card-renewal', slotId: slot('09:00'), forMemberId: 'resident-003' }, requestId());
  const moved = await call('booking', 'reschedule', { appointmentId: booked.id, slotId: slot('10:00') }, requestId());
  await call('booking', 'cancel', { appointmentId: moved.id }, requestId());
  h.setNow(undefined);
}

test('an admin reads the audit log in Chinese and filters it by action; an officer reads their hall’s', async () => {
  const { page } = journey.browser;
  await actForSon();
  await actAs('local-admin');
  await page.getByText('发放民警邀请码 · 审计日志').filter({ visible: true }).click();
  await page.locator('[data-row="audit-log"]:visible').click();
  const entry = (action: string) => page.locator(`.audit__entry[data-audit-action="${action}"]:visible`).first();
  await entry('appointment.reserveFor').waitFor();
  for (const [action, name] of [
    ['appointment.reserveFor', '代为预约'],
    ['appointment.rescheduleFor', '代为改约'],
    ['appointment.cancelFor', '代为取消预约'],
    ['family.add', '添加代办家人'],
  ]) {
    await entry(action).filter({ hasText: name }).waitFor();
  }
  await entry('appointment.reserveFor').filter({ hasText: '海口市公安局龙华分局户政服务大厅' }).filter({ hasText: '市民 王** 代 王**' }).waitFor();
  // Halls are folded behind one chip (a dozen would fill a phone screen).
  expect(await page.locator('[data-hall-filter]:visible').count()).toBe(0);
  const text = await page.locator('.audit:visible').innerText();
  // No raw codes or ids on screen.
  expect(text).not.toMatch(/appointment\.|haikou-longhua|resident-\d|local-citizen/);
  await journey.browser.shot('60-audit-log-admin');

  // Filter by one action: only its records stay.
  await page.locator('[data-action-more]:visible').click();
  await page.locator('[data-action-filter="appointment.reserveFor"]:visible').click();
  await page.locator('.audit__entry[data-audit-action="family.add"]:visible').waitFor({ state: 'detached' });
  const actions = await page.locator('.audit__entry:visible').evaluateAll((els) => els.map((el) => el.getAttribute('data-audit-action')));
  expect(actions.length).toBeGreaterThan(0);
  expect(new Set(actions)).toEqual(new Set(['appointment.reserveFor']));
  await journey.browser.shot('61-audit-log-filtered');

  // The officer of the hall reaches the same log from 窗口工作 and sees their hall's records only.
  await actAs('local-officer');
  await page.locator('[data-row="audit-log"]:visible').click();
  await entry('appointment.reserveFor').waitFor();
  expect(await page.locator('.audit__entry[data-audit-action="family.add"]:visible').count()).toBe(0);
  await journey.browser.shot('62-audit-log-officer');
  expect(journey.pageErrors).toEqual([]);
});

test('the citizen’s family page lists their own acts for family members (代办记录)', async () => {
  const { page } = journey.browser;
  await actAs('local-citizen');
  await page.goto(`${journey.harness.cloud.url}/#/packages/identity/family/index`);
  const act = page.locator('.family__act[data-act="appointment.reserveFor"]:visible');
  await act.filter({ hasText: '代为预约 · 王**' }).waitFor();
  await page.locator('.family__act[data-act="appointment.cancelFor"]:visible', { hasText: '代为取消预约' }).waitFor();
  expect(await page.locator('.family__act:visible').count()).toBe(3);
  await journey.browser.shot('63-family-acts-for');
  expect(journey.pageErrors).toEqual([]);
});
