import { expect, test } from '@playwright/test';
import { INK_COLOURS } from '../src/editor/palette';
import { drawPath, expectInkAt, items, joinBoard, newPage, pixelAt, startWorkshop, wave, colourDistance } from './helpers';

test('a facilitator starts a workshop and draws with the pen', async ({ page }) => {
  await startWorkshop(page, 'Open data');
  await expect(page.getByRole('button', { name: 'Pen' })).toHaveAttribute('aria-pressed', 'true');
  await page.getByRole('button', { name: 'Colour: Blue' }).click();
  await page.getByRole('button', { name: 'Thick' }).click();
  await drawPath(page, wave(200, 300));
  await expect.poll(async () => (await items(page)).length).toBe(1);
  const [stroke] = await items(page);
  expect(stroke).toMatchObject({ kind: 'stroke' });
  await expectInkAt(page, 200, 300, stroke!.color);
});

test('two browsers see each other’s strokes live, while they are drawn, and after a reload', async ({ browser }) => {
  const alice = await newPage(browser);
  const bob = await newPage(browser);
  const url = await startWorkshop(alice, 'Live board');
  await joinBoard(bob, url, 'Bob');

  // Alice draws, and Bob sees the ink before Alice lifts the pen.
  await alice.getByRole('button', { name: 'Colour: Blue' }).click();
  await alice.getByRole('button', { name: 'Thick' }).click();
  const path = wave(250, 250);
  await drawPath(alice, path, false);
  const blue = INK_COLOURS.find((c) => c.name === 'Blue')!.value;
  expect(await items(bob)).toHaveLength(0); // not committed yet …
  await expectInkAt(bob, path[6]![0], path[6]![1], blue, 60); // … but already visible
  await alice.mouse.up();

  // Committed: both models hold it, Bob's canvas shows it.
  await expect.poll(async () => (await items(bob)).length).toBe(1);
  const [stroke] = await items(bob);
  await expectInkAt(bob, path[0]![0], path[0]![1], stroke!.color);

  // Bob draws back; Alice sees it.
  await bob.getByRole('button', { name: 'Thick' }).click();
  await drawPath(bob, wave(250, 450));
  await expect.poll(async () => (await items(alice)).length).toBe(2);
  const bobs = (await items(alice)).find((i) => i.id !== stroke!.id)!;
  await expectInkAt(alice, 250, 450, bobs.color);
  expect(bobs.author).not.toBe(stroke!.author);

  // A reload keeps the board (and Bob's identity: no join form again).
  await bob.reload();
  await bob.waitForFunction(() => window.__sketchroom?.synced === true);
  await expect(bob.getByLabel('Your name')).toHaveCount(0);
  await expect.poll(async () => (await items(bob)).length).toBe(2);
  await expectInkAt(bob, path[0]![0], path[0]![1], stroke!.color);
  await expectInkAt(bob, 250, 450, bobs.color);

  // Alice's cursor shows on Bob's screen: move over an empty area and look for her colour there.
  const before = await pixelAt(bob, 900, 200);
  const o = await alice.locator('.konvajs-content').boundingBox();
  await alice.mouse.move(o!.x + 900, o!.y + 200);
  await expect.poll(async () => colourDistance(await pixelAt(bob, 902, 203), before), { timeout: 5000 }).toBeGreaterThan(40);
});

test('ink keeps the corners that were drawn, even from sparse mouse input', async ({ page }) => {
  await startWorkshop(page, 'Corners');
  // Three far-apart samples, as a fast flick of the mouse gives: down, a corner, the end.
  const o = await page.locator('.konvajs-content').first().boundingBox();
  await page.mouse.move(o!.x + 300, o!.y + 200);
  await page.mouse.down();
  await page.mouse.move(o!.x + 300, o!.y + 470);
  await page.mouse.move(o!.x + 620, o!.y + 470);
  await page.mouse.up();
  await expect.poll(async () => (await items(page)).length).toBe(1);
  const [stroke] = await items(page);
  await expectInkAt(page, 300, 468, stroke!.color); // the corner itself
  await expectInkAt(page, 300, 300, stroke!.color);
  await expectInkAt(page, 500, 470, stroke!.color);
});
