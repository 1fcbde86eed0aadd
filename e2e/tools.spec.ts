import { expect, test, type CDPSession, type Page } from '@playwright/test';
import { canvasOrigin, drawPath, items, joinBoard, newPage, startWorkshop } from './helpers';

// Local helpers (kept here rather than in helpers.ts, which another engineer edits at the same time).

interface Full {
  id: string;
  kind: string;
  author: string;
  x: number;
  y: number;
  shape?: string;
  tool?: string;
  text?: string;
}

async function full(page: Page): Promise<Full[]> {
  return page.evaluate(() => (window.__sketchroom?.board?.allItems() ?? []) as unknown as Full[]);
}

async function drag(page: Page, from: [number, number], to: [number, number]): Promise<void> {
  await drawPath(page, [from, [(from[0] + to[0]) / 2, (from[1] + to[1]) / 2], to]);
}

const tool = (page: Page, name: string) => page.getByRole('toolbar', { name: 'Drawing tools' }).getByRole('button', { name, exact: true });

async function zoomPercent(page: Page): Promise<number> {
  const text = await page.getByRole('button', { name: /^Zoom \d+ %/ }).textContent();
  return Number(text?.replace('%', ''));
}

const TOOLS: Array<[string, string]> = [
  ['Select', 'v'],
  ['Pen', 'p'],
  ['Highlighter', 'h'],
  ['Eraser', 'e'],
  ['Line', 'l'],
  ['Arrow', 'a'],
  ['Rectangle', 'r'],
  ['Ellipse', 'o'],
  ['Text', 't'],
  ['Sticky note', 'n'],
];

test('every tool is a labelled button with its shortcut in the tooltip, picked by click and by key', async ({ page }) => {
  await startWorkshop(page, 'Tool buttons');
  for (const [name, key] of TOOLS) {
    await expect(tool(page, name)).toHaveAttribute('title', `${name} (${key.toUpperCase()})`);
    await tool(page, name).click();
    await expect(tool(page, name)).toHaveAttribute('aria-pressed', 'true');
    await tool(page, 'Pen').click();
    await page.mouse.move(5, 300); // keyboard focus back on the page, not on a button
    await page.keyboard.press(key);
    await expect(tool(page, name)).toHaveAttribute('aria-pressed', 'true');
  }
  await tool(page, 'Hand').click();
  await expect(tool(page, 'Hand')).toHaveAttribute('aria-pressed', 'true');
  await expect(tool(page, 'Hand')).toHaveAttribute('title', 'Hand (hold Space)');
  // The style panel follows the tool: fills for rectangles, sizes for text, nothing for the eraser.
  await page.keyboard.press('r');
  await expect(page.getByRole('button', { name: 'Light fill' })).toBeVisible();
  await page.keyboard.press('t');
  await expect(page.getByRole('group', { name: 'Text size' }).getByRole('button', { name: 'Large' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Light fill' })).toHaveCount(0);
  await page.keyboard.press('e');
  await expect(page.getByRole('group', { name: 'Style' })).toHaveCount(0);
});

test('each drawing tool makes its kind of item; undo and redo take back whole gestures', async ({ page }) => {
  await startWorkshop(page, 'Drawing tools');
  await tool(page, 'Pen').click();
  await drawPath(page, [[150, 200], [200, 180], [250, 220], [300, 190]]);
  await page.keyboard.press('h');
  await drag(page, [150, 260], [320, 260]);
  await tool(page, 'Rectangle').click();
  await page.getByRole('button', { name: 'Solid fill' }).click();
  await drag(page, [400, 150], [520, 250]);
  await page.keyboard.press('o');
  await drag(page, [560, 150], [680, 250]);
  await tool(page, 'Line').click();
  await drag(page, [400, 300], [520, 360]);
  await page.keyboard.press('a');
  await drag(page, [560, 300], [680, 360]);
  await expect.poll(async () => (await full(page)).map((i) => i.shape ?? i.tool)).toEqual(['pen', 'highlighter', 'rect', 'ellipse', 'line', 'arrow']);
  expect((await full(page))[2]).toMatchObject({ x: 400, y: 150, w: 120, h: 100, fill: 'solid' });

  const o = await canvasOrigin(page);
  await page.keyboard.press('t');
  await page.mouse.click(o.x + 150, o.y + 420);
  await page.keyboard.type('Hello');
  await page.keyboard.press('Enter');
  await page.keyboard.type('there');
  await page.keyboard.press('Escape');
  await tool(page, 'Sticky note').click();
  await page.mouse.click(o.x + 800, o.y + 250);
  await page.keyboard.type('Our idea');
  await page.mouse.click(o.x + 1100, o.y + 500); // ends editing, adds no second note
  await expect.poll(async () => (await full(page)).slice(6).map((i) => [i.kind, i.text])).toEqual([
    ['text', 'Hello\nthere'],
    ['sticky', 'Our idea'],
  ]);

  // Undo: the note with its words in one step, then the text, then the arrow; redo brings the arrow back.
  const undo = page.getByRole('button', { name: 'Undo' });
  await undo.click();
  await undo.click();
  await page.keyboard.press('Control+z');
  await expect.poll(async () => (await full(page)).length).toBe(5);
  await page.keyboard.press('Control+Shift+z');
  await expect.poll(async () => (await full(page)).map((i) => i.shape ?? i.tool).at(-1)).toBe('arrow');
});

test('select moves, Escape reverts a drag, Delete removes, Ctrl+D duplicates; eraser removes strokes it crosses', async ({ page }) => {
  await startWorkshop(page, 'Select and erase');
  await tool(page, 'Rectangle').click();
  await drag(page, [300, 200], [400, 300]);
  await page.keyboard.press('v');
  await drag(page, [350, 250], [450, 300]);
  await expect.poll(async () => (await full(page))[0]).toMatchObject({ x: 400, y: 250 });
  // Escape mid-drag: back to where it was.
  const o = await canvasOrigin(page);
  await page.mouse.move(o.x + 450, o.y + 300);
  await page.mouse.down();
  await page.mouse.move(o.x + 600, o.y + 500, { steps: 5 });
  await expect.poll(async () => (await full(page))[0]!.x).toBeGreaterThan(500);
  await page.keyboard.press('Escape');
  await page.mouse.up();
  await expect.poll(async () => (await full(page))[0]).toMatchObject({ x: 400, y: 250 });
  await page.keyboard.press('Control+d');
  await expect.poll(async () => (await full(page)).length).toBe(2);
  await page.keyboard.press('Delete');
  await expect.poll(async () => (await full(page)).length).toBe(1);

  await tool(page, 'Pen').click();
  await drawPath(page, [[100, 500], [300, 500]]);
  await drawPath(page, [[100, 600], [300, 600]]);
  await tool(page, 'Eraser').click();
  await drag(page, [200, 450], [200, 540]);
  await expect.poll(async () => (await full(page)).map((i) => i.kind)).toEqual(['shape', 'stroke']);
  await expect.poll(async () => (await full(page))[1]!.y).toBe(600);
});

test('the hand and Space pan the board; zoom buttons and Ctrl+wheel zoom, clamped', async ({ page }) => {
  await startWorkshop(page, 'Camera');
  await tool(page, 'Hand').click();
  await drag(page, [600, 400], [500, 350]); // the board moves left/up: screen (300, 300) is now board (400, 350)
  await tool(page, 'Pen').click();
  await drawPath(page, [[300, 300], [310, 300]]);
  await expect.poll(async () => (await full(page))[0]).toMatchObject({ x: 400, y: 350 });
  // Space held + drag pans too, and draws nothing.
  const o = await canvasOrigin(page);
  await page.mouse.move(o.x + 500, o.y + 400);
  await page.keyboard.down('Space');
  await page.mouse.down();
  await page.mouse.move(o.x + 600, o.y + 450, { steps: 4 });
  await page.mouse.up();
  await page.keyboard.up('Space');
  expect(await full(page)).toHaveLength(1);
  await page.getByRole('button', { name: 'Zoom in' }).click();
  expect(await zoomPercent(page)).toBe(125);
  await page.getByRole('button', { name: 'Zoom out' }).click();
  await page.getByRole('button', { name: 'Zoom out' }).click();
  expect(await zoomPercent(page)).toBe(75);
  await page.mouse.move(o.x + 600, o.y + 350); // the wheel goes to what is under the pointer
  await page.keyboard.down('Control');
  for (let i = 0; i < 30; i++) await page.mouse.wheel(0, 200);
  await page.keyboard.up('Control');
  await expect.poll(() => zoomPercent(page)).toBe(10);
  await page.getByRole('button', { name: 'Zoom to fit' }).click();
  await expect.poll(() => zoomPercent(page)).toBeGreaterThan(10);
  await page.keyboard.press('?');
  await expect(page.getByRole('dialog', { name: 'Keyboard shortcuts' })).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog', { name: 'Keyboard shortcuts' })).toHaveCount(0);
});

test('undo across two people: my undo never removes your stroke', async ({ browser }) => {
  const alice = await newPage(browser);
  const bob = await newPage(browser);
  const url = await startWorkshop(alice, 'Two undos');
  await joinBoard(bob, url, 'Bob');
  await drawPath(alice, [[200, 200], [300, 220]]);
  await expect.poll(async () => (await items(bob)).length).toBe(1);
  await drawPath(bob, [[200, 400], [300, 420]]);
  await expect.poll(async () => (await items(alice)).length).toBe(2);
  await alice.keyboard.press('Control+z');
  await expect.poll(async () => (await items(bob)).length).toBe(1);
  const [left] = await items(bob);
  expect(left!.author).toBe(await bob.evaluate(() => window.__sketchroom!.identity!.participantId));
  // Alice has nothing more to undo: Bob's stroke stays.
  await alice.keyboard.press('Control+z');
  await alice.waitForTimeout(300);
  expect(await items(alice)).toHaveLength(1);
  await alice.keyboard.press('Control+Shift+z');
  await expect.poll(async () => (await items(bob)).length).toBe(2);
  // Bob may not erase Alice's stroke (only his own goes).
  await bob.getByRole('button', { name: 'Eraser', exact: true }).click();
  await drag(bob, [250, 150], [250, 450]);
  await expect.poll(async () => (await items(alice)).length).toBe(1);
  expect((await items(alice))[0]!.author).toBe(await alice.evaluate(() => window.__sketchroom!.identity!.participantId));
});

test('copy and paste carry items to another board as the paster’s own', async ({ browser }) => {
  const page = await newPage(browser);
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
  await startWorkshop(page, 'Source');
  await tool(page, 'Ellipse').click();
  await drag(page, [300, 300], [400, 380]);
  await page.keyboard.press('Control+a');
  await page.keyboard.press('Control+c');
  const other = await page.context().newPage();
  await startWorkshop(other, 'Target');
  const o = await canvasOrigin(other);
  await other.mouse.move(o.x + 700, o.y + 400);
  await other.keyboard.press('Control+v');
  await expect.poll(async () => (await full(other)).length).toBe(1);
  const [pasted] = await full(other);
  expect(pasted).toMatchObject({ kind: 'shape', shape: 'ellipse' });
  expect(pasted!.author).toBe(await other.evaluate(() => window.__sketchroom!.identity!.participantId));
  expect(Math.abs(pasted!.x + 50 - 700)).toBeLessThan(8);
});

async function touch(cdp: CDPSession, type: 'touchStart' | 'touchMove' | 'touchEnd', points: Array<[number, number]>): Promise<void> {
  await cdp.send('Input.dispatchTouchEvent', { type, touchPoints: points.map(([x, y], id) => ({ x, y, id, radiusX: 4, radiusY: 4, force: 1 })) });
}

test('on a touch screen one finger draws and two fingers pinch-zoom without drawing', async ({ browser }) => {
  const setup = await newPage(browser);
  const url = await startWorkshop(setup, 'Touch');
  const context = await browser.newContext({ viewport: { width: 1366, height: 768 }, hasTouch: true, isMobile: false });
  const page = await context.newPage();
  await joinBoard(page, url, 'Tia');
  const cdp = await context.newCDPSession(page);
  const o = await canvasOrigin(page);
  await touch(cdp, 'touchStart', [[o.x + 200, o.y + 300]]);
  for (let i = 1; i <= 10; i++) await touch(cdp, 'touchMove', [[o.x + 200 + i * 20, o.y + 300 + Math.sin(i) * 10]]);
  await touch(cdp, 'touchEnd', []);
  await expect.poll(async () => (await items(page)).length).toBe(1);
  const before = await zoomPercent(page);
  await touch(cdp, 'touchStart', [[o.x + 600, o.y + 400], [o.x + 700, o.y + 400]]);
  for (let i = 1; i <= 10; i++) await touch(cdp, 'touchMove', [[o.x + 600 - i * 10, o.y + 400], [o.x + 700 + i * 10, o.y + 400]]);
  await touch(cdp, 'touchEnd', []);
  await expect.poll(() => zoomPercent(page)).toBeGreaterThan(before * 1.5);
  expect(await items(page)).toHaveLength(1);
});
