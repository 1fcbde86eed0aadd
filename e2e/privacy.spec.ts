/**
 * Issue 5, private drawing with real privacy: a facilitator, two participants and a projector.
 * While private drawing is on, a participant's page neither shows (model, pixels) nor receives
 * (WebSocket frames) the other's strokes, the projector shows a calm card and receives none either;
 * after the reveal everyone shows everything.
 */
import { expect, test, type Browser, type Page } from '@playwright/test';
import { countInk, drawPath, items, joinBoard, screenPath, waitSynced, wave } from './helpers';

test.describe.configure({ mode: 'serial' });

async function open(browser: Browser, width = 1366, height = 768): Promise<Page> {
  const context = await browser.newContext({ viewport: { width, height }, deviceScaleFactor: 1 });
  return context.newPage();
}

/** Every binary WebSocket frame the page receives, from now on. */
function recordFrames(page: Page): Buffer[] {
  const frames: Buffer[] = [];
  page.on('websocket', (ws) => ws.on('framereceived', (f) => frames.push(typeof f.payload === 'string' ? Buffer.from(f.payload) : f.payload)));
  return frames;
}

const contains = (frames: Buffer[], text: string) => Buffer.concat(frames).includes(Buffer.from(text));

test('private drawing: nobody receives another participant’s strokes before the reveal; after it everyone sees all', async ({ browser, baseURL }) => {
  test.setTimeout(120_000);
  const made = (await (
    await fetch(`${baseURL}/api/boards`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ title: 'Open data' }) })
  ).json()) as { url: string; facilitatorUrl: string; projectorUrl: string };

  const fac = await open(browser);
  await fac.goto(made.facilitatorUrl);
  await waitSynced(fac);
  await fac.getByRole('button', { name: 'Facilitate' }).click();
  const panel = fac.getByRole('dialog', { name: 'Facilitate' });
  await panel.getByLabel('Prompt').fill('Draw what open data means to you');
  await panel.getByRole('button', { name: 'Save prompt' }).click();
  await expect(panel.getByRole('button', { name: 'Reveal drawings' })).toBeDisabled();
  await panel.getByRole('switch', { name: 'Private drawing' }).click();
  await expect(panel.getByRole('switch', { name: 'Private drawing' })).toHaveAttribute('aria-checked', 'true');
  await expect(fac.getByRole('status').filter({ hasText: 'Private drawing is on. You see everyone’s drawing.' }).first()).toBeVisible();
  await panel.getByRole('button', { name: 'Reveal drawings' }).scrollIntoViewIfNeeded();
  await fac.screenshot({ path: screenPath('facilitator-private-drawing.png') });

  const ann = await open(browser);
  const ben = await open(browser);
  const wall = await open(browser, 1920, 1080);
  const benFrames = recordFrames(ben);
  const wallFrames = recordFrames(wall);
  await joinBoard(ann, made.url, 'Ann');
  await joinBoard(ben, made.url, 'Ben');
  await wall.goto(made.projectorUrl);
  await waitSynced(wall);

  for (const p of [ann, ben]) {
    await expect(p.getByRole('status').filter({ hasText: 'Private drawing: only you and the facilitator see your drawing until the reveal.' })).toBeVisible();
  }
  await expect(wall.getByText('Everyone is drawing in private')).toBeVisible();

  await drawPath(ann, wave(300, 250));
  await drawPath(ben, wave(300, 520));
  await expect.poll(async () => (await items(fac)).length).toBe(2);
  const annItems = await items(ann);
  const benItems = await items(ben);
  expect(annItems).toHaveLength(1);
  expect(benItems).toHaveLength(1);
  const annId = annItems[0]!.id;
  const benId = benItems[0]!.id;
  expect(annId).not.toBe(benId);
  // The facilitator got both; the projector and Ben never got Ann's (not even on the wire).
  expect((await items(fac)).map((i) => i.id).sort()).toEqual([annId, benId].sort());
  // Let anything in flight arrive before looking at what was received.
  await fac.getByRole('dialog', { name: 'Facilitate' }).getByLabel('Prompt').fill('Draw what open data means to you, in 3 minutes');
  await fac.getByRole('dialog', { name: 'Facilitate' }).getByRole('button', { name: 'Save prompt' }).click();
  await expect(ben.getByLabel(/Prompt: Draw what open data means to you, in 3 minutes/)).toBeVisible();
  await expect(wall.getByRole('heading', { name: /in 3 minutes/ })).toBeVisible();
  expect(await items(ben)).toEqual(benItems);
  expect(await items(wall)).toEqual([]);
  expect(contains(benFrames, annId)).toBe(false);
  expect(contains(wallFrames, annId)).toBe(false);
  expect(contains(wallFrames, benId)).toBe(false);
  // Ben's page shows no ink where Ann drew (and his own where he drew).
  expect(await countInk(ben, 280, 220, 340, 60, annItems[0]!.color)).toBe(0);
  await expect.poll(() => countInk(ben, 280, 490, 340, 60, benItems[0]!.color)).toBeGreaterThan(50);

  await wall.screenshot({ path: screenPath('projector-private-drawing.png') });
  await ben.screenshot({ path: screenPath('participant-private-drawing.png') });

  // The reveal.
  await fac.getByRole('dialog', { name: 'Facilitate' }).getByRole('button', { name: 'Reveal drawings' }).click();
  await expect(fac.getByRole('dialog', { name: 'Facilitate' }).getByRole('button', { name: 'Back to drawing' })).toBeVisible();
  for (const p of [ann, ben, wall]) {
    await expect.poll(async () => (await items(p)).map((i) => i.id).sort()).toEqual([annId, benId].sort());
  }
  await expect(wall.getByText('Everyone is drawing in private')).toHaveCount(0);
  await expect(ben.getByRole('status').filter({ hasText: 'Revealed: everyone sees all the drawings now.' })).toBeVisible();
  await expect.poll(() => countInk(ben, 280, 220, 340, 60, annItems[0]!.color)).toBeGreaterThan(50);
  await expect.poll(() => countInk(ann, 280, 490, 340, 60, benItems[0]!.color)).toBeGreaterThan(50);
  expect(contains(benFrames, annId)).toBe(true);
  await wall.waitForTimeout(1500); // the projector's fit glides for 0.9 s: screenshot the settled wall
  await wall.screenshot({ path: screenPath('projector-revealed.png') });
});
