/**
 * Issue 6, Annotate: the facilitator pins a note to a region of a participant's drawing; the note
 * (its number and words) shows on the participant's screen and on the projector, follows the
 * drawing when it is moved, is edited, reordered, deleted and brought back through the Notes
 * panel, and survives a server restart. This spec runs its own server (started and restarted
 * here, on a port the OS picks, with its own data directory), so the restart touches nobody else.
 */
import { expect, test, type Browser, type BrowserContext, type Page } from '@playwright/test';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SERVER_NODE_ARGS } from '../server/nodeFlags';
import { canvasOrigin, drawPath, items, joinBoard, openProjectorLink, screenPath, startWorkshop, waitSynced, wave } from './helpers';

test.describe.configure({ mode: 'serial' });

const dataDir = mkdtempSync(join(tmpdir(), 'sketchroom-notes-e2e-'));

/** Starts the real server; resolves with its origin once it listens. */
function startServer(port: number): Promise<{ proc: ChildProcess; origin: string }> {
  const proc = spawn(process.execPath, [...SERVER_NODE_ARGS], {
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', DATA_DIR: dataDir, STATIC_DIR: 'dist' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return new Promise((resolve, reject) => {
    let out = '';
    proc.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const m = /Local:\s+http:\/\/localhost:(\d+)\//.exec(out);
      if (m) resolve({ proc, origin: `http://127.0.0.1:${m[1]}` });
    });
    proc.stderr!.on('data', (chunk: Buffer) => process.stderr.write(chunk));
    proc.once('exit', (code) => reject(new Error(`server exited (${code}) before listening: ${out}`)));
  });
}

function stopServer(proc: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (proc.exitCode !== null) return resolve();
    proc.once('exit', () => resolve());
    proc.kill('SIGTERM');
  });
}

async function open(browser: Browser, origin: string, width: number, height: number, storageState?: Awaited<ReturnType<BrowserContext['storageState']>>): Promise<Page> {
  const context = await browser.newContext({ baseURL: origin, viewport: { width, height }, deviceScaleFactor: 1, storageState });
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  return context.newPage();
}

interface NoteJson {
  author: string;
  target: string;
  text: string;
  speaker: string;
  order: string;
}
const notesOf = (page: Page) =>
  page.evaluate(() => {
    const board = window.__sketchroom?.board as unknown as { doc: { getMap(n: string): { toJSON(): Record<string, unknown> } } } | null;
    return Object.values(board?.doc.getMap('annotations').toJSON() ?? {}) as NoteJson[];
  });

/** Drags a region on the canvas with the Annotate tool (canvas coordinates). */
async function dragRegion(page: Page, from: [number, number], to: [number, number]): Promise<void> {
  await drawPath(page, [from, [(from[0] + to[0]) / 2, (from[1] + to[1]) / 2], to]);
}

test('annotate: a note on a participant’s drawing, live everywhere, follows the drawing, panel edits, survives a restart', async ({ browser }) => {
  test.setTimeout(120_000);
  let server = await startServer(0);
  const origin = server.origin;
  const port = Number(new URL(origin).port);
  try {
    const fac = await open(browser, origin, 1366, 768);
    const bea = await open(browser, origin, 1366, 768);
    const wall = await open(browser, origin, 1920, 1080);

    const url = await startWorkshop(fac, 'Notes check');
    await joinBoard(bea, url, 'Bea');
    await openProjectorLink(fac, wall);

    // Participants get no Annotate tool unless the board allows it.
    await expect(bea.getByRole('button', { name: 'Pen' })).toBeVisible();
    await expect(bea.getByRole('button', { name: 'Annotate' })).toHaveCount(0);

    // Bea draws; the facilitator annotates part of her drawing.
    await drawPath(bea, wave(300, 320, 360));
    await expect.poll(async () => (await items(fac)).length).toBe(1);
    const [drawing] = await items(fac);
    await fac.getByRole('button', { name: 'Annotate' }).click();
    await dragRegion(fac, [380, 300], [520, 345]);
    const editor = fac.getByRole('dialog', { name: 'New note 1' });
    await expect(editor).toBeVisible();
    const noteField = editor.getByLabel('Note');
    await noteField.fill('The river\nis how I get here');
    await expect(editor.getByText('27 / 1000')).toBeVisible();
    await noteField.fill('<img src=x onerror="window.__pwned=1">x'.repeat(40)); // long, and markup
    await expect(editor.getByText('1000 / 1000')).toBeVisible();
    await noteField.fill('The river\nis how I get here');
    await editor.getByLabel('Who said it').fill('Bea');
    await fac.screenshot({ path: screenPath('notes-editor.png') });
    await editor.getByRole('button', { name: 'Save note' }).click();
    await expect(editor).toHaveCount(0);
    await expect.poll(() => notesOf(fac)).toEqual([expect.objectContaining({ target: drawing!.id, text: 'The river\nis how I get here', speaker: 'Bea' })]);

    // Bea sees the marker; hovering shows the words (line break kept) and who said it.
    const beaMarker = bea.getByRole('button', { name: 'Note 1', exact: true });
    await expect(beaMarker).toBeVisible();
    await beaMarker.hover();
    const pop = bea.getByRole('tooltip');
    await expect(pop).toContainText('The river');
    await expect(pop).toContainText('— Bea');
    expect(await pop.locator('.note-pop-text').innerText()).toBe('The river\nis how I get here');
    await bea.screenshot({ path: screenPath('notes-popover.png') });
    await bea.mouse.move(1200, 650);

    // The projector shows the note's number and words.
    const legend = wall.getByRole('complementary', { name: 'Notes' });
    await expect(legend).toContainText('1');
    await expect(legend).toContainText('The river');
    await expect(wall.getByRole('button', { name: 'Note 1', exact: true })).toBeVisible();

    // Bea moves her drawing (select, drag): the note follows on every screen, by as much as the drawing moved.
    const at = (page: Page) =>
      page.evaluate((id) => {
        const item = window.__sketchroom?.board?.allItems().find((i) => i.id === id) as unknown as { x: number; y: number } | undefined;
        return item ? [item.x, item.y] : null;
      }, drawing!.id);
    const start = (await at(bea))!;
    const before = (await beaMarker.boundingBox())!;
    await bea.getByRole('button', { name: 'Select' }).click();
    const o = await canvasOrigin(bea);
    await bea.mouse.move(o.x + 300, o.y + 320);
    await bea.mouse.down();
    await bea.mouse.move(o.x + 400, o.y + 400, { steps: 6 });
    await bea.mouse.move(o.x + 450, o.y + 440, { steps: 6 });
    await bea.mouse.up();
    await expect.poll(async () => (await at(fac))?.[0]).toBeGreaterThan(start[0]! + 100);
    const end = (await at(fac))!;
    const moved = [Math.round(end[0]! - start[0]!), Math.round(end[1]! - start[1]!)];
    for (const page of [bea, fac]) {
      await expect.poll(async () => {
        const b = (await page.getByRole('button', { name: 'Note 1', exact: true }).boundingBox())!;
        return [Math.round(b.x - before.x), Math.round(b.y - before.y)];
      }).toEqual(moved);
    }
    expect(await notesOf(fac)).toEqual([expect.objectContaining({ target: drawing!.id })]);

    // A second note on a bare area; then the Notes panel: reorder, edit, delete, undo.
    await dragRegion(fac, [900, 480], [1040, 560]);
    const second = fac.getByRole('dialog', { name: 'New note 2' });
    await second.getByLabel('Note').fill('Everyone agreed on this corner');
    await second.getByRole('button', { name: 'Save note' }).click();
    await fac.getByRole('button', { name: /^Notes/ }).click();
    const panel = fac.getByRole('dialog', { name: /^Notes/ });
    const rows = panel.getByRole('listitem');
    await expect(rows).toHaveCount(2);
    await expect(rows.nth(0)).toContainText('The river');
    await panel.getByRole('button', { name: 'Move note 2 up' }).click();
    await expect(rows.nth(0)).toContainText('Everyone agreed');
    await expect(rows.nth(1)).toContainText('The river');
    await expect(bea.getByRole('button', { name: 'Note 2', exact: true })).toBeVisible();

    await panel.getByRole('button', { name: 'Edit note 2' }).click();
    const edit = fac.getByRole('dialog', { name: 'Edit note 2' });
    await edit.getByLabel('Note').fill('The river is how I get here, by bike');
    await edit.getByRole('button', { name: 'Save note' }).click();
    await expect(rows.nth(1)).toContainText('by bike');
    await expect(legend).toContainText('by bike');
    await fac.screenshot({ path: screenPath('notes-panel.png') });
    await wall.screenshot({ path: screenPath('notes-projector.png') });

    await panel.getByRole('button', { name: 'Delete note 1' }).click();
    await expect(rows).toHaveCount(1);
    await expect(bea.getByRole('button', { name: 'Note 2', exact: true })).toHaveCount(0);
    await panel.getByRole('button', { name: 'Undo' }).click();
    await expect(rows).toHaveCount(2);
    await expect(rows.nth(0)).toContainText('Everyone agreed');
    await expect(bea.getByRole('button', { name: 'Note 2', exact: true })).toBeVisible();

    // Clicking a note zooms the camera to it: its region (140 x 80 board px) fills the middle at 200 %,
    // so its marker (the region's top-left corner) sits 140 px left of and 80 px above the centre.
    await panel.getByRole('button', { name: 'Show note 1' }).click();
    await expect.poll(async () => {
      const b = (await fac.getByRole('button', { name: 'Note 1', exact: true }).boundingBox())!;
      return [Math.round(b.x + b.width / 2), Math.round(b.y + b.height / 2)];
    }).toEqual([683 - 140, 384 - 80]);
    expect(await fac.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();

    // The facilitator lets participants annotate their own drawings: Bea gets the tool and pins one.
    await fac.getByRole('button', { name: 'Facilitate' }).click();
    const facilitate = fac.getByRole('dialog', { name: 'Facilitate' });
    await facilitate.getByRole('switch', { name: 'Participants can add notes to their own drawings' }).click();
    await facilitate.getByRole('button', { name: 'Close' }).click();
    await bea.getByRole('button', { name: 'Annotate' }).click();
    await dragRegion(bea, [520 + moved[0]!, 345 + moved[1]!], [410 + moved[0]!, 305 + moved[1]!]);
    const beas = bea.getByRole('dialog', { name: 'New note 3' });
    await beas.getByLabel('Note').fill('I added this one myself');
    await beas.getByRole('button', { name: 'Save note' }).click();
    await expect(fac.getByRole('button', { name: 'Note 3', exact: true })).toBeVisible();
    const beaId = await bea.evaluate(() => window.__sketchroom?.identity?.participantId);
    expect((await notesOf(fac)).find((n) => n.text === 'I added this one myself')).toMatchObject({ target: drawing!.id, author: beaId });
    expect(await bea.evaluate(() => window.__sketchroom?.status)).toBe('connected');

    // Close everyone, restart the server: the notes are still there.
    const beaState = await bea.context().storageState();
    await expect.poll(async () => (await notesOf(bea)).length).toBe(3);
    for (const page of [fac, bea, wall]) await page.context().close();
    await stopServer(server.proc);
    server = await startServer(port);
    const again = await open(browser, origin, 1366, 768, beaState);
    await again.goto(url);
    await waitSynced(again);
    await expect.poll(async () => (await notesOf(again)).map((n) => n.text).sort()).toEqual(['Everyone agreed on this corner', 'I added this one myself', 'The river is how I get here, by bike']);
    await expect(again.getByRole('button', { name: 'Note 1', exact: true })).toBeVisible();
    await expect(again.getByRole('button', { name: 'Note 2', exact: true })).toBeVisible();
    await again.context().close();
  } finally {
    await stopServer(server.proc);
  }
});
