/**
 * Issue 5, the projector view: the facilitator starts a workshop and copies the projector link; a
 * 1920x1080 screen opens it. No tools; the prompt, the join code and the timer large; the drawing
 * fitted under the header, also when something is drawn far away; the join code can be hidden.
 */
import { expect, test, type Browser, type Page } from '@playwright/test';
import { camera, countInk, drawPath, items, openProjectorLink, restingCamera, startWorkshop, wave } from './helpers';

test.describe.configure({ mode: 'serial' });

async function open(browser: Browser, width: number, height: number): Promise<Page> {
  const context = await browser.newContext({ viewport: { width, height }, deviceScaleFactor: 1 });
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  return context.newPage();
}

const fontPx = (page: Page, selector: string) => page.locator(selector).first().evaluate((el) => parseFloat(getComputedStyle(el).fontSize));

/** The screen point of a board point on the projector. */
async function onScreen(page: Page, x: number, y: number): Promise<{ x: number; y: number }> {
  const c = await camera(page);
  return { x: (x - c.x) * c.zoom, y: (y - c.y) * c.zoom };
}

/**
 * Ink of `hex` in a w x h screen box around a board point, 0 while the point is off screen. The
 * point is read afresh on every call: the fit glides in, and a point read mid-glide would send a
 * later count to an empty patch (a clean-clone run failed that way).
 */
async function inkAround(page: Page, x: number, y: number, w: number, h: number, hex: string): Promise<number> {
  const p = await onScreen(page, x, y);
  if (p.x <= 0 || p.x >= 1920) return 0;
  return countInk(page, p.x - w / 2, p.y - h / 2, w, h, hex);
}

test('projector: no tools, big prompt, join code and timer, drawings fitted, join code switch', async ({ browser }) => {
  test.setTimeout(90_000);
  const fac = await open(browser, 1366, 768);
  const wall = await open(browser, 1920, 1080);

  await startWorkshop(fac, 'Projector check');
  // The prompt, from the Facilitate panel.
  await fac.getByRole('button', { name: 'Facilitate' }).click();
  const panel = fac.getByRole('dialog', { name: 'Facilitate' });
  await panel.getByLabel('Prompt').fill('Draw the way you came here today');
  await panel.getByRole('button', { name: 'Save prompt' }).click();
  await panel.getByRole('button', { name: 'Close' }).click();

  // The join code the Invite panel shows, then the projector link copied from it, as the facilitator would.
  await fac.getByRole('button', { name: 'Invite' }).click();
  const invite = fac.getByRole('dialog', { name: 'Invite people' });
  await expect(invite.getByLabel('Join code')).toHaveText(/^[A-Z2-9]{3}\s*[A-Z2-9]{3}$/);
  const code = ((await invite.getByLabel('Join code').textContent()) ?? '').replace(/\s+/g, '');
  await invite.getByRole('button', { name: 'Close' }).click();
  await openProjectorLink(fac, wall);
  expect(await wall.evaluate(() => window.__sketchroom?.identity?.role)).toBe('projector');

  // No tools, no controls.
  await expect(wall.getByRole('heading', { name: /Prompt: Draw the way you came here today/ })).toBeVisible();
  await expect(wall.getByRole('button', { name: 'Pen' })).toHaveCount(0);
  await expect(wall.getByRole('toolbar')).toHaveCount(0);
  await expect(wall.getByRole('button', { name: /zoom|undo/i })).toHaveCount(0);
  await expect(wall.getByRole('button', { name: /People|Invite|Facilitate/ })).toHaveCount(0);

  // Prompt and join code: the right text, at least 40 px.
  await expect(wall.locator('.proj-prompt')).toHaveText('Draw the way you came here today');
  expect(await fontPx(wall, '.proj-prompt')).toBeGreaterThanOrEqual(40);
  const shown = wall.getByLabel('Join code');
  await expect(shown).toHaveAttribute('data-code', code);
  await expect(shown).toHaveText(`${code.slice(0, 3)}${code.slice(3)}`);
  expect(await fontPx(wall, '.proj-code')).toBeGreaterThanOrEqual(40);
  await expect(wall.getByRole('img', { name: /QR code of the join link/ })).toBeVisible();

  // The timer appears when the facilitator starts it.
  await expect(wall.getByRole('timer')).toHaveCount(0);
  await fac.getByRole('button', { name: 'Facilitate' }).click();
  await panel.getByRole('button', { name: '3 min' }).click();
  await panel.getByRole('button', { name: 'Start' }).click();
  await expect(wall.getByRole('timer')).toHaveText(/0[23]:\d\d/);
  expect(await fontPx(wall, '.proj-head .timer-chip')).toBeGreaterThanOrEqual(40);
  await panel.getByRole('button', { name: 'Close' }).click();

  // The facilitator draws; the projector shows it under the header.
  await fac.getByRole('button', { name: 'Pen' }).click();
  await drawPath(fac, wave(300, 300, 300));
  await expect.poll(async () => (await items(wall)).length).toBe(1);
  const [first] = await items(wall);
  const headerBottom = await wall.locator('.proj-head').evaluate((el) => el.getBoundingClientRect().bottom);
  await expect.poll(async () => (await onScreen(wall, 450, 300)).y).toBeGreaterThan(headerBottom);
  await expect.poll(() => inkAround(wall, 450, 300, 400, 120, first!.color)).toBeGreaterThan(50);

  // A stroke far away (the facilitator scrolls 4000 px right and 1500 down): the projector refits,
  // both strokes are on screen, below the header.
  await fac.mouse.move(683, 400);
  await fac.mouse.wheel(4000, 1500);
  await drawPath(fac, wave(300, 300, 300));
  await expect.poll(async () => (await items(wall)).length).toBe(2);
  await expect
    .poll(async () => {
      const a = await onScreen(wall, 300, 300), b = await onScreen(wall, 4600, 1800);
      return a.x > 0 && a.y > headerBottom && b.x < 1920 && b.y < 1080;
    }, { timeout: 10_000 })
    .toBe(true);
  // Settled (the glide is over), and the far ink is really painted there.
  const settled = await restingCamera(wall);
  await expect.poll(() => inkAround(wall, 4450, 1800, 240, 80, first!.color)).toBeGreaterThan(10);

  // The wall's view is steered by the fit only: a wheel or a drag on it moves nothing.
  await wall.mouse.move(960, 700);
  await wall.mouse.wheel(0, 800);
  await wall.keyboard.down('Control');
  await wall.mouse.wheel(0, -500);
  await wall.keyboard.up('Control');
  await wall.mouse.down({ button: 'middle' });
  await wall.mouse.move(600, 500, { steps: 5 });
  await wall.mouse.up({ button: 'middle' });
  await wall.waitForTimeout(300);
  expect(await camera(wall)).toEqual(settled);

  // Hiding the join code on the projector, and showing it again.
  await fac.getByRole('button', { name: 'Facilitate' }).click();
  const toggle = panel.getByLabel('Show join code on the projector');
  await expect(toggle).toBeChecked();
  await toggle.uncheck();
  await expect(wall.getByLabel('Join code')).toHaveCount(0);
  await expect(wall.getByRole('img', { name: /QR code/ })).toHaveCount(0);
  await toggle.check();
  await expect(wall.getByLabel('Join code')).toHaveAttribute('data-code', code);
});
