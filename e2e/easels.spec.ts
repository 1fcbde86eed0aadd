/**
 * Issue 5, easels: a facilitator, three participants and a projector. The facilitator gives
 * everyone an easel; easels appear with the artists' names and the grid grows as people join
 * (nobody's easel moves); spotlight and gallery drive the projector's camera; drawing can be kept
 * to one's own easel; labels follow renames; clear board keeps the easels and the facilitator's undo
 * brings the work back.
 * Screenshots of the projector at 1920x1080 go to docs/screens/ when refreshed (`npm run screens`).
 */
import { expect, test, type Browser, type Page } from '@playwright/test';
import { type Cam, camera, countInk, drawPath, type EaselJson, easels, items, joinBoard, openProjectorLink, restingCamera, screenPath, startWorkshop, wave } from './helpers';

test.describe.configure({ mode: 'serial' });

async function open(browser: Browser, width = 1366, height = 768): Promise<Page> {
  const context = await browser.newContext({ viewport: { width, height }, deviceScaleFactor: 1 });
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  return context.newPage();
}

const names = async (page: Page): Promise<string[]> => (await easels(page)).map((e) => e.name);

/** Screen box (px) of a board box under a camera. */
const toScreen = (c: Cam, e: { x: number; y: number; w: number; h: number }) => ({
  left: (e.x - c.x) * c.zoom,
  top: (e.y - c.y) * c.zoom,
  right: (e.x + e.w - c.x) * c.zoom,
  bottom: (e.y + e.h - c.y) * c.zoom,
});

/** Board box of several easels. */
function around(list: EaselJson[]) {
  const minX = Math.min(...list.map((e) => e.x)), minY = Math.min(...list.map((e) => e.y));
  const maxX = Math.max(...list.map((e) => e.x + e.w)), maxY = Math.max(...list.map((e) => e.y + e.h));
  return { x: minX, y: minY, w: maxX - minX, h: maxY - minY };
}

test('easels: named, growing, spotlight and gallery on the projector, easel-only drawing, clear and undo', async ({ browser }) => {
  test.setTimeout(300_000);
  const fac = await open(browser);
  const wall = await open(browser, 1920, 1080);
  const ada = await open(browser);
  const ben = await open(browser);
  const cleo = await open(browser);

  const url = await startWorkshop(fac, 'Open data');
  await joinBoard(ada, url, 'Ada');

  // The projector link, from the Invite panel.
  await openProjectorLink(fac, wall);

  // Easels are off until the facilitator gives everyone one.
  await fac.getByRole('button', { name: 'Facilitate' }).click();
  const panel = fac.getByRole('dialog', { name: 'Facilitate' });
  const easelSwitch = panel.getByRole('switch', { name: 'Give everyone an easel' });
  await expect(easelSwitch).toHaveAttribute('aria-checked', 'false');
  expect(await easels(ada)).toEqual([]);
  await easelSwitch.click();
  await expect(easelSwitch).toHaveAttribute('aria-checked', 'true');
  const list = panel.getByRole('list', { name: 'Easels' });
  await expect(list.getByRole('listitem')).toHaveText([/Ada/]);
  await expect.poll(() => names(wall)).toEqual(['Ada']);
  const adaEasel = (await easels(fac))[0]!;

  // New joiners get theirs automatically; the grid grows and Ada's easel stays where it was.
  await joinBoard(ben, url, 'Ben');
  await expect(list.getByRole('listitem')).toHaveText([/Ada/, /Ben/]);
  await joinBoard(cleo, url, 'Cleo');
  await expect(list.getByRole('listitem')).toHaveText([/Ada/, /Ben/, /Cleo/]);
  for (const p of [fac, wall, ada, ben, cleo]) await expect.poll(() => names(p)).toEqual(['Ada', 'Ben', 'Cleo']);
  const all = await easels(fac);
  expect(all[0]).toEqual(adaEasel);
  // A row wide enough for the projector: Ben to the right of Ada, Cleo to the right of Ben, no overlaps.
  expect(all.map((e) => e.y)).toEqual([all[0]!.y, all[0]!.y, all[0]!.y]);
  expect(all[1]!.x).toBeGreaterThan(all[0]!.x + all[0]!.w);
  expect(all[2]!.x).toBeGreaterThan(all[1]!.x + all[1]!.w);

  // Each participant lands on their own easel.
  for (const [p, i] of [[ada, 0], [ben, 1], [cleo, 2]] as const) {
    const c = await camera(p);
    const box = toScreen(c, all[i]!);
    expect(box.left).toBeGreaterThanOrEqual(0);
    expect(box.right).toBeLessThanOrEqual(1366);
  }

  // Everyone draws in their own easel.
  const inside = (p: Page, e: EaselJson) => async () => {
    const c = await camera(p);
    const s = toScreen(c, e);
    await drawPath(p, wave(s.left + (s.right - s.left) * 0.25, (s.top + s.bottom) / 2, (s.right - s.left) * 0.4));
  };
  await inside(ada, all[0]!)();
  await inside(ben, all[1]!)();
  await inside(cleo, all[2]!)();
  for (const p of [fac, wall]) await expect.poll(async () => (await items(p)).length).toBe(3);

  // The whole board on the projector: every easel fits.
  await expect(wall.locator('.proj-banner')).toHaveCount(0);
  let cam = await restingCamera(wall);
  let box = toScreen(cam, around(all));
  expect(box.left).toBeGreaterThanOrEqual(0);
  expect(box.right).toBeLessThanOrEqual(1920);
  expect(box.bottom).toBeLessThanOrEqual(1080);
  await wall.screenshot({ path: screenPath('projector-easels-board.png') });

  // Spotlight on Ben: the projector zooms to Ben's easel and shows his name big.
  await list.getByRole('button', { name: 'Spotlight Ben' }).click();
  await expect(list.getByRole('button', { name: 'Spotlight Ben' })).toHaveAttribute('aria-pressed', 'true');
  const banner = wall.getByRole('status').filter({ hasText: 'Spotlight' });
  await expect(banner).toContainText('Ben');
  expect(await banner.locator('.proj-banner-name').evaluate((el) => parseFloat(getComputedStyle(el).fontSize))).toBeGreaterThanOrEqual(60);
  cam = await restingCamera(wall);
  box = toScreen(cam, all[1]!);
  // Ben's easel is whole on screen, centred, and large: most of the free height.
  expect(box.left).toBeGreaterThan(0);
  expect(box.right).toBeLessThan(1920);
  expect(Math.abs((box.left + box.right) / 2 - 960)).toBeLessThan(4);
  expect(box.bottom - box.top).toBeGreaterThan(500);
  // Ada's and Cleo's easels are out of the picture (or only at the edge).
  const adaBox = toScreen(cam, all[0]!);
  expect(adaBox.right).toBeLessThan(box.left);
  await wall.screenshot({ path: screenPath('projector-spotlight.png') });
  await fac.screenshot({ path: screenPath('facilitate-easels.png') });

  // Gallery: every easel on the wall as a contact sheet.
  await panel.getByRole('button', { name: 'Gallery' }).click();
  await expect(wall.getByRole('status').filter({ hasText: 'Gallery' })).toContainText('3 easels');
  await expect(list.getByRole('button', { name: 'Spotlight Ben' })).toHaveAttribute('aria-pressed', 'false');
  // The header is one slim row in a gallery (the easels get the height); the join code stays big.
  const head = wall.locator('.proj-head');
  await expect.poll(() => head.evaluate((el) => el.getBoundingClientRect().height)).toBeLessThan(150);
  expect(await wall.getByLabel('Join code').evaluate((el) => parseFloat(getComputedStyle(el).fontSize))).toBeGreaterThanOrEqual(48);
  cam = await restingCamera(wall);
  box = toScreen(cam, around(all));
  expect(box.left).toBeGreaterThanOrEqual(0);
  expect(box.right).toBeLessThanOrEqual(1920);
  expect(box.bottom).toBeLessThanOrEqual(1080);
  expect(box.top).toBeGreaterThanOrEqual(await head.evaluate((el) => el.getBoundingClientRect().bottom));
  // Every name is painted in the top band of its easel (label ink there, nothing else is).
  for (const e of all) {
    const s = toScreen(cam, e);
    const band = { x: Math.round(s.left + 4), y: Math.round(s.top + 4), w: Math.round((s.right - s.left) * 0.6), h: Math.round((s.bottom - s.top) * 0.2) };
    expect(await countInk(wall, band.x, band.y, band.w, band.h, '#2b3138')).toBeGreaterThan(40);
  }
  await wall.screenshot({ path: screenPath('projector-gallery.png') });

  // Whole board again: the full header is back.
  await panel.getByRole('button', { name: 'Whole board' }).click();
  await expect(wall.locator('.proj-banner')).toHaveCount(0);
  await expect.poll(() => head.evaluate((el) => el.getBoundingClientRect().height)).toBeGreaterThan(190);

  // Drawing only in one's easel: Ada cannot start in the gap next to hers, and is told why.
  await panel.getByRole('switch', { name: 'Participants draw only in their easel' }).click();
  await expect.poll(() => ada.evaluate(() => (window.__sketchroom!.board as unknown as { doc: { getMap(n: string): { get(k: string): unknown } } }).doc.getMap('session').get('easelOnly'))).toBe(true);
  const adaCam = await camera(ada);
  const adaScreen = toScreen(adaCam, all[0]!);
  const before = (await items(ada)).length;
  // Just right of her easel (the gutter), on screen.
  const gutter = { x: adaScreen.right + 10, y: (adaScreen.top + adaScreen.bottom) / 2 };
  await drawPath(ada, [[gutter.x, gutter.y], [gutter.x + 6, gutter.y + 4]]);
  await expect(ada.getByRole('status').filter({ hasText: 'Draw inside your own easel' })).toBeVisible();
  await ada.screenshot({ path: screenPath('participant-easel-only.png') });
  await ada.waitForTimeout(300);
  expect((await items(ada)).length).toBe(before);
  await inside(ada, all[0]!)();
  await expect.poll(async () => (await items(fac)).length).toBe(before + 1);
  await panel.getByRole('switch', { name: 'Participants draw only in their easel' }).click();

  // Cleo renames herself in the People panel: her easel's label follows, everywhere.
  await cleo.getByRole('button', { name: /^People/ }).click();
  const people = cleo.getByRole('dialog', { name: /People here/ });
  await people.getByRole('button', { name: 'Change my name' }).click();
  await people.getByLabel('New name').fill('Cleo B.');
  await people.getByRole('button', { name: 'Save' }).click();
  await expect(list.getByRole('listitem')).toHaveText([/Ada/, /Ben/, /Cleo B\./]);
  await expect.poll(() => names(wall)).toEqual(['Ada', 'Ben', 'Cleo B.']);
  await people.getByRole('button', { name: 'Close' }).click();

  // Clear board: confirmation, every item goes, easels stay; the facilitator's undo brings it back.
  await panel.getByRole('button', { name: 'Clear board' }).click();
  const confirm = fac.getByRole('dialog', { name: 'Clear the board?' });
  await expect(confirm).toContainText('Easels stay.');
  await confirm.getByRole('button', { name: 'Yes, clear the board' }).click();
  for (const p of [fac, wall, ada, ben, cleo]) await expect.poll(async () => (await items(p)).length).toBe(0);
  expect(await names(wall)).toEqual(['Ada', 'Ben', 'Cleo B.']);
  expect(await fac.evaluate(() => (window.__sketchroom!.board as unknown as { doc: { getMap(n: string): { get(k: string): unknown } } }).doc.getMap('session').get('epoch'))).toBe(1);
  await fac.getByRole('button', { name: 'Undo' }).click();
  for (const p of [fac, wall, ada, ben, cleo]) await expect.poll(async () => (await items(p)).length).toBe(before + 1);
});
