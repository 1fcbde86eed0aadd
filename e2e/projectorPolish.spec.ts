/**
 * The projector from the back of the room (issue 5 leftovers):
 *  - thin ink stays visible when the wall shows a whole board of easels (a floor on its width),
 *    while laptops, the facilitator's included, keep true widths;
 *  - a spotlight shows the easel's ink that runs past its edge, clear of the veil and the caption.
 * Screenshots at 1920x1080 go to docs/screens/ when refreshed (`npm run screens`, helpers.screenPath).
 */
import { expect, test, type Browser, type Page } from '@playwright/test';
import { countInk, easels, expectInkAt, onBoard, restingCamera, screenPath, waitSynced } from './helpers';

test.describe.configure({ mode: 'serial' });

const INK = '#1f2328';
const RED = '#c8312f';
/** Easel names on the wall's far views (src/canvas/easelNames.ts). */
const LABEL_SCREEN_PX = 32;

async function open(browser: Browser, width: number, height: number): Promise<Page> {
  const context = await browser.newContext({ viewport: { width, height }, deviceScaleFactor: 1 });
  return context.newPage();
}

const itemCount = (page: Page): Promise<number> => page.evaluate(() => window.__sketchroom?.board?.allItems().length ?? 0);

/**
 * A workshop made through the API with these attendees; the facilitator's laptop gives everyone an
 * easel from the Facilitate panel, and the wall opens the projector link.
 */
async function easelWorkshop(browser: Browser, baseURL: string, people: string[]) {
  const post = async (path: string, body: unknown) => (await fetch(`${baseURL}${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) })).json() as Promise<Record<string, string>>;
  const made = await post('/api/boards', { title: 'Back of the room' });
  const attendees: Array<Record<string, string>> = [];
  for (const name of people) {
    const j = await post('/api/join', { boardId: made.id, name });
    attendees.push({ token: j.token!, role: 'participant', participantId: j.participantId!, name: j.name!, color: j.color! });
  }
  const fac = await open(browser, 1366, 768);
  await fac.goto(made.facilitatorUrl!);
  await waitSynced(fac);
  await fac.getByRole('button', { name: 'Facilitate' }).click();
  const panel = fac.getByRole('dialog', { name: 'Facilitate' });
  await panel.getByRole('switch', { name: 'Give everyone an easel' }).click();
  await expect.poll(async () => (await easels(fac)).length).toBe(people.length);
  const wall = await open(browser, 1920, 1080);
  await wall.goto(made.projectorUrl!);
  await waitSynced(wall);
  return { id: made.id!, fac, panel, wall, attendees };
}

/**
 * Mean painted width (px) of a horizontal line of colour `hex` crossing the columns [x0, x1) at
 * screen height y: the ink's coverage (alpha) summed over a band around the line, per column.
 */
async function lineWidthAt(page: Page, x0: number, x1: number, y: number, hex: string): Promise<number> {
  const rgb = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));
  return page.evaluate(
    ([ax, bx, cy, want]) => {
      const band = 10;
      const canvases = [...document.querySelectorAll<HTMLCanvasElement>('.konvajs-content canvas')].reverse();
      const x = Math.round(ax), w = Math.round(bx - ax), top = Math.round(cy - band);
      const layers = canvases.map((c) => c.getContext('2d')!.getImageData(x, top, w, 2 * band + 1).data);
      let mass = 0;
      for (let i = 0; i < layers[0]!.length; i += 4) {
        const d = layers.find((l) => (l[i + 3] ?? 0) > 0);
        if (!d) continue;
        const near = Math.max(Math.abs(d[i]! - want[0]!), Math.abs(d[i + 1]! - want[1]!), Math.abs(d[i + 2]! - want[2]!)) <= 48;
        if (near) mass += d[i + 3]! / 255;
      }
      return mass / w;
    },
    [x0, x1, y, rgb] as const,
  );
}

/** A straight, thick red stroke from `a` to `b` (board px), drawn through the page's board. */
function redLine(page: Page, a: { x: number; y: number }, b: { x: number; y: number }): Promise<unknown> {
  return onBoard(
    page,
    `const pts = [];
    for (let i = 0; i <= 30; i++) pts.push(arg.x0 + (arg.x1 - arg.x0) * i / 30, arg.y0 + (arg.y1 - arg.y0) * i / 30, 0.5);
    board.addStroke({ tool: 'pen', color: '${RED}', width: 12, points: pts });`,
    { x0: a.x, y0: a.y, x1: b.x, y1: b.y },
  );
}

test('thin ink stays visible on the whole-board view of twelve easels; laptops keep true widths', async ({ browser, baseURL }) => {
  test.setTimeout(120_000);
  const people = ['Ada', 'Ben', 'Cleo', 'Dev', 'Eli', 'Fay', 'Gus', 'Hana', 'Ivo', 'Jun', 'Kai', 'Lea'];
  const { fac, wall } = await easelWorkshop(browser, baseURL!, people);
  const list = await easels(fac);

  // In every easel, a few thin pen lines (the palette's Thin is 3 px) of handwriting-like waves, and
  // one straight line to measure.
  await onBoard(
    fac,
    `for (const e of arg) {
      for (let row = 0; row < 4; row++) {
        const pts = [];
        for (let i = 0; i <= 60; i++) pts.push(e.x + 150 + i * 14, e.y + 220 + row * 110 + Math.sin(i / 2.5) * 22, 0.5);
        board.addStroke({ tool: 'pen', color: '${INK}', width: 3, points: pts });
      }
      const line = [];
      for (let i = 0; i <= 40; i++) line.push(e.x + 150 + i * 22.5, e.y + 720, 0.5);
      board.addStroke({ tool: 'pen', color: '${INK}', width: 3, points: line });
    }`,
    list,
  );
  await expect.poll(() => itemCount(wall)).toBe(people.length * 5);

  // The wall shows every easel, so far out that a 3 px line would be under a pixel wide.
  const cam = await restingCamera(wall);
  expect(3 * cam.zoom).toBeLessThan(1);
  const e = list[5]!;
  const sx = (bx: number) => (bx - cam.x) * cam.zoom;
  const lineY = (e.y + 720 - cam.y) * cam.zoom;
  const from = sx(e.x + 300), to = sx(e.x + 900);
  // The ink is painted at least about 1.5 px wide on the wall (the floor is 1.75 px).
  await expect.poll(() => lineWidthAt(wall, from, to, lineY, INK)).toBeGreaterThan(1.5);

  // Names stay readable above the ink there: a red line drawn through Fay's name is hidden under the
  // letters (and shows beside them).
  const nameMid = 6 + LABEL_SCREEN_PX / 2; // screen px below the card's top edge
  await onBoard(
    fac,
    `const pts = [];
    for (let i = 0; i <= 40; i++) pts.push(arg.x + i * 25, arg.y, 0.5);
    board.addStroke({ tool: 'pen', color: '${RED}', width: 12, points: pts });`,
    { x: e.x + 20, y: e.y + nameMid / cam.zoom },
  );
  await expect.poll(() => itemCount(wall)).toBe(people.length * 5 + 1);
  const top = (e.y - cam.y) * cam.zoom, left = sx(e.x);
  await expectInkAt(wall, sx(e.x + 800), top + nameMid, RED);
  expect(await countInk(wall, Math.round(left + 14), Math.round(top + 8), 36, LABEL_SCREEN_PX - 4, '#2b3138')).toBeGreaterThan(40);
  expect(await countInk(wall, Math.round(left + 14), Math.round(top + 8), 36, LABEL_SCREEN_PX - 4, RED)).toBe(0);
  await wall.screenshot({ path: screenPath('projector-thin-ink-board.png') });

  // The facilitator's laptop, zoomed out as far, shows the true (thin) width.
  await fac.keyboard.press('Escape');
  await fac.getByRole('button', { name: 'Zoom to fit' }).click();
  const lap = await restingCamera(fac);
  expect(3 * lap.zoom).toBeLessThan(1);
  const ly = (e.y + 720 - lap.y) * lap.zoom;
  const lx = (bx: number) => (bx - lap.x) * lap.zoom;
  await expect.poll(() => lineWidthAt(fac, lx(e.x + 300), lx(e.x + 900), ly, INK)).toBeGreaterThan(0.2);
  expect(await lineWidthAt(fac, lx(e.x + 300), lx(e.x + 900), ly, INK)).toBeLessThan(3 * lap.zoom + 0.35);
});

test('a spotlight shows the ink that runs past the easel, clear of the veil and the caption', async ({ browser, baseURL }) => {
  test.setTimeout(120_000);
  const { id, panel, wall, attendees } = await easelWorkshop(browser, baseURL!, ['Ana', 'Bea', 'Cy']);
  const bea = await open(browser, 1366, 768);
  await bea.addInitScript(([key, value]) => localStorage.setItem(key, value), [`sketchroom.identity.${id}`, JSON.stringify(attendees[1])] as const);
  await bea.goto(`/b/${id}`);
  await waitSynced(bea);
  const e = (await easels(bea)).find((x) => x.name === 'Bea')!;

  // Bea draws a line from the middle of her easel down past its bottom edge, into the gutter.
  const end = { x: e.x + 650, y: e.y + e.h + 120 };
  await redLine(bea, { x: e.x + 550, y: e.y + 500 }, end);
  await expect.poll(() => itemCount(wall)).toBe(1);

  await panel.getByRole('list', { name: 'Easels' }).getByRole('button', { name: 'Spotlight Bea' }).click();
  await expect(wall.getByRole('status').filter({ hasText: 'Spotlight' })).toContainText('Bea');
  const cam = await restingCamera(wall);
  const at = { x: (end.x - cam.x) * cam.zoom, y: (end.y - cam.y) * cam.zoom };
  // The end of the line is painted, inside the veil's clear hole and above the caption.
  await expectInkAt(wall, at.x, at.y - 4, RED);
  const hole = (await wall.locator('.proj-veil').boundingBox())!;
  expect(at.y).toBeLessThan(hole.y + hole.height);
  expect(at.x).toBeGreaterThan(hole.x);
  expect(at.x).toBeLessThan(hole.x + hole.width);
  const caption = (await wall.locator('.proj-banner').boundingBox())!;
  expect(at.y).toBeLessThan(caption.y);
  // The easel itself stays the big thing on the wall: whole and most of the free height.
  const easelTop = (e.y - cam.y) * cam.zoom, easelBottom = (e.y + e.h - cam.y) * cam.zoom;
  expect(easelBottom - easelTop).toBeGreaterThan(450);
  await wall.screenshot({ path: screenPath('projector-spotlight-past-edge.png') });

  // A gallery frames every easel with its ink past the edges too: a line run down out of the bottom
  // row (it starts in Cy's easel) is on the wall, not cut off below the grid. A gallery says so in
  // the header, so nothing covers the bottom of the wall.
  const c = (await easels(bea)).find((x) => x.name === 'Cy')!;
  const low = { x: c.x + 600, y: c.y + c.h + 200 };
  await redLine(bea, { x: c.x + 600, y: c.y + 600 }, low);
  await expect.poll(() => itemCount(wall)).toBe(2);
  await panel.getByRole('button', { name: 'Gallery' }).click();
  await expect(wall.getByRole('banner').getByRole('status').filter({ hasText: 'Gallery' })).toContainText('3 easels');
  await expect(wall.locator('.proj-banner')).toHaveCount(0);
  const wallHeight = wall.viewportSize()!.height;
  await expect
    .poll(async () => {
      const g = await restingCamera(wall);
      return (low.y - g.y) * g.zoom < wallHeight - 8;
    })
    .toBe(true);
  const g = await restingCamera(wall);
  await expectInkAt(wall, (low.x - g.x) * g.zoom, (low.y - g.y) * g.zoom - 4, RED);
  await wall.screenshot({ path: screenPath('projector-gallery-past-edge.png') });
});
