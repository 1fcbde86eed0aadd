/**
 * Export (issue 7): each format is downloaded through the Export dialog and checked as a file:
 * PNG sizes for each scale and margin and the colour of a known stroke at its pixel; the board
 * file opened again as a new board, identical item by item.
 */
import { readFileSync } from 'node:fs';
import { expect, test, type Download, type Page } from '@playwright/test';
import { boardPairViaApi, colourDistance, hexToRgb, newPage, openBoardAs, waitSynced } from './helpers';

const BLUE = '#0a64c2';
const RED = '#c8312f';

async function onBoard(page: Page, body: string): Promise<void> {
  await page.evaluate((b) => {
    const board = (window as unknown as { __sketchroom: { board: unknown } }).__sketchroom.board;
    new Function('board', b)(board);
  }, body);
}

const line = (x0: number, y0: number, x1: number, y1: number, n = 20) =>
  JSON.stringify(Array.from({ length: n + 1 }, (_, i) => [x0 + ((x1 - x0) * i) / n, y0 + ((y1 - y0) * i) / n, 0.5]).flat());

/** Opens the Export dialog, sets it up with `setup`, exports, and returns the download. */
async function exportWith(page: Page, setup: (dialog: ReturnType<Page['getByRole']>) => Promise<void>): Promise<Download> {
  const dialog = page.getByRole('dialog', { name: 'Export' });
  if (!(await dialog.isVisible())) await page.getByRole('button', { name: 'Export' }).click();
  await expect(dialog).toBeVisible();
  await setup(dialog);
  const [download] = await Promise.all([page.waitForEvent('download'), dialog.getByRole('button', { name: /^(Export|Save board file)$/ }).click()]);
  await expect(dialog.getByText(/^Saved /)).toBeVisible();
  return download;
}

async function downloaded(d: Download): Promise<Buffer> {
  return readFileSync((await d.path())!);
}

/** Decodes a PNG in the page: its size and the RGBA at the given pixels. */
async function inspectPng(page: Page, png: Buffer, points: Array<[number, number]>): Promise<{ width: number; height: number; pixels: number[][] }> {
  return page.evaluate(
    async ([b64, pts]) => {
      const blob = await (await fetch(`data:image/png;base64,${b64}`)).blob();
      const bmp = await createImageBitmap(blob, { premultiplyAlpha: 'none', colorSpaceConversion: 'none' });
      const c = new OffscreenCanvas(bmp.width, bmp.height);
      const ctx = c.getContext('2d')!;
      ctx.drawImage(bmp, 0, 0);
      return { width: bmp.width, height: bmp.height, pixels: pts.map(([x, y]) => [...ctx.getImageData(x, y, 1, 1).data]) };
    },
    [png.toString('base64'), points] as const,
  );
}

test('a PNG of the whole board: its size follows scale and margin, and a known stroke is at its pixel', async ({ browser, baseURL }) => {
  const pair = await boardPairViaApi(baseURL!, 'Export checks');
  const page = await newPage(browser);
  await page.goto(pair.facilitatorUrl);
  await waitSynced(page);
  // A blue frame 120 x 80 (outline 4 px: its box is 126 x 86 from (97, 297)) with a red stroke across it.
  await onBoard(page, `
    board.addItem({ kind: 'shape', shape: 'rect', x: 100, y: 300, rotation: 0, w: 120, h: 80, color: '${BLUE}', width: 4, fill: 'none' });
    board.addStroke({ tool: 'pen', color: '${RED}', width: 8, points: ${line(150, 340, 190, 340)} });
  `);

  for (const [scale, margin] of [[1, 0], [2, 20], [3, 8]] as const) {
    const d = await exportWith(page, async (dialog) => {
      await dialog.getByLabel('Picture (PNG)').check();
      await dialog.getByLabel('Which part').selectOption({ label: 'The whole board' });
      await dialog.getByRole('radio', { name: `Size ${scale}x` }).check();
      await dialog.getByRole('radio', { name: 'White background' }).check();
      await dialog.getByLabel('Margin (px)').fill(String(margin));
    });
    expect(d.suggestedFilename()).toBe('Export checks.png');
    const at = (bx: number, by: number): [number, number] => [Math.round((bx - 97 + margin) * scale), Math.round((by - 297 + margin) * scale)];
    const png = await inspectPng(page, await downloaded(d), [at(170, 340), at(100, 340), at(130, 320), [0, 0]]);
    expect([png.width, png.height]).toEqual([(126 + 2 * margin) * scale, (86 + 2 * margin) * scale]);
    const [stroke, frame, inside, corner] = png.pixels;
    expect(colourDistance(stroke!, hexToRgb(RED))).toBeLessThanOrEqual(30);
    expect(colourDistance(frame!, hexToRgb(BLUE))).toBeLessThanOrEqual(30);
    expect(inside).toEqual([255, 255, 255, 255]);
    expect(corner).toEqual([255, 255, 255, 255]);
  }

  // Transparent: the empty inside of the frame has no paint at all.
  const d = await exportWith(page, async (dialog) => {
    await dialog.getByRole('radio', { name: 'Transparent background' }).check();
    await dialog.getByRole('radio', { name: 'Size 1x' }).check();
    await dialog.getByLabel('Margin (px)').fill('0');
  });
  const png = await inspectPng(page, await downloaded(d), [[33, 23], [73, 43]]);
  expect(png.pixels[0]![3]).toBe(0);
  expect(colourDistance(png.pixels[1]!, hexToRgb(RED))).toBeLessThanOrEqual(30);
});

test('the board file opens as a new board with the same document, item by item', async ({ browser, baseURL }) => {
  const pair = await boardPairViaApi(baseURL!, 'Round trip · Café');
  const fac = await newPage(browser);
  await fac.goto(pair.facilitatorUrl);
  await waitSynced(fac);
  const bea = await newPage(browser);
  await openBoardAs(bea, pair.id, pair.participant);
  // Work by two people (authors are kept), every kind, rotations and scales.
  await onBoard(fac, `
    const s = board.addStroke({ tool: 'pen', color: '${BLUE}', width: 6, points: ${line(10, 10, 300, 80, 60)} });
    board.updateItems(new Map([[s, { rotation: 30, scaleX: 1.5 }]]));
    board.addItem({ kind: 'sticky', x: 400, y: 40, rotation: -8, w: 160, h: 140, text: 'Idée: ✏️ 画', color: '#fde68a' });
    board.addItem({ kind: 'shape', shape: 'arrow', x: 50, y: 300, rotation: 0, w: -40, h: 60, color: '${RED}', width: 4, fill: 'none' });
  `);
  await onBoard(bea, `
    board.addStroke({ tool: 'highlighter', color: '#f5c400', width: 24, points: ${line(20, 200, 500, 220)} });
    board.addItem({ kind: 'text', x: 100, y: 400, rotation: 0, text: 'two\\nlines', size: 'l', color: '#1f2328', w: 0 });
  `);
  const snapshot = (p: Page) =>
    p.evaluate(() =>
      JSON.stringify(
        (window.__sketchroom!.board!.allItems() as Array<Record<string, unknown>>).map((i) =>
          Object.fromEntries(Object.entries(i).map(([k, v]) => [k, v instanceof Uint8Array ? Array.from(v) : v])),
        ),
      ),
    );
  await expect.poll(async () => JSON.parse(await snapshot(fac)).length).toBe(5);
  const before = await snapshot(fac);

  const d = await exportWith(fac, async (dialog) => {
    await dialog.getByLabel('Board file').check();
  });
  expect(d.suggestedFilename()).toBe('Round trip · Café.sketchroom.json');
  const file = JSON.parse((await downloaded(d)).toString('utf8')) as { type: string; version: number; items: Record<string, unknown> };
  expect(file.type).toBe('sketchroom/board');
  expect(Object.keys(file.items)).toHaveLength(5);

  // Open it from the home page: a new board, the same items (ids, authors, order, every field).
  const home = await newPage(browser);
  await home.goto('/');
  await home.locator('#open-board-file').setInputFiles((await d.path())!);
  await expect(home).toHaveURL(/\/b\/[A-Za-z0-9_-]{22}$/);
  expect(home.url()).not.toContain(pair.id);
  await waitSynced(home);
  await expect.poll(() => snapshot(home)).toBe(before);
  await expect(home.getByRole('heading', { name: 'Round trip · Café' })).toBeVisible();
  expect(await home.evaluate(() => window.__sketchroom!.identity!.role)).toBe('facilitator');

  // A broken file is refused with a reason, and no board is opened.
  await home.goto('/');
  await home.locator('#open-board-file').setInputFiles({ name: 'broken.sketchroom.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify({ ...file, items: { ...file.items, 'bad id!': { kind: 'text' } } })) });
  await expect(home.getByRole('alert')).toContainText('bad id');
  await expect(home).toHaveURL(/\/$/);
});
