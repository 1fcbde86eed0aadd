/**
 * Issue 4, workshop sessions: a facilitator, two participants (joined by code, read off the Invite
 * panel as a person would) and a projector (by its link), each in its own browser context.
 */
import { expect, test, type Browser, type BrowserContext, type Page } from '@playwright/test';
import { colourDistance, drawPath, items, pixelAt, startWorkshop, waitSynced, wave } from './helpers';

test.describe.configure({ mode: 'serial' });

async function context(browser: Browser): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ viewport: { width: 1366, height: 768 }, deviceScaleFactor: 1 });
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  return { context, page: await context.newPage() };
}

/** Opens the Invite panel and reads the join code as shown on the screen. */
async function readJoinCode(fac: Page): Promise<string> {
  await fac.getByRole('button', { name: 'Invite' }).click();
  const dialog = fac.getByRole('dialog', { name: 'Invite people' });
  await expect(dialog.getByLabel('Join code')).toHaveText(/^[A-Z2-9]{3}\s*[A-Z2-9]{3}$/);
  return ((await dialog.getByLabel('Join code').textContent()) ?? '').replace(/\s+/g, '');
}

/** Clicks a copy button and returns the copied link as a path on the test server (origin dropped). */
async function copiedPath(fac: Page, button: string): Promise<string> {
  await fac.getByRole('button', { name: button }).click();
  await expect(fac.getByRole('status').filter({ hasText: 'copied' })).toBeVisible();
  const text = await fac.evaluate(() => navigator.clipboard.readText());
  const url = new URL(text);
  return url.pathname + url.search + url.hash;
}

async function joinByCode(page: Page, code: string, name: string): Promise<void> {
  await page.goto('/join');
  await page.getByLabel('Join code').fill(code);
  await page.getByLabel('Your name').fill(name);
  await page.getByRole('button', { name: 'Join' }).click();
  await expect(page).toHaveURL(/\/b\/[A-Za-z0-9_-]{22}$/);
  await waitSynced(page);
}

const identity = (page: Page) => page.evaluate(() => window.__sketchroom?.identity ?? null);

async function openPeople(page: Page) {
  const panel = page.getByRole('dialog', { name: /People here/ });
  if (!(await panel.isVisible())) await page.getByRole('button', { name: /^People/ }).click();
  return panel;
}

test('facilitator, two participants by code and a projector: presence, roles, reload, removal', async ({ browser }) => {
  // Four browser contexts on a two-core machine: about 40 s alone, more when another test runs beside it.
  test.setTimeout(150_000);
  const { page: fac } = await context(browser);
  const { page: ada } = await context(browser);
  const { page: ben } = await context(browser);
  const { page: wall } = await context(browser);

  await startWorkshop(fac, 'Sessions');
  const code = await readJoinCode(fac);
  const dialog = fac.getByRole('dialog', { name: 'Invite people' });
  const joinLink = await dialog.getByLabel('Join link').inputValue();
  expect(joinLink).toMatch(new RegExp(`/join\\?code=${code}$`));
  const facToken = (await identity(fac))!;
  expect(joinLink).not.toContain('key=');
  const projectorPath = await copiedPath(fac, 'Copy projector link');
  expect(projectorPath).toMatch(/^\/b\/[A-Za-z0-9_-]{22}#key=/);
  await fac.keyboard.press('Escape');
  await expect(dialog).toBeHidden();

  // Ada types the code as she reads it (lower case, a dash); Ben follows the QR link (code filled in).
  await joinByCode(ada, `${code.slice(0, 3).toLowerCase()}-${code.slice(3)}`, 'Ada');
  await ben.goto(`/join?code=${code}`);
  await expect(ben.getByLabel('Join code')).toHaveValue(`${code.slice(0, 3)} ${code.slice(3)}`);
  await ben.getByLabel('Your name').fill('Ben');
  await ben.getByRole('button', { name: 'Join' }).click();
  await waitSynced(ben);
  expect((await identity(ada))!.role).toBe('participant');
  expect(facToken.role).toBe('facilitator');

  // The projector link: identity from the key, the fragment gone, a read-only screen.
  await wall.goto(projectorPath);
  await waitSynced(wall);
  expect(new URL(wall.url()).hash).toBe('');
  expect((await identity(wall))!.role).toBe('projector');
  await expect(wall.getByRole('button', { name: 'Pen' })).toHaveCount(0);
  await expect(wall.getByRole('toolbar')).toHaveCount(0);
  await expect(wall.getByRole('button', { name: /^People/ })).toHaveCount(0);
  await expect(wall.getByRole('button', { name: 'Invite' })).toHaveCount(0);
  await drawPath(wall, wave(300, 300));
  await wall.waitForTimeout(300);
  expect(await items(wall)).toHaveLength(0);
  expect(await items(fac)).toHaveLength(0);

  // The facilitator renames herself; names show in everyone's People panel, the facilitator marked.
  let people = await openPeople(fac);
  await people.getByRole('button', { name: 'Change my name' }).click();
  await people.getByLabel('New name').fill('Fran');
  await people.getByRole('button', { name: 'Save' }).click();
  await expect(people.getByRole('listitem').filter({ hasText: 'Fran' })).toContainText('Facilitator');
  await expect(people.getByRole('listitem').filter({ hasText: 'Ada' })).toBeVisible();
  await expect(people.getByRole('listitem').filter({ hasText: 'Ben' })).toBeVisible();
  await expect(people.getByRole('listitem')).toHaveCount(3); // the projector is a screen, not a person
  await expect(fac.getByRole('button', { name: /^People/ })).toContainText('3');
  expect((await identity(fac))!.name).toBe('Fran');

  const adaPeople = await openPeople(ada);
  await expect(adaPeople.getByRole('listitem').filter({ hasText: 'Fran' })).toContainText('Facilitator');
  await expect(adaPeople.getByRole('listitem').filter({ hasText: 'Ben' })).toBeVisible();
  await expect(adaPeople.getByRole('button', { name: /^Remove/ })).toHaveCount(0); // only the facilitator removes

  // "drawing now" while Ben's pen is down.
  await drawPath(ben, wave(200, 420), false);
  await expect(adaPeople.getByRole('listitem').filter({ hasText: 'Ben' })).toContainText('drawing now', { timeout: 3000 });
  await ben.mouse.up();
  await expect(adaPeople.getByRole('listitem').filter({ hasText: 'Ben' })).not.toContainText('drawing now', { timeout: 3000 });
  await expect.poll(async () => (await items(fac)).length).toBe(1);
  const [benStroke] = await items(fac);
  expect(benStroke!.author).toBe((await identity(ben))!.participantId);

  // The switch for others' cursors is a real switch and is remembered on this device.
  const cursorSwitch = adaPeople.getByRole('switch', { name: 'Show others’ cursors' });
  await expect(cursorSwitch).toHaveAttribute('aria-checked', 'true');
  await cursorSwitch.click();
  await expect(cursorSwitch).toHaveAttribute('aria-checked', 'false');
  await cursorSwitch.click();
  await expect(cursorSwitch).toHaveAttribute('aria-checked', 'true');
  await adaPeople.getByRole('button', { name: 'Close' }).click();

  // Ben's cursor shows on Ada's screen (an empty area turns his colour).
  const before = await pixelAt(ada, 700, 200);
  const o = (await ben.locator('.konvajs-content').boundingBox())!;
  await ben.mouse.move(o.x + 700, o.y + 200);
  await expect.poll(async () => colourDistance(await pixelAt(ada, 702, 203), before), { timeout: 5000 }).toBeGreaterThan(40);

  // Ada cannot erase Ben's stroke: the server refuses (4403), the stroke stays everywhere, Ada recovers.
  await ada.evaluate((id) => (window.__sketchroom!.board as unknown as { deleteItems(ids: string[]): void }).deleteItems([id]), benStroke!.id);
  await expect(ada.getByText('That change is not allowed right now, so the board was reloaded.')).toBeVisible();
  await waitSynced(ada);
  for (const page of [ada, ben, fac, wall]) {
    await expect.poll(async () => (await items(page)).map((i) => i.id)).toEqual([benStroke!.id]);
  }

  // A reload keeps every identity: no join form again, the same participant.
  for (const page of [ada, wall, fac]) {
    const was = (await identity(page))!;
    await page.reload();
    await waitSynced(page);
    await expect(page.getByLabel('Your name')).toHaveCount(0);
    // No join form (the projector's header shows the code itself, as text, not as a field).
    await expect(page.getByRole('textbox', { name: 'Join code' })).toHaveCount(0);
    const now = (await identity(page))!;
    expect(now.participantId).toBe(was.participantId);
    expect(now.role).toBe(was.role);
  }
  expect((await identity(fac))!.name).toBe('Fran');
  await expect(wall.getByRole('button', { name: 'Pen' })).toHaveCount(0);

  // The facilitator removes Ben, after a confirmation; Ben sees a calm message and stays out.
  people = await openPeople(fac);
  await people.getByRole('button', { name: 'Remove Ben' }).click();
  await people.getByRole('button', { name: 'Yes, remove' }).click();
  await expect(ben.getByText('You were removed from this workshop by the facilitator.')).toBeVisible();
  await expect(people.getByRole('listitem').filter({ hasText: 'Ben' })).toHaveCount(0, { timeout: 2000 });
  await ben.waitForTimeout(1500);
  await expect(ben.getByText('You were removed from this workshop by the facilitator.')).toBeVisible();
  expect(await ben.evaluate(() => window.__sketchroom?.status)).not.toBe('connected');

  // Leaving shows within a second or two: Ada closes her browser.
  await ada.context().close();
  await expect(people.getByRole('listitem').filter({ hasText: 'Ada' })).toHaveCount(0, { timeout: 2000 });
  await expect(people.getByRole('listitem')).toHaveCount(1);
});

test('a facilitator link opened elsewhere makes that browser a facilitator; the key leaves the address', async ({ browser }) => {
  const { page: fac } = await context(browser);
  await startWorkshop(fac, 'Two facilitators');
  await readJoinCode(fac);
  const facPath = await copiedPath(fac, 'Copy facilitator link (keep private)');
  expect(facPath).toMatch(/#key=/);
  const { page: co } = await context(browser);
  await co.goto(facPath);
  await waitSynced(co);
  expect(new URL(co.url()).hash).toBe('');
  expect((await identity(co))!.role).toBe('facilitator');
  await expect(co.getByRole('button', { name: 'Invite' })).toBeVisible();
  await expect(co.getByRole('button', { name: 'Pen' })).toBeVisible();
  // The key was replaced in the history entry, not pushed past: Back leaves the board.
  await co.goBack();
  expect(co.url()).not.toContain('key=');
});

test('the join page explains a wrong code, then too many tries', async ({ browser }) => {
  const { page } = await context(browser);
  await page.goto('/');
  await page.getByRole('link', { name: 'Join a workshop' }).click();
  await expect(page).toHaveURL(/\/join$/);
  await page.getByLabel('Join code').fill('ABC');
  await page.getByLabel('Your name').fill('Sam');
  await page.getByRole('button', { name: 'Join' }).click();
  await expect(page.getByRole('alert')).toHaveText('A join code has 6 letters and numbers. Check the code on the screen.');
  await page.getByLabel('Join code').fill('ZZZ ZZZ');
  await page.getByRole('button', { name: 'Join' }).click();
  await expect(page.getByRole('alert')).toHaveText('That code does not match an open workshop. Check the code on the screen.');
  // Wrong codes are limited per address: keep trying until the calm "too many" message.
  for (let i = 0; i < 20; i++) {
    await page.getByRole('button', { name: 'Join' }).click();
    await expect(page.getByRole('button', { name: 'Join' })).toBeEnabled();
    if ((await page.getByRole('alert').textContent())?.startsWith('Too many')) break;
  }
  await expect(page.getByRole('alert')).toHaveText('Too many tries. Wait a minute and try again.');
});

test('while the facilitator has paused drawing, participants get a calm notice instead of the pen', async ({ browser }) => {
  const { page: fac } = await context(browser);
  const url = await startWorkshop(fac, 'Paused');
  const { page: sam } = await context(browser);
  await sam.goto(url);
  await sam.getByLabel('Your name').fill('Sam');
  await sam.getByRole('button', { name: 'Join' }).click();
  await waitSynced(sam);
  await expect(sam.getByRole('button', { name: 'Pen' })).toBeVisible();

  // No lock button yet (a later issue): the facilitator writes the session flag through the model.
  const setLocked = (locked: boolean) =>
    fac.evaluate((v) => (window.__sketchroom!.board as unknown as { doc: { getMap(n: string): { set(k: string, v: unknown): void } } }).doc.getMap('session').set('locked', v), locked);
  await setLocked(true);
  await expect(sam.getByRole('status').filter({ hasText: 'The facilitator has paused drawing.' })).toBeVisible();
  await expect(sam.getByRole('button', { name: 'Pen' })).toHaveCount(0);
  await drawPath(sam, wave(300, 300));
  await sam.waitForTimeout(300);
  expect(await items(fac)).toHaveLength(0);
  await expect(fac.getByRole('button', { name: 'Pen' })).toBeVisible(); // the facilitator still draws

  await setLocked(false);
  await expect(sam.getByRole('button', { name: 'Pen' })).toBeVisible();
  await expect(sam.getByText('The facilitator has paused drawing.')).toHaveCount(0);
  await drawPath(sam, wave(300, 300));
  await expect.poll(async () => (await items(fac)).length).toBe(1);
});

test('participants erase only their own work until the facilitator lets everyone edit others’ drawings', async ({ browser }) => {
  const { page: fac } = await context(browser);
  const url = await startWorkshop(fac, 'Shared eraser');
  const { page: sam } = await context(browser);
  await sam.goto(url);
  await sam.getByLabel('Your name').fill('Sam');
  await sam.getByRole('button', { name: 'Join' }).click();
  await waitSynced(sam);

  await drawPath(fac, wave(300, 300));
  await expect.poll(async () => (await items(sam)).length).toBe(1);

  // Sam's eraser passes over the facilitator's stroke: nothing goes.
  await sam.getByRole('button', { name: 'Eraser' }).click();
  await drawPath(sam, [[300, 260], [300, 340], [420, 260], [420, 340]]);
  await sam.waitForTimeout(500);
  expect(await items(fac)).toHaveLength(1);

  // The facilitator allows it in the People panel; now Sam's eraser removes it on every screen.
  const panel = await openPeople(fac);
  const toggle = panel.getByRole('switch', { name: 'Let everyone move and erase others’ drawings' });
  await expect(toggle).toHaveAttribute('aria-checked', 'false');
  await toggle.click();
  await expect(toggle).toHaveAttribute('aria-checked', 'true');
  await drawPath(sam, [[300, 260], [300, 340], [420, 260], [420, 340]]);
  await expect.poll(async () => (await items(fac)).length).toBe(0);
  await expect.poll(async () => (await items(sam)).length).toBe(0);
  await expect(sam.getByText('That change is not allowed right now, so the board was reloaded.')).toHaveCount(0);
});
