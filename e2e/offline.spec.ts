/**
 * Venue Wi-Fi: a participant goes offline, draws, reloads while offline (the page, the board and
 * their own new strokes come from this device), and comes back: the strokes reach the others and
 * the server, and the indicator says "All changes saved" only then.
 */
import { expect, test, type Page } from '@playwright/test';
import { drawPath, items, joinBoard, newPage, startWorkshop, wave } from './helpers';

const status = (page: Page) => page.getByRole('status').filter({ hasText: /saved|Saving|Offline|Reconnecting|Connecting/ });

/** The page is under the service worker's control (a first visit installs it; it then claims the page). */
async function serviceWorkerReady(page: Page): Promise<void> {
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
  });
  await page.waitForFunction(() => !!navigator.serviceWorker.controller);
}

test('drawing offline survives a reload and syncs when the connection returns', async ({ page: facilitator, browser }) => {
  const url = await startWorkshop(facilitator, 'Wi-Fi trouble');
  const ada = await newPage(browser);
  await joinBoard(ada, url, 'Ada');
  await expect(status(ada)).toHaveText('All changes saved');
  await serviceWorkerReady(ada);

  await drawPath(ada, wave(200, 250));
  await expect.poll(async () => (await items(facilitator)).length).toBe(1);
  await expect(status(ada)).toHaveText('All changes saved');

  await ada.context().setOffline(true);
  await expect(status(ada)).toContainText('Offline');
  await expect(status(ada)).toContainText('Your changes are saved on this device');
  await ada.locator('.topbar-right').screenshot({ path: 'test-results/status-offline.png' });
  await drawPath(ada, wave(200, 400));
  await drawPath(ada, wave(200, 500));
  await expect.poll(async () => (await items(ada)).length).toBe(3);
  const mine = (await items(ada)).map((i) => i.id).sort();
  expect((await items(facilitator)).length).toBe(1); // nothing left the device

  await ada.reload();
  await expect(ada.getByRole('button', { name: 'Pen' })).toBeVisible();
  await expect.poll(async () => (await items(ada)).map((i) => i.id).sort()).toEqual(mine);
  await expect(status(ada)).toContainText('Offline');

  await ada.context().setOffline(false);
  await expect.poll(async () => (await items(facilitator)).map((i) => i.id).sort()).toEqual(mine);
  await expect(status(ada)).toHaveText('All changes saved');

  // The server has them: a fresh visitor sees all three.
  const bo = await newPage(browser);
  await joinBoard(bo, url, 'Bo');
  await expect.poll(async () => (await items(bo)).map((i) => i.id).sort()).toEqual(mine);
  await bo.screenshot({ path: 'test-results/offline-after.png' });
});

test('while the server cannot be reached: "Reconnecting…" with "Retry now", then saved again', async ({ page, browser }) => {
  // Sockets pass through to the server until `blocked`; then every new one is dropped, as a venue's
  // Wi-Fi would (the open one goes with the browser's 'offline' event).
  let blocked = false;
  let refused = 0;
  await page.routeWebSocket(/\/ws\//, (ws) => {
    if (!blocked) return void ws.connectToServer();
    refused++;
    return ws.close({ code: 4000, reason: 'venue Wi-Fi' });
  });
  const url = await startWorkshop(page, 'Flaky venue');
  await drawPath(page, wave(200, 250));
  await expect(status(page)).toHaveText('All changes saved');
  await page.locator('.topbar-right').screenshot({ path: 'test-results/status-saved.png' });
  blocked = true;
  await page.evaluate(() => window.dispatchEvent(new Event('offline')));
  await expect(status(page)).toHaveText('Reconnecting…');
  await drawPath(page, wave(200, 400));
  await expect.poll(async () => (await items(page)).length).toBe(2);
  await page.locator('.topbar-right').screenshot({ path: 'test-results/status-reconnecting.png' });
  const before = refused;
  await page.getByRole('button', { name: 'Retry now' }).click();
  await expect.poll(() => refused).toBeGreaterThan(before);
  blocked = false;
  // The next attempt comes when the jittered backoff says (up to 10 s), then the sync and the
  // server's confirmation: more than the default 10 s wait on a busy machine.
  await expect(status(page)).toHaveText('All changes saved', { timeout: 25_000 });
  // The stroke drawn during the outage is on the server: a new participant sees both.
  const bo = await newPage(browser);
  await joinBoard(bo, url, 'Bo');
  await expect.poll(async () => (await items(bo)).length).toBe(2);
});

test('a change the server refuses is not kept on the device: after the reload it does not come back', async ({ page: facilitator, browser }) => {
  const url = await startWorkshop(facilitator, 'Refusals');
  const ada = await newPage(browser);
  await joinBoard(ada, url, 'Ada');
  await drawPath(ada, wave(200, 250));
  await expect(status(ada)).toHaveText('All changes saved');
  // Only the facilitator may write the session map: the server closes with 4403 and the page starts
  // over from the server's state, deleting its local copy.
  await ada.evaluate(() => {
    const board = window.__sketchroom!.board as unknown as { doc: { getMap(name: string): { set(k: string, v: unknown): void } } };
    board.doc.getMap('session').set('note', 'not mine to write');
  });
  await expect(ada.getByText('That change is not allowed right now, so the board was reloaded.')).toBeVisible();
  await expect(status(ada)).toHaveText('All changes saved');
  const readNote = () =>
    ada.evaluate(() => (window.__sketchroom!.board as unknown as { doc: { getMap(name: string): { get(k: string): unknown } } }).doc.getMap('session').get('note') ?? null);
  expect(await readNote()).toBeNull();
  await ada.reload();
  await expect(status(ada)).toHaveText('All changes saved');
  expect(await readNote()).toBeNull();
  await expect(ada.getByText('That change is not allowed right now, so the board was reloaded.')).toHaveCount(0);
  expect((await items(ada)).length).toBe(1);
});

test('a board cleared while someone was offline stays clear when they come back', async ({ page: facilitator, browser }) => {
  const url = await startWorkshop(facilitator, 'Clean slate');
  const ada = await newPage(browser);
  await joinBoard(ada, url, 'Ada');
  await drawPath(ada, wave(200, 250));
  await expect.poll(async () => (await items(facilitator)).length).toBe(1);
  await ada.context().setOffline(true);
  await expect(status(ada)).toContainText('Offline');
  await drawPath(ada, wave(200, 400));
  await expect.poll(async () => (await items(ada)).length).toBe(2);
  // "Clear board" (built elsewhere), as the model does it: the items go and the epoch goes up, in one transaction.
  await facilitator.evaluate(() => {
    type YMap = { keys(): Iterable<string>; delete(k: string): void; get(k: string): unknown; set(k: string, v: unknown): void };
    const doc = (window.__sketchroom!.board as unknown as { doc: { transact(fn: () => void): void; getMap(n: string): YMap } }).doc;
    doc.transact(() => {
      const items = doc.getMap('items');
      for (const id of [...items.keys()]) items.delete(id);
      const session = doc.getMap('session');
      session.set('epoch', ((session.get('epoch') as number | undefined) ?? 0) + 1);
    });
  });
  await expect.poll(async () => (await items(facilitator)).length).toBe(0);
  await ada.context().setOffline(false);
  await expect(ada.getByText('The board was cleared while you were offline, so what you added meanwhile was removed.')).toBeVisible();
  await expect(status(ada)).toHaveText('All changes saved');
  await ada.screenshot({ path: 'test-results/epoch-notice.png' });
  expect(await items(ada)).toEqual([]);
  expect(await items(facilitator)).toEqual([]);
  // Drawing goes on as usual afterwards.
  await drawPath(ada, wave(200, 300));
  await expect.poll(async () => (await items(facilitator)).length).toBe(1);
});
