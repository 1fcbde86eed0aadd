/**
 * Export (issue 7): each format is downloaded through the Export dialog and checked as a file:
 * PNG sizes for each scale and margin and the colour of a known stroke at its pixel; the board
 * file opened again as a new board, identical item by item.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { unzipSync } from 'fflate';
import { expect, test, type Download, type Page } from '@playwright/test';
import { boardPairViaApi, colourDistance, type EaselJson, hexToRgb, joinBoard, linePoints, newPage, onBoard, openBoardAs, screenPath, waitSynced } from './helpers';

const BLUE = '#0a64c2';
const RED = '#c8312f';

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
    board.addStroke({ tool: 'pen', color: '${RED}', width: 8, points: ${linePoints(150, 340, 190, 340)} });
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

test('a very large board: the dialog says the smaller scale it will be saved at, and the bands it is drawn in join without a seam', async ({ browser, baseURL }) => {
  test.setTimeout(120_000);
  const pair = await boardPairViaApi(baseURL!, 'Big wall');
  const page = await newPage(browser);
  await page.setViewportSize({ width: 1366, height: 768 });
  await page.goto(pair.facilitatorUrl);
  await waitSynced(page);
  // 12040 x 6040 board px: at 2x that is 290 MP, over the 50 MP a browser canvas can hold. Red
  // stripes 40 px thick every 100 px, from top to bottom: the image is drawn in bands of a few
  // megapixels, and a band drawn a row off, or missing an item, breaks the rhythm.
  const stripes = Array.from({ length: 61 }, (_, i) => `board.addStroke({ tool: 'pen', color: '${RED}', width: 40, points: ${linePoints(0, i * 100, 12000, i * 100)} });`);
  await onBoard(page, stripes.join('\n'));
  await page.getByRole('button', { name: 'Export' }).click();
  const dialog = page.getByRole('dialog', { name: 'Export' });
  await dialog.getByLabel('Picture (PNG)').check();
  await dialog.getByLabel('Which part').selectOption({ label: 'The whole board' });
  await dialog.getByRole('radio', { name: 'Size 2x' }).check();
  await dialog.getByLabel('Margin (px)').fill('24');
  const warning = dialog.getByText(/^This board is very large: it will be saved at 0\.\d+x instead of 2x\.$/);
  await expect(warning).toBeVisible();
  await page.screenshot({ path: screenPath('export-dialog-large.png') });
  const planned = Number(/at (0\.\d+)x/.exec((await warning.textContent())!)![1]);

  const [d] = await Promise.all([page.waitForEvent('download'), dialog.getByRole('button', { name: 'Export' }).click()]);
  await expect(dialog.getByText(/^Saved Big wall\.png\. It was too big at 2x/)).toBeVisible({ timeout: 60_000 });
  const png = await downloaded(d);
  const width = png.readUInt32BE(16), height = png.readUInt32BE(20); // IHDR
  expect(width * height).toBeLessThanOrEqual(50_000_000);
  const k = width / (12040 + 48); // the stripes' width (their round ends stick out by 20) and the margins
  expect(Math.floor(k * 100) / 100).toBeCloseTo(planned, 2);
  // Down the middle column: 61 red runs, all as thick, at an even pitch, across every band edge.
  const runs = await page.evaluate(async (b64) => {
    const bmp = await createImageBitmap(await (await fetch(`data:image/png;base64,${b64}`)).blob());
    const c = new OffscreenCanvas(1, bmp.height);
    const ctx = c.getContext('2d')!;
    ctx.drawImage(bmp, Math.floor(bmp.width / 2), 0, 1, bmp.height, 0, 0, 1, bmp.height);
    const d = ctx.getImageData(0, 0, 1, bmp.height).data;
    const out: Array<[number, number]> = [];
    for (let y = 0; y < bmp.height; y++) {
      const red = d[y * 4]! > 150 && d[y * 4 + 1]! < 110 && d[y * 4 + 2]! < 110;
      if (red && (out.length === 0 || out.at(-1)![1] !== y - 1)) out.push([y, y]);
      else if (red) out.at(-1)![1] = y;
    }
    return out;
  }, png.toString('base64'));
  expect(runs).toHaveLength(61);
  const thick = runs.map(([a, b]) => b - a + 1);
  // (Ink is a little thinner than its nominal width where a mouse drew it fast: compare the stripes with each other.)
  const typical = [...thick].sort((a, b) => a - b)[30]!;
  for (const t of thick) expect(Math.abs(t - typical)).toBeLessThanOrEqual(1);
  for (let i = 1; i < runs.length; i++) expect(Math.abs(runs[i]![0] - runs[i - 1]![0] - 100 * k)).toBeLessThanOrEqual(1.5);
  expect(Math.floor(8_000_000 / width)).toBeLessThan(height / 4); // it was drawn in several bands

  // Cancelled half way, then again: the next export is whole (the worker let go of the first).
  // The click goes straight to Cancel: a pointer click waits for the button to be still and in
  // view first, and an export this small can finish meanwhile, leaving Close under the pointer.
  await dialog.getByRole('button', { name: 'Export' }).click();
  await dialog.getByRole('button', { name: 'Cancel' }).dispatchEvent('click');
  await expect(dialog.getByRole('button', { name: 'Export' })).toBeEnabled();
  await expect(dialog.getByRole('progressbar')).toHaveCount(0);
  const [again] = await Promise.all([page.waitForEvent('download'), dialog.getByRole('button', { name: 'Export' }).click()]);
  const png2 = await downloaded(again);
  expect([png2.readUInt32BE(16), png2.readUInt32BE(20)]).toEqual([width, height]);
});

test('the board file opens as a new board with the same document, item by item', async ({ browser, baseURL }) => {
  const pair = await boardPairViaApi(baseURL!, 'Round trip · Café');
  const fac = await newPage(browser);
  await fac.goto(pair.facilitatorUrl);
  await waitSynced(fac);
  const bea = await newPage(browser);
  await openBoardAs(bea, pair.id, pair.participant);
  // Bea gets an easel (written by the server), and a note is pinned to it.
  await fac.getByRole('button', { name: 'Facilitate' }).click();
  await fac.getByRole('dialog', { name: 'Facilitate' }).getByRole('switch', { name: 'Give everyone an easel' }).click();
  await expect.poll(async () => (await easelsOf(fac)).map((e) => e.name)).toEqual(['Bea']);
  await fac.getByRole('dialog', { name: 'Facilitate' }).getByRole('button', { name: 'Close' }).click();
  await addNote(fac, 'noteRoundT1', (await easelsOf(fac))[0]!, 'A note that must come back', 'Ana');
  // Work by two people (authors are kept), every kind, rotations and scales.
  await onBoard(fac, `
    const s = board.addStroke({ tool: 'pen', color: '${BLUE}', width: 6, points: ${linePoints(10, 10, 300, 80, 60)} });
    board.updateItems(new Map([[s, { rotation: 30, scaleX: 1.5 }]]));
    board.addItem({ kind: 'sticky', x: 400, y: 40, rotation: -8, w: 160, h: 140, text: 'Idée: ✏️ 画', color: '#fde68a' });
    board.addItem({ kind: 'shape', shape: 'arrow', x: 50, y: 300, rotation: 0, w: -40, h: 60, color: '${RED}', width: 4, fill: 'none' });
  `);
  await onBoard(bea, `
    board.addStroke({ tool: 'highlighter', color: '#f5c400', width: 24, points: ${linePoints(20, 200, 500, 220)} });
    board.addItem({ kind: 'text', x: 100, y: 400, rotation: 0, text: 'two\\nlines', size: 'l', color: '#1f2328', w: 0 });
  `);
  // A photo Bea uploads and places: its bytes must travel inside the file.
  const hash = await bea.evaluate(async () => {
    const c = new OffscreenCanvas(64, 48);
    const ctx = c.getContext('2d')!;
    ctx.fillStyle = '#3a7d44';
    ctx.fillRect(0, 0, 64, 48);
    ctx.fillStyle = '#f4d35e';
    ctx.fillRect(8, 8, 20, 20);
    const hook = window.__sketchroom as unknown as { identity: { token: string }; board: { addItem(i: unknown): string } };
    const res = await fetch(`/api/boards/${location.pathname.split('/')[2]}/images`, { method: 'POST', headers: { authorization: `Bearer ${hook.identity.token}` }, body: await c.convertToBlob({ type: 'image/png' }) });
    const pic = (await res.json()) as { hash: string; mime: string; width: number; height: number };
    hook.board.addItem({ kind: 'image', blob: pic.hash, mime: pic.mime, pw: pic.width, ph: pic.height, x: 600, y: 300, w: 128, h: 96, rotation: 0 });
    return pic.hash;
  });
  const snapshot = (p: Page) =>
    p.evaluate(() =>
      JSON.stringify(
        (window.__sketchroom!.board!.allItems() as Array<Record<string, unknown>>).map((i) =>
          Object.fromEntries(Object.entries(i).map(([k, v]) => [k, v instanceof Uint8Array ? Array.from(v) : v])),
        ),
      ),
    );
  await expect.poll(async () => JSON.parse(await snapshot(fac)).length).toBe(6);
  const before = await snapshot(fac);
  // Easels and notes, every field, ids sorted.
  const maps = (p: Page) =>
    p.evaluate(() => {
      const doc = (window.__sketchroom!.board as unknown as { doc: { getMap(n: string): { toJSON(): Record<string, Record<string, unknown>> } } }).doc;
      const sorted = (o: Record<string, Record<string, unknown>>) => JSON.stringify(Object.keys(o).sort().map((k) => [k, Object.keys(o[k]!).sort().map((f) => [f, o[k]![f]])]));
      return { frames: sorted(doc.getMap('frames').toJSON()), annotations: sorted(doc.getMap('annotations').toJSON()) };
    });
  const mapsBefore = await maps(fac);
  expect(mapsBefore.annotations).toContain('A note that must come back');

  const d = await exportWith(fac, async (dialog) => {
    await dialog.getByLabel('Board file').check();
  });
  expect(d.suggestedFilename()).toBe('Round trip · Café.sketchroom.json');
  const file = JSON.parse((await downloaded(d)).toString('utf8')) as { type: string; version: number; items: Record<string, unknown> };
  expect(file.type).toBe('sketchroom/board');
  expect(Object.keys(file.items)).toHaveLength(6);
  expect(Object.keys((file as unknown as { blobs: Record<string, unknown> }).blobs)).toEqual([hash]);

  // Open it from the home page: a new board, the same items (ids, authors, order, every field).
  const home = await newPage(browser);
  await home.goto('/');
  await home.locator('#open-board-file').setInputFiles((await d.path())!);
  await expect(home).toHaveURL(/\/b\/[A-Za-z0-9_-]{22}$/);
  expect(home.url()).not.toContain(pair.id);
  await waitSynced(home);
  await expect.poll(() => snapshot(home)).toBe(before);
  await expect.poll(() => maps(home)).toEqual(mapsBefore);
  await expect(home.getByRole('heading', { name: 'Round trip · Café' })).toBeVisible();
  expect(await home.evaluate(() => window.__sketchroom!.identity!.role)).toBe('facilitator');
  // The photo's bytes were uploaded to the new board.
  const newId = new URL(home.url()).pathname.split('/')[2]!;
  expect((await home.request.get(`/api/boards/${newId}/images/${hash}`)).status()).toBe(200);

  // A broken file is refused with a reason, and no board is opened.
  await home.goto('/');
  await home.locator('#open-board-file').setInputFiles({ name: 'broken.sketchroom.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify({ ...file, items: { ...file.items, 'bad id!': { kind: 'text' } } })) });
  await expect(home.getByRole('alert')).toContainText('bad id');
  await expect(home).toHaveURL(/\/$/);
});

const easelsOf = (page: Page) =>
  page.evaluate(() => {
    const doc = (window.__sketchroom!.board as unknown as { doc: { getMap(n: string): { toJSON(): Record<string, unknown> } } }).doc;
    return Object.entries(doc.getMap('frames').toJSON()).map(([id, e]) => ({ id, ...(e as EaselJson) }));
  });

/** Pins a note to a region of an easel (fractions of its box), through the page's document. */
async function addNote(page: Page, id: string, easel: EaselJson & { id: string }, text: string, speaker: string): Promise<void> {
  await page.evaluate(
    ([noteId, e, t, s]) => {
      const doc = (window.__sketchroom!.board as unknown as { doc: { transact(f: () => void): void; getMap(n: string): { constructor: new () => { set(k: string, v: unknown): void }; set(k: string, v: unknown): void } } }).doc;
      const notes = doc.getMap('annotations');
      const note = new notes.constructor();
      const f = { author: 'facilitator', target: e.id, rx: 0.1, ry: 0.2, rw: 0.4, rh: 0.3, ax: e.x + 0.1 * e.w, ay: e.y + 0.2 * e.h, aw: 0.4 * e.w, ah: 0.3 * e.h, text: t, speaker: s, order: `a${noteId.slice(-1)}` };
      for (const [k, v] of Object.entries(f)) note.set(k, v);
      doc.transact(() => notes.set(noteId, note));
    },
    [id, easel, text, speaker] as const,
  );
}

function pdfText(file: string, args: string[] = []): string {
  return execFileSync('pdftotext', [...args, '-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
}

test('annotated exports: legend on and off, one PNG per easel in the ZIP, the handout PDF with its notes as text, a participant’s own easel', async ({ browser, baseURL }) => {
  test.setTimeout(180_000);
  const pair = await boardPairViaApi(baseURL!, 'Our commute');
  const fac = await newPage(browser);
  await fac.goto(pair.facilitatorUrl);
  await waitSynced(fac);
  const bea = await newPage(browser);
  await openBoardAs(bea, pair.id, pair.participant);
  const zoe = await newPage(browser);
  await joinBoard(zoe, `/b/${pair.id}`, 'Zoë');

  await fac.getByRole('button', { name: 'Facilitate' }).click();
  await fac.getByRole('dialog', { name: 'Facilitate' }).getByRole('switch', { name: 'Give everyone an easel' }).click();
  await expect.poll(async () => (await easelsOf(fac)).map((e) => e.name).sort()).toEqual(['Bea', 'Zoë']);
  await fac.getByRole('dialog', { name: 'Facilitate' }).getByRole('button', { name: 'Close' }).click();
  const all = await easelsOf(fac);
  const beaEasel = all.find((e) => e.name === 'Bea')!;
  const zoeEasel = all.find((e) => e.name === 'Zoë')!;

  // Each draws on their own easel: a red line across the middle of Bea's, a blue one on Zoë's.
  const mid = (e: EaselJson) => [e.x + e.w / 2, e.y + e.h / 2] as const;
  const [bx, by] = mid(beaEasel);
  await onBoard(bea, `board.addStroke({ tool: 'pen', color: '${RED}', width: 10, points: ${linePoints(bx - 200, by, bx + 200, by)} });`);
  const [zx, zy] = mid(zoeEasel);
  await onBoard(zoe, `board.addStroke({ tool: 'pen', color: '${BLUE}', width: 10, points: ${linePoints(zx - 200, zy, zx + 200, zy)} });`);
  await expect.poll(async () => (await fac.evaluate(() => window.__sketchroom!.board!.allItems().length))).toBe(2);
  await addNote(fac, 'noteBeaBea1', beaEasel, 'The bus stop by the river, where I wait every morning', '');
  await addNote(fac, 'noteZoeZoe2', zoeEasel, 'Café on the corner: ça sent bon', 'Ana (guest)');

  // Bea's easel with notes: the easel at 1x, the legend below it.
  const easelPng = async (notes: boolean) => {
    const d = await exportWith(fac, async (dialog) => {
      await dialog.getByLabel('Picture (PNG)').check();
      await dialog.getByLabel('Which part').selectOption({ label: 'Easel: Bea' });
      await dialog.getByRole('radio', { name: 'Size 1x' }).check();
      await dialog.getByRole('radio', { name: 'White background' }).check();
      await dialog.getByLabel('Margin (px)').fill('0');
      await dialog.getByRole('checkbox', { name: /Include notes/ }).setChecked(notes);
      if (notes) await fac.screenshot({ path: screenPath('export-dialog.png') });
    });
    expect(d.suggestedFilename()).toBe('Bea.png');
    return downloaded(d);
  };
  const withNotes = await easelPng(true);
  const on = await inspectPng(fac, withNotes, [[beaEasel.w / 2, beaEasel.h / 2]]);
  expect(on.width).toBe(beaEasel.w);
  expect(on.height).toBeGreaterThan(beaEasel.h + 40);
  expect(colourDistance(on.pixels[0]!, hexToRgb(RED))).toBeLessThanOrEqual(30);
  const inkBelow = (png: Buffer, y0: number, h: number) =>
    fac.evaluate(
      async ([b64, top, height]) => {
        const bmp = await createImageBitmap(await (await fetch(`data:image/png;base64,${b64}`)).blob());
        if (bmp.height <= top) return 0;
        const c = new OffscreenCanvas(bmp.width, bmp.height);
        const ctx = c.getContext('2d')!;
        ctx.drawImage(bmp, 0, 0);
        const d = ctx.getImageData(0, top, bmp.width, Math.min(height, bmp.height - top)).data;
        let n = 0;
        for (let i = 0; i < d.length; i += 4) if (d[i]! < 200 || d[i + 1]! < 200 || d[i + 2]! < 200) n++;
        return n;
      },
      [png.toString('base64'), y0, h] as const,
    );
  expect(await inkBelow(withNotes, beaEasel.h, on.height - beaEasel.h)).toBeGreaterThan(500); // the legend's words
  writeFileSync(screenPath('export-annotated.png'), withNotes);
  const without = await easelPng(false);
  const off = await inspectPng(fac, without, []);
  expect([off.width, off.height]).toEqual([beaEasel.w, beaEasel.h]);
  expect(await inkBelow(without, beaEasel.h, 400)).toBe(0);

  // All easels: one PNG per easel, named after the artist.
  const zip = await exportWith(fac, async (dialog) => {
    await dialog.getByLabel('All easels (ZIP)').check();
    await dialog.getByRole('radio', { name: 'Size 1x' }).check();
  });
  expect(zip.suggestedFilename()).toBe('Our commute easels.zip');
  const files = unzipSync(new Uint8Array(await downloaded(zip)));
  expect(Object.keys(files).sort()).toEqual(['Bea.png', 'Zoë.png']);
  for (const bytes of Object.values(files)) {
    expect([...bytes.subarray(0, 8)]).toEqual([137, 80, 78, 71, 13, 10, 26, 10]);
    expect(Buffer.from(bytes).readUInt32BE(16)).toBe(beaEasel.w); // IHDR width
  }

  // The handout: a cover and one page per easel, the notes as real text.
  const pdf = await exportWith(fac, async (dialog) => {
    await dialog.getByLabel('Handout (PDF)').check();
    await dialog.getByRole('radio', { name: 'Size 2x' }).check();
    await dialog.getByRole('checkbox', { name: /Include notes/ }).setChecked(true);
  });
  expect(pdf.suggestedFilename()).toBe('Our commute handout.pdf');
  const pdfPath = (await pdf.path())!;
  expect(execFileSync('pdfinfo', [pdfPath], { encoding: 'utf8' })).toMatch(/Pages:\s+3\n/);
  const cover = pdfText(pdfPath, ['-f', '1', '-l', '1']);
  expect(cover).toContain('Our commute');
  expect(cover).toContain('2 participants');
  const pages = pdfText(pdfPath, ['-f', '2', '-l', '3']).replace(/\s+/g, ' ');
  expect(pages).toContain('Bea');
  expect(pages).toContain('Zoë');
  expect(pages).toContain('The bus stop by the river, where I wait every morning');
  expect(pages).toContain('Café on the corner: ça sent bon');
  expect(pages).toContain('— Ana (guest)');
  execFileSync('pdftoppm', ['-f', '2', '-l', '2', '-r', '110', '-png', '-singlefile', pdfPath, screenPath('export-handout-page')]);

  // Bea may export her own easel (not the whole board, not the others').
  await bea.getByRole('button', { name: 'Export' }).click();
  const dialog = bea.getByRole('dialog', { name: 'Export' });
  // One format (PNG) + 3 sizes + 2 backgrounds.
  await expect(dialog.getByRole('radio')).toHaveCount(6);
  await expect(dialog.getByLabel('All easels (ZIP)')).toHaveCount(0);
  const scopes = await dialog.getByLabel('Which part').locator('option').allTextContents();
  expect(scopes).toEqual(['My easel (Bea)']);
  const [own] = await Promise.all([bea.waitForEvent('download'), dialog.getByRole('button', { name: 'Export' }).click()]);
  expect(own.suggestedFilename()).toBe('Bea.png');

  // "Hide names in exports": the handout says "anonymous" for artists and speakers, the cover
  // keeps its facts, and the ZIP's pictures are numbered.
  await fac.getByRole('dialog', { name: 'Export' }).getByRole('button', { name: 'Close' }).first().click();
  await expect(fac.getByRole('dialog', { name: 'Export' })).toBeHidden();
  await fac.getByRole('button', { name: 'Facilitate' }).click();
  const hide = fac.getByRole('dialog', { name: 'Facilitate' }).getByRole('switch', { name: 'Hide names in exports' });
  await hide.click();
  await expect(hide).toHaveAttribute('aria-checked', 'true');
  await fac.getByRole('dialog', { name: 'Facilitate' }).getByRole('button', { name: 'Close' }).click();
  const anonymousPdf = await exportWith(fac, async (d) => {
    await d.getByLabel('Handout (PDF)').check();
    await d.getByRole('checkbox', { name: /Include notes/ }).setChecked(true);
  });
  const anonymousPath = (await anonymousPdf.path())!;
  const anonymousCover = pdfText(anonymousPath, ['-f', '1', '-l', '1']);
  expect(anonymousCover).toContain('Our commute');
  expect(anonymousCover).toContain('2 participants');
  const anonymousPages = pdfText(anonymousPath, ['-f', '2', '-l', '3']).replace(/\s+/g, ' ');
  expect(anonymousPages).toContain('anonymous');
  expect(anonymousPages).toContain('Café on the corner: ça sent bon');
  for (const name of ['Bea', 'Zoë', 'Ana (guest)']) expect(anonymousPages).not.toContain(name);
  const anonymousZip = await exportWith(fac, async (d) => {
    await expect(d.getByText('One picture per easel, numbered: names are hidden.')).toBeVisible();
    await d.getByLabel('All easels (ZIP)').check();
    await d.getByRole('radio', { name: 'Size 1x' }).check();
  });
  expect(Object.keys(unzipSync(new Uint8Array(await downloaded(anonymousZip)))).sort()).toEqual(['easel-01.png', 'easel-02.png']);
});
