import { mkdirSync } from 'node:fs';
import { expect, type Browser, type Page } from '@playwright/test';
import type { Easel } from '../src/model/schema';

export interface ItemView {
  id: string;
  kind: string;
  author: string;
  color: string;
}

declare global {
  interface Window {
    __sketchroom?: {
      board: { allItems(): Array<ItemView & Record<string, unknown>> } | null;
      status: string;
      synced: boolean;
      identity: { participantId: string; name: string; role: string } | null;
    };
  }
}

/** The facilitator starts a workshop from the home page; resolves with the board URL. */
export async function startWorkshop(page: Page, title = 'Open data'): Promise<string> {
  await page.goto('/');
  await page.getByLabel('Workshop title').fill(title);
  await page.getByRole('button', { name: 'Start a workshop' }).click();
  await expect(page).toHaveURL(/\/b\/[A-Za-z0-9_-]{22}$/);
  await waitSynced(page);
  return page.url();
}

/** An attendee opens the board link and joins with a name. */
export async function joinBoard(page: Page, url: string, name: string): Promise<void> {
  await page.goto(url);
  await page.getByLabel('Your name').fill(name);
  await page.getByRole('button', { name: 'Join' }).click();
  await waitSynced(page);
}

export async function waitSynced(page: Page): Promise<void> {
  await page.waitForFunction(() => window.__sketchroom?.synced === true && window.__sketchroom.status === 'connected');
}

export async function newPage(browser: Browser): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1366, height: 768 }, deviceScaleFactor: 1 });
  return context.newPage();
}

export async function items(page: Page): Promise<ItemView[]> {
  return page.evaluate(() =>
    (window.__sketchroom?.board?.allItems() ?? []).map((i) => ({ id: i.id, kind: i.kind, author: i.author, color: i.color })),
  );
}

/** Top-left of the drawing surface in page coordinates. */
export async function canvasOrigin(page: Page): Promise<{ x: number; y: number }> {
  const box = await page.locator('.konvajs-content').first().boundingBox();
  if (!box) throw new Error('no canvas on the page');
  return { x: box.x, y: box.y };
}

/** Presses, moves through the points (relative to the canvas) and optionally releases. */
export async function drawPath(page: Page, points: Array<[number, number]>, release = true): Promise<void> {
  const o = await canvasOrigin(page);
  const [first, ...rest] = points;
  if (!first) return;
  await page.mouse.move(o.x + first[0], o.y + first[1]);
  await page.mouse.down();
  for (const [x, y] of rest) await page.mouse.move(o.x + x, o.y + y, { steps: 4 });
  if (release) await page.mouse.up();
}

/** A gentle wave from (x, y) rightwards. */
export function wave(x: number, y: number, length = 300, n = 12): Array<[number, number]> {
  return Array.from({ length: n + 1 }, (_, i) => [x + (i * length) / n, y + Math.sin(i / 2) * 20] as [number, number]);
}

/**
 * The colour actually painted at a canvas point: the topmost non-transparent pixel over all Konva
 * layer canvases (each layer is its own <canvas>).
 */
export async function pixelAt(page: Page, x: number, y: number): Promise<[number, number, number, number]> {
  return page.evaluate(
    ([px, py]) => {
      const canvases = [...document.querySelectorAll<HTMLCanvasElement>('.konvajs-content canvas')].reverse();
      for (const c of canvases) {
        const ratio = c.width / c.getBoundingClientRect().width;
        const ctx = c.getContext('2d');
        if (!ctx) continue;
        const d = ctx.getImageData(Math.round(px * ratio), Math.round(py * ratio), 1, 1).data;
        if ((d[3] ?? 0) > 0) return [d[0]!, d[1]!, d[2]!, d[3]!] as [number, number, number, number];
      }
      return [0, 0, 0, 0] as [number, number, number, number];
    },
    [x, y] as const,
  );
}

export function hexToRgb(hex: string): [number, number, number] {
  const n = parseInt(hex.slice(1), 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
}

export function colourDistance(a: readonly number[], b: readonly number[]): number {
  return Math.max(Math.abs(a[0]! - b[0]!), Math.abs(a[1]! - b[1]!), Math.abs(a[2]! - b[2]!));
}

/** Waits until the pixel at (x, y) is close to the colour. */
export async function expectInkAt(page: Page, x: number, y: number, hex: string, tolerance = 40): Promise<void> {
  const want = hexToRgb(hex);
  // A transparent pixel reads as (0, 0, 0, 0): never ink, however dark the colour looked for.
  const inkDistance = (px: readonly number[]): number => ((px[3] ?? 0) === 0 ? Infinity : colourDistance(px, want));
  await expect.poll(async () => inkDistance(await pixelAt(page, x, y)), { timeout: 10_000 }).toBeLessThanOrEqual(tolerance);
}

/** A board made through the API: the facilitator's link and a participant's identity for it. */
export async function boardPairViaApi(baseURL: string, title = 'Render checks'): Promise<{ id: string; facilitatorUrl: string; participant: Record<string, string> }> {
  const made = (await (await fetch(`${baseURL}/api/boards`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ title }) })).json()) as { id: string; facilitatorUrl: string };
  const joined = (await (await fetch(`${baseURL}/api/join`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ boardId: made.id, name: 'Bea' }) })).json()) as Record<string, string>;
  return { id: made.id, facilitatorUrl: made.facilitatorUrl, participant: { token: joined.token!, role: 'participant', participantId: joined.participantId!, name: joined.name!, color: joined.color! } };
}

/** Opens a board as the given identity (stored the way the app stores it) and waits for sync. */
export async function openBoardAs(page: Page, boardId: string, identity: Record<string, string>): Promise<void> {
  await page.addInitScript(([key, value]) => localStorage.setItem(key, value), [`sketchroom.identity.${boardId}`, JSON.stringify(identity)] as const);
  await page.goto(`/b/${boardId}`);
  await waitSynced(page);
}

/**
 * Pixels in a canvas rectangle whose colour is within `tolerance` of `hex` and at least `minAlpha`
 * opaque (topmost painted layer at each pixel): for text and outlines, whose exact pixels depend on
 * the font. Faint pixels (shadows, anti-aliasing) are not counted.
 */
export async function countInk(page: Page, x: number, y: number, w: number, h: number, hex: string, tolerance = 40, minAlpha = 128): Promise<number> {
  const want = hexToRgb(hex);
  return page.evaluate(
    ([x0, y0, ww, hh, rgb, tol, alpha]) => {
      const canvases = [...document.querySelectorAll<HTMLCanvasElement>('.konvajs-content canvas')].reverse();
      const data = canvases.map((c) => {
        const ratio = c.width / c.getBoundingClientRect().width;
        return { ratio, d: c.getContext('2d')!.getImageData(Math.round(x0 * ratio), Math.round(y0 * ratio), Math.round(ww * ratio), Math.round(hh * ratio)).data, w: Math.round(ww * ratio) };
      });
      let n = 0;
      const first = data[0]!;
      for (let i = 0; i < first.d.length; i += 4) {
        const top = data.find((l) => (l.d[i + 3] ?? 0) > 0);
        if (!top || top.d[i + 3]! < alpha) continue;
        if (Math.max(Math.abs(top.d[i]! - rgb[0]!), Math.abs(top.d[i + 1]! - rgb[1]!), Math.abs(top.d[i + 2]! - rgb[2]!)) <= tol) n++;
      }
      return n;
    },
    [x, y, w, h, want, tolerance, minAlpha] as const,
  );
}

/** An easel as the document holds it (the `frames` map's values carry no id). */
export type EaselJson = Omit<Easel, 'id'>;

export interface Cam {
  x: number;
  y: number;
  zoom: number;
}

/** The easels in a page's document, in slot order. */
export const easels = (page: Page): Promise<EaselJson[]> =>
  page.evaluate(() => {
    const doc = (window.__sketchroom!.board as unknown as { doc: { getMap(n: string): { toJSON(): Record<string, EaselJson> } } }).doc;
    return Object.values(doc.getMap('frames').toJSON()).sort((a, b) => a.slot - b.slot);
  });

export const camera = (page: Page): Promise<Cam> => page.evaluate(() => (window.__sketchroom as unknown as { camera: () => Cam }).camera());

/** A page's camera once it has stopped gliding (two reads 150 ms apart agree). */
export async function restingCamera(page: Page): Promise<Cam> {
  let last = await camera(page);
  await expect
    .poll(async () => {
      await page.waitForTimeout(150);
      const now = await camera(page);
      const same = Math.abs(now.x - last.x) < 0.01 && Math.abs(now.y - last.y) < 0.01 && Math.abs(now.zoom - last.zoom) < 1e-6;
      last = now;
      return same;
    })
    .toBe(true);
  return last;
}

/**
 * The facilitator copies the projector link from the Invite panel and `wall` opens it, as someone
 * setting up the projector would (needs clipboard permissions on the facilitator's context).
 */
export async function openProjectorLink(fac: Page, wall: Page): Promise<void> {
  await fac.getByRole('button', { name: 'Invite' }).click();
  const invite = fac.getByRole('dialog', { name: 'Invite people' });
  await invite.getByRole('button', { name: 'Copy projector link' }).click();
  await expect(fac.getByRole('status').filter({ hasText: 'copied' })).toBeVisible();
  const link = new URL(await fac.evaluate(() => navigator.clipboard.readText()));
  await invite.getByRole('button', { name: 'Close' }).click();
  await wall.goto(link.pathname + link.hash);
  await waitSynced(wall);
}

/**
 * Where a spec's screenshot of a state goes: docs/screens/ when they are being refreshed
 * (`npm run screens`), else the test output folder, so that a test run leaves the tree as it was.
 */
export function screenPath(name: string): string {
  const dir = process.env.SCREENS === '1' ? 'docs/screens' : 'test-results/screens';
  mkdirSync(dir, { recursive: true });
  return `${dir}/${name}`;
}

/** Runs model commands on the page's live board: `body` sees `board` (and `arg`, passed through). */
export async function onBoard(page: Page, body: string, arg?: unknown): Promise<void> {
  await page.evaluate(([b, a]) => new Function('board', 'arg', b)((window as unknown as { __sketchroom: { board: unknown } }).__sketchroom.board, a), [body, arg] as const);
}

/** A straight line's points ([x, y, pressure] flat, n + 1 of them) as JSON, for an onBoard body. */
export const linePoints = (x0: number, y0: number, x1: number, y1: number, n = 20): string =>
  JSON.stringify(Array.from({ length: n + 1 }, (_, i) => [x0 + ((x1 - x0) * i) / n, y0 + ((y1 - y0) * i) / n, 0.5]).flat());
