/**
 * Issue 5, facilitation (first increment): a facilitator and two participants. The Facilitate
 * panel edits the prompt, runs the shared timer (the same seconds on every screen, on the server's
 * clock), locks drawing by hand and when the time is up, and clears the board (one undo brings it back).
 */
import { expect, test, type Browser, type Page } from '@playwright/test';
import { drawPath, items, joinBoard, startWorkshop, wave } from './helpers';

test.describe.configure({ mode: 'serial' });

async function page(browser: Browser): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1366, height: 768 }, deviceScaleFactor: 1 });
  return context.newPage();
}

/** Seconds shown on a page's timer chip (mm:ss), or null for "Time's up". */
async function chipSeconds(p: Page): Promise<number | null> {
  const text = (await p.getByRole('timer', { name: 'Time left' }).locator('.timer-text').textContent()) ?? '';
  const m = /^(\d+):(\d\d)$/.exec(text.trim());
  return m ? Number(m[1]) * 60 + Number(m[2]) : null;
}

/** The facilitator moves the running timer's end (server clock ~ this machine's clock in the test). */
async function endTimerIn(fac: Page, ms: number): Promise<void> {
  await fac.evaluate((inMs) => {
    const session = (window.__sketchroom!.board as unknown as { doc: { getMap(n: string): { get(k: string): unknown; set(k: string, v: unknown): void } } }).doc.getMap('session');
    const timer = session.get('timer') as Record<string, unknown>;
    session.set('timer', { ...timer, endsAt: Date.now() + inMs });
  }, ms);
}

test('facilitator: prompt, shared timer, lock, lock when time is up, clear and undo', async ({ browser }) => {
  // Three people, two timer runs and a clear: ~55 s on a quiet 2-core machine, more when it is busy.
  test.setTimeout(150_000);
  const fac = await page(browser);
  const ada = await page(browser);
  const ben = await page(browser);
  const url = await startWorkshop(fac, 'Facilitation');
  await joinBoard(ada, url, 'Ada');
  await joinBoard(ben, url, 'Ben');

  // Only the facilitator has the Facilitate button.
  await expect(fac.getByRole('button', { name: 'Facilitate' })).toBeVisible();
  await expect(ada.getByRole('button', { name: 'Facilitate' })).toHaveCount(0);
  await expect(ben.getByRole('button', { name: 'Facilitate' })).toHaveCount(0);

  // The prompt: edited in the panel, shown live on every screen.
  await fac.getByRole('button', { name: 'Facilitate' }).click();
  const panel = fac.getByRole('dialog', { name: 'Facilitate' });
  await panel.getByLabel('Prompt').fill('Draw your way to work');
  await panel.getByRole('button', { name: 'Save prompt' }).click();
  for (const p of [fac, ada, ben]) await expect(p.getByLabel('Prompt: Draw your way to work')).toBeVisible();

  // The timer: 1 minute, the same seconds on all three screens.
  await expect(ada.getByRole('timer')).toHaveCount(0);
  await panel.getByRole('button', { name: '1 min' }).click();
  await expect(panel.getByRole('button', { name: '1 min' })).toHaveAttribute('aria-pressed', 'true');
  await panel.getByRole('button', { name: 'Start' }).click();
  for (const p of [fac, ada, ben]) await expect(p.getByRole('timer', { name: 'Time left' })).toBeVisible();
  for (let i = 0; i < 3; i++) {
    const [a, b, c] = await Promise.all([chipSeconds(fac), chipSeconds(ada), chipSeconds(ben)]);
    expect(a).not.toBeNull();
    expect(a!).toBeLessThanOrEqual(60);
    expect(a!).toBeGreaterThan(40);
    expect(Math.max(a!, b!, c!) - Math.min(a!, b!, c!)).toBeLessThanOrEqual(1);
    await fac.waitForTimeout(700);
  }
  // Pause stops it everywhere; Resume and Add a minute.
  await panel.getByRole('button', { name: 'Pause' }).click();
  await expect(ada.getByRole('timer')).toContainText('Paused');
  const paused = await chipSeconds(ada);
  await ada.waitForTimeout(1200);
  expect(await chipSeconds(ada)).toBe(paused);
  await panel.getByRole('button', { name: 'Resume' }).click();
  await expect(ada.getByRole('timer')).not.toContainText('Paused');
  await panel.getByRole('button', { name: 'Add a minute' }).click();
  await expect.poll(() => chipSeconds(ben)).toBeGreaterThan(100);

  // Lock drawing by hand: Ada's pen goes, the calm notice shows; unlock restores it.
  const lock = panel.getByRole('switch', { name: 'Lock drawing' });
  await expect(lock).toHaveAttribute('aria-checked', 'false');
  await lock.click();
  await expect(lock).toHaveAttribute('aria-checked', 'true');
  await expect(ada.getByRole('status').filter({ hasText: 'The facilitator has paused drawing.' })).toBeVisible();
  await expect(ada.getByRole('button', { name: 'Pen' })).toHaveCount(0);
  await drawPath(ada, wave(300, 300));
  await ada.waitForTimeout(300);
  expect(await items(fac)).toHaveLength(0);
  await lock.click();
  await expect(ada.getByRole('button', { name: 'Pen' })).toBeVisible();
  await drawPath(ada, wave(300, 300));
  await drawPath(ben, wave(300, 420));
  await drawPath(fac, wave(300, 540));
  await expect.poll(async () => (await items(fac)).length).toBe(3);

  // Lock when time is up: the facilitator ticks the box; the run is brought to its last seconds.
  await panel.getByLabel('Lock drawing when time is up').check();
  await endTimerIn(fac, 3_000);
  await expect.poll(() => chipSeconds(ada)).toBeLessThanOrEqual(3);
  await expect(ada.getByRole('timer')).toHaveAttribute('data-tone', 'soon');
  for (const p of [fac, ada, ben]) await expect(p.getByRole('timer', { name: 'Time left' })).toHaveText('Time’s up', { timeout: 8_000 });
  await expect(ben.getByRole('status').filter({ hasText: 'The facilitator has paused drawing.' })).toBeVisible();
  await expect(lock).toHaveAttribute('aria-checked', 'true');
  // Unlocking after the time is up sticks: the lock happened once.
  await lock.click();
  await expect(ben.getByRole('button', { name: 'Pen' })).toBeVisible();
  await fac.waitForTimeout(800);
  await expect(lock).toHaveAttribute('aria-checked', 'false');
  await panel.getByRole('button', { name: 'Stop' }).click();
  for (const p of [fac, ada, ben]) await expect(p.getByRole('timer')).toHaveCount(0);

  // Clear the board after a confirmation; every screen empties; the facilitator's Undo brings it all back.
  await panel.getByRole('button', { name: 'Clear board' }).click();
  const confirm = fac.getByRole('dialog', { name: 'Clear the board?' });
  await expect(confirm).toContainText('Everyone’s drawings will be removed. You can undo this.');
  await confirm.getByRole('button', { name: 'Cancel' }).click();
  await expect(confirm).toBeHidden();
  expect(await items(ada)).toHaveLength(3);
  await panel.getByRole('button', { name: 'Clear board' }).click();
  await confirm.getByRole('button', { name: 'Yes, clear the board' }).click();
  for (const p of [fac, ada, ben]) await expect.poll(async () => (await items(p)).length).toBe(0);
  await fac.getByRole('button', { name: 'Undo' }).click();
  for (const p of [fac, ada, ben]) await expect.poll(async () => (await items(p)).length).toBe(3);
  expect(new Set((await items(ben)).map((i) => i.author)).size).toBe(3);
});
