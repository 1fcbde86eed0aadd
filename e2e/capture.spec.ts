/**
 * Issue 6, capture: pictures onto the board by file picker, paste and the camera (Chromium's fake
 * camera), cropped, turned and cleaned up in the dialog, uploaded, and seen as pixels (not the
 * placeholder) by a second participant and the projector, also after a reload.
 */
import { expect, test, type Page } from '@playwright/test';
import config from '../playwright.config';
import { countInk, openBoardAs, screenPath, waitSynced } from './helpers';

// The fake camera: two devices, so the camera choice shows. Keeps the configured Chromium.
test.use({
  launchOptions: {
    ...config.use?.launchOptions,
    args: [
      ...(config.use?.launchOptions?.args ?? []),
      '--use-fake-device-for-media-stream=device-count=2',
      '--use-fake-ui-for-media-stream',
    ],
  },
});

interface Made {
  id: string;
  facilitatorUrl: string;
  projectorUrl: string;
}

async function makeBoard(baseURL: string): Promise<Made> {
  const res = await fetch(`${baseURL}/api/boards`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ title: 'Drawings from paper' }) });
  return (await res.json()) as Made;
}

async function participant(baseURL: string, boardId: string, name: string): Promise<Record<string, string>> {
  const res = await fetch(`${baseURL}/api/join`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ boardId, name }) });
  const j = (await res.json()) as Record<string, string>;
  return { token: j.token!, role: 'participant', participantId: j.participantId!, name: j.name!, color: j.color! };
}

interface PictureView {
  id: string;
  author: string;
  blob: string;
  pw: number;
  ph: number;
  x: number;
  y: number;
  w: number;
  h: number;
}

async function pictures(page: Page): Promise<PictureView[]> {
  return page.evaluate(() =>
    (window.__sketchroom?.board?.allItems() ?? []).filter((i) => i.kind === 'image').map((i) => i as unknown as PictureView),
  );
}

/**
 * A phone photo of a drawing on paper, made in the page: warm, unevenly lit paper, dark marker
 * lines and a big red heart. Returns PNG bytes.
 */
async function paperPhoto(page: Page, width = 900, height = 675, type = 'image/png'): Promise<Buffer> {
  const b64 = await page.evaluate(
    async ([w, h, mime]) => {
      const c = document.createElement('canvas');
      c.width = w;
      c.height = h;
      const g = c.getContext('2d')!;
      const light = g.createRadialGradient(w * 0.3, h * 0.25, 10, w * 0.45, h * 0.4, w * 0.9);
      light.addColorStop(0, '#d9ceb4');
      light.addColorStop(1, '#8f8670');
      g.fillStyle = light;
      g.fillRect(0, 0, w, h);
      g.strokeStyle = '#2b2824';
      g.lineWidth = w / 120;
      g.lineCap = 'round';
      g.lineJoin = 'round';
      // A house, a sun and a path: a child's drawing in marker.
      g.strokeRect(w * 0.12, h * 0.45, w * 0.26, h * 0.3);
      g.beginPath();
      g.moveTo(w * 0.09, h * 0.47);
      g.lineTo(w * 0.25, h * 0.25);
      g.lineTo(w * 0.41, h * 0.47);
      g.stroke();
      g.beginPath();
      g.arc(w * 0.8, h * 0.2, w * 0.06, 0, Math.PI * 2);
      g.stroke();
      for (let i = 0; i < 8; i++) {
        const a = (i * Math.PI) / 4;
        g.beginPath();
        g.moveTo(w * 0.8 + Math.cos(a) * w * 0.08, h * 0.2 + Math.sin(a) * w * 0.08);
        g.lineTo(w * 0.8 + Math.cos(a) * w * 0.11, h * 0.2 + Math.sin(a) * w * 0.11);
        g.stroke();
      }
      g.beginPath();
      g.moveTo(w * 0.25, h * 0.75);
      g.bezierCurveTo(w * 0.35, h * 0.85, w * 0.5, h * 0.8, w * 0.62, h * 0.95);
      g.stroke();
      // The red heart, in the middle of the picture.
      g.fillStyle = '#b8322a';
      const cx = w * 0.6, cy = h * 0.55, s = w * 0.09;
      g.beginPath();
      g.moveTo(cx, cy + s);
      g.bezierCurveTo(cx - s * 1.6, cy - s * 0.2, cx - s * 0.5, cy - s * 1.3, cx, cy - s * 0.4);
      g.bezierCurveTo(cx + s * 0.5, cy - s * 1.3, cx + s * 1.6, cy - s * 0.2, cx, cy + s);
      g.fill();
      g.font = `${Math.round(w / 22)}px sans-serif`;
      g.fillStyle = '#2b2824';
      g.fillText('Our village, 2030', w * 0.5, h * 0.9);
      const blob = await new Promise<Blob>((r) => c.toBlob((b) => r(b!), mime, 0.9));
      const bytes = new Uint8Array(await blob.arrayBuffer());
      let s2 = '';
      for (const byte of bytes) s2 += String.fromCharCode(byte);
      return btoa(s2);
    },
    [width, height, type] as const,
  );
  return Buffer.from(b64, 'base64');
}

/** Screen rectangle of a picture on this page (board -> screen through the page's camera). */
async function screenRect(page: Page, id: string): Promise<{ x: number; y: number; w: number; h: number }> {
  return page.evaluate((pid) => {
    const hook = window.__sketchroom as unknown as { board: { getItem(id: string): PictureView }; camera: () => { x: number; y: number; zoom: number } };
    const item = hook.board.getItem(pid);
    const cam = hook.camera();
    return { x: (item.x - cam.x) * cam.zoom, y: (item.y - cam.y) * cam.zoom, w: item.w * cam.zoom, h: item.h * cam.zoom };
  }, id);
}

const RED = '#e02a20';

test('file picker: crop and clean up; a second participant and the projector see the photo, also after a reload', async ({ browser, baseURL }) => {
  const made = await makeBoard(baseURL!);
  const ada = await participant(baseURL!, made.id, 'Ada');
  const bea = await participant(baseURL!, made.id, 'Bea');
  const pageA = await (await browser.newContext({ viewport: { width: 1366, height: 768 } })).newPage();
  const pageB = await (await browser.newContext({ viewport: { width: 1366, height: 768 } })).newPage();
  const wall = await (await browser.newContext({ viewport: { width: 1920, height: 1080 } })).newPage();
  await openBoardAs(pageA, made.id, ada);
  await openBoardAs(pageB, made.id, bea);
  await wall.goto(made.projectorUrl);
  await waitSynced(wall);

  const photo = await paperPhoto(pageA);
  const chooser = pageA.waitForEvent('filechooser');
  await pageA.getByRole('button', { name: 'Picture', exact: true }).click();
  await pageA.getByRole('button', { name: /Add image/ }).click();
  await (await chooser).setFiles({ name: 'village.png', mimeType: 'image/png', buffer: photo });

  const dialog = pageA.getByRole('dialog', { name: 'Add a picture' });
  await expect(dialog).toBeVisible();
  const preview = dialog.getByRole('img', { name: 'Picture preview' });
  await expect(preview).toBeVisible();
  // Crop: the top-left corner handle dragged in by a tenth of the preview each way.
  const frame = (await preview.boundingBox())!;
  const corner = (await dialog.getByRole('button', { name: 'Crop: top left corner' }).boundingBox())!;
  await pageA.mouse.move(corner.x + corner.width / 2, corner.y + corner.height / 2);
  await pageA.mouse.down();
  await pageA.mouse.move(corner.x + corner.width / 2 + frame.width * 0.1, corner.y + corner.height / 2 + frame.height * 0.1, { steps: 5 });
  await pageA.mouse.up();
  await dialog.getByLabel('Clean up').check();
  await dialog.getByRole('button', { name: 'Add to board' }).click();
  await expect(dialog).toBeHidden();

  await expect.poll(async () => (await pictures(pageA)).length).toBe(1);
  const [pic] = await pictures(pageA);
  expect(pic!.author).toBe(ada.participantId);
  // The crop took a tenth off two sides: 900 x 675 -> about 810 x 608.
  expect(Math.abs(pic!.pw - 810)).toBeLessThan(12);
  expect(Math.abs(pic!.ph - 608)).toBeLessThan(12);
  expect(Math.abs(pic!.w / pic!.h - pic!.pw / pic!.ph)).toBeLessThan(0.01);

  // Ada sees the picture, cleaned up: the paper inside it is white, the heart red.
  const r = await screenRect(pageA, pic!.id);
  await expect.poll(() => countInk(pageA, r.x, r.y, r.w, r.h, RED, 70)).toBeGreaterThan(400);
  await expect.poll(() => countInk(pageA, r.x + r.w * 0.05, r.y + r.h * 0.35, r.w * 0.04, r.h * 0.04, '#ffffff', 6)).toBeGreaterThan(20);

  // Bea and the projector see the pixels, not the placeholder.
  for (const page of [pageB, wall]) {
    await expect.poll(async () => (await pictures(page)).length).toBe(1);
    const size = page.viewportSize()!;
    await expect.poll(() => countInk(page, 0, 0, size.width, size.height, RED, 70), { timeout: 15_000 }).toBeGreaterThan(200);
  }

  // Late join / reload: the projector loads the board again and shows the photo.
  await wall.reload();
  await waitSynced(wall);
  await expect.poll(() => countInk(wall, 0, 0, 1920, 1080, RED, 70), { timeout: 15_000 }).toBeGreaterThan(200);

  // Screenshot of a board with a photo on the projector.
  await wall.screenshot({ path: screenPath('capture-board-photo.png') });
});

test('paste a picture from the clipboard; a file that is not a picture is refused in plain words', async ({ browser, baseURL }) => {
  const made = await makeBoard(baseURL!);
  const page = await (await browser.newContext({ viewport: { width: 1366, height: 768 } })).newPage();
  await page.goto(made.facilitatorUrl);
  await waitSynced(page);

  // A blue picture pasted (Ctrl+V with a picture on the clipboard), as a browser delivers it.
  await page.evaluate(async () => {
    const c = document.createElement('canvas');
    c.width = 300;
    c.height = 200;
    const g = c.getContext('2d')!;
    g.fillStyle = '#1d4ed8';
    g.fillRect(0, 0, 300, 200);
    const blob = await new Promise<Blob>((r) => c.toBlob((b) => r(b!), 'image/png'));
    const data = new DataTransfer();
    data.items.add(new File([blob], 'image.png', { type: 'image/png' }));
    document.body.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
  });
  const dialog = page.getByRole('dialog', { name: 'Add a picture' });
  await expect(dialog.getByRole('img', { name: 'Picture preview' })).toBeVisible();
  await dialog.getByRole('button', { name: 'Add to board' }).click();
  await expect(dialog).toBeHidden();
  await expect.poll(async () => (await pictures(page)).map((p) => [p.pw, p.ph])).toEqual([[300, 200]]);
  await expect.poll(() => countInk(page, 0, 0, 1366, 768, '#1d4ed8', 30)).toBeGreaterThan(5000);
  // Placed selected: Delete removes it, undo brings it back.
  await page.keyboard.press('Delete');
  await expect.poll(async () => (await pictures(page)).length).toBe(0);
  await page.keyboard.press('Control+z');
  await expect.poll(async () => (await pictures(page)).length).toBe(1);

  // A file dropped on the board lands where it was dropped.
  await page.evaluate(async () => {
    const c = document.createElement('canvas');
    c.width = 160;
    c.height = 120;
    const g = c.getContext('2d')!;
    g.fillStyle = '#15803d';
    g.fillRect(0, 0, 160, 120);
    const blob = await new Promise<Blob>((r) => c.toBlob((b) => r(b!), 'image/png'));
    const data = new DataTransfer();
    data.items.add(new File([blob], 'green.png', { type: 'image/png' }));
    const target = document.querySelector('.board-canvas')!;
    for (const type of ['dragenter', 'dragover', 'drop']) {
      target.dispatchEvent(new DragEvent(type, { dataTransfer: data, clientX: 300, clientY: 250, bubbles: true, cancelable: true }));
    }
  });
  await expect(dialog.getByRole('img', { name: 'Picture preview' })).toBeVisible();
  await dialog.getByRole('button', { name: 'Add to board' }).click();
  await expect(dialog).toBeHidden();
  await expect.poll(async () => (await pictures(page)).length).toBe(2);
  const green = (await pictures(page)).find((p) => p.pw === 160)!;
  const rect = await screenRect(page, green.id);
  expect(Math.abs(rect.x + rect.w / 2 - 300)).toBeLessThan(2);
  expect(Math.abs(rect.y + rect.h / 2 - 250)).toBeLessThan(2);
  await expect.poll(() => countInk(page, 300 - 20, 250 - 20, 40, 40, '#15803d', 30)).toBeGreaterThan(1000);

  // A text file named like a picture: the dialog says so and nothing is added.
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Picture', exact: true }).click();
  await page.getByRole('button', { name: /Add image/ }).click();
  await (await chooser).setFiles({ name: 'notes.png', mimeType: 'image/png', buffer: Buffer.from('<html><script>alert(1)</script></html>') });
  await expect(dialog.getByRole('alert')).toHaveText(/not a picture Sketchroom can open/);
  await expect(dialog.getByRole('button', { name: 'Add to board' })).toBeDisabled();
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog).toBeHidden();
  expect(await pictures(page)).toHaveLength(2);
});

test('take a photo with the camera: choose the camera, retake, turn it, add it', async ({ browser, baseURL }) => {
  const made = await makeBoard(baseURL!);
  const ada = await participant(baseURL!, made.id, 'Ada');
  const page = await (await browser.newContext({ viewport: { width: 1366, height: 768 } })).newPage();
  await openBoardAs(page, made.id, ada);

  await page.getByRole('button', { name: 'Picture', exact: true }).click();
  await page.getByRole('button', { name: /Take photo/ }).click();
  const camera = page.getByRole('dialog', { name: 'Take a photo' });
  await expect(camera.getByLabel('Camera preview')).toBeVisible();
  const choice = camera.getByLabel('Camera', { exact: true });
  await expect(choice.locator('option')).toHaveCount(2);
  const second = await choice.locator('option').nth(1).getAttribute('value');
  await choice.selectOption(second!);
  const shoot = camera.getByRole('button', { name: 'Take photo' });
  await expect(shoot).toBeEnabled();
  await shoot.click();

  const edit = page.getByRole('dialog', { name: 'Add a picture' });
  await expect(edit.getByRole('img', { name: 'Picture preview' })).toBeVisible();
  await edit.getByRole('button', { name: 'Retake' }).click();
  await expect(camera.getByRole('button', { name: 'Take photo' })).toBeEnabled();
  await camera.getByRole('button', { name: 'Take photo' }).click();
  await expect(edit.getByRole('img', { name: 'Picture preview' })).toBeVisible();
  await edit.getByRole('button', { name: 'Rotate right' }).click();
  await edit.getByRole('button', { name: 'Add to board' }).click();
  await expect(edit).toBeHidden();

  await expect.poll(async () => (await pictures(page)).length).toBe(1);
  const [pic] = await pictures(page);
  // The fake camera films landscape; turned a quarter, the photo is portrait.
  expect(pic!.ph).toBeGreaterThan(pic!.pw);
  expect(pic!.author).toBe(ada.participantId);
});

test('screenshot: the capture dialog at 1366 x 768', async ({ browser, baseURL }) => {
  const made = await makeBoard(baseURL!);
  const page = await (await browser.newContext({ viewport: { width: 1366, height: 768 } })).newPage();
  await page.goto(made.facilitatorUrl);
  await waitSynced(page);
  const photo = await paperPhoto(page, 1600, 1200, 'image/jpeg');
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Picture', exact: true }).click();
  await page.screenshot({ path: 'test-results/capture-menu.png' });
  await page.getByRole('button', { name: /Add image/ }).click();
  await (await chooser).setFiles({ name: 'village.jpg', mimeType: 'image/jpeg', buffer: photo });
  const dialog = page.getByRole('dialog', { name: 'Add a picture' });
  await expect(dialog.getByRole('img', { name: 'Picture preview' })).toBeVisible();
  const handle = dialog.getByRole('button', { name: 'Crop: bottom right corner' });
  await handle.focus();
  for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowLeft');
  await page.keyboard.press('ArrowUp');
  await dialog.getByLabel('Clean up').check();
  await expect(dialog.getByText('Cleaning up…')).toBeHidden();
  await page.mouse.move(10, 10);
  await page.screenshot({ path: screenPath('capture-dialog.png') });
  // Added: selected, with the Select tool (for looking at; the other tests check the pixels).
  await dialog.getByRole('button', { name: 'Add to board' }).click();
  await expect(dialog).toBeHidden();
  await expect.poll(async () => (await pictures(page)).length).toBe(1);
  await page.screenshot({ path: 'test-results/capture-laptop-selected.png' });
});

test('a picture that cannot be fetched shows a calm card, not a broken canvas', async ({ browser, baseURL }) => {
  const made = await makeBoard(baseURL!);
  const page = await (await browser.newContext({ viewport: { width: 1366, height: 768 } })).newPage();
  await page.goto(made.facilitatorUrl);
  await waitSynced(page);
  // An item naming a picture this board does not have (pasted from another board, say).
  await page.evaluate(() => {
    const hook = window.__sketchroom as unknown as { board: { addItem(item: Record<string, unknown>): string }; camera: () => { x: number; y: number } };
    const cam = hook.camera();
    hook.board.addItem({ kind: 'image', blob: 'ab'.repeat(32), mime: 'image/jpeg', pw: 800, ph: 600, x: cam.x + 480, y: cam.y + 200, w: 400, h: 300, rotation: 0 });
  });
  // The card's grey, and its words for people.
  await expect.poll(() => countInk(page, 480, 200, 400, 300, '#eceef1', 4)).toBeGreaterThan(50_000);
  await expect.poll(() => countInk(page, 480, 200, 400, 300, '#5c636c', 40)).toBeGreaterThan(50);
  await page.screenshot({ path: 'test-results/capture-missing-picture.png', clip: { x: 440, y: 160, width: 480, height: 380 } });
});

test("with easels on, a participant's picture goes on their own easel", async ({ browser, baseURL }) => {
  const made = await makeBoard(baseURL!);
  const ada = await participant(baseURL!, made.id, 'Ada');
  const fac = await (await browser.newContext({ viewport: { width: 1366, height: 768 } })).newPage();
  const page = await (await browser.newContext({ viewport: { width: 1366, height: 768 } })).newPage();
  await fac.goto(made.facilitatorUrl);
  await waitSynced(fac);
  await openBoardAs(page, made.id, ada);
  await fac.getByRole('button', { name: 'Facilitate' }).click();
  const panel = fac.getByRole('dialog', { name: 'Facilitate' });
  await panel.getByRole('switch', { name: 'Give everyone an easel' }).click();
  await panel.getByRole('switch', { name: 'Participants draw only in their easel' }).click();
  const easelOf = () =>
    page.evaluate((owner) => {
      const board = window.__sketchroom?.board as unknown as { doc: { getMap(name: string): { toJSON(): Record<string, { owner: string; x: number; y: number; w: number; h: number }> } } } | null;
      return Object.values(board?.doc.getMap('frames').toJSON() ?? {}).find((e) => e.owner === owner) ?? null;
    }, ada.participantId);
  await expect.poll(easelOf).not.toBeNull();
  const easel = (await easelOf())!;

  // Ada looks somewhere else on the board, then pastes a picture.
  await page.mouse.move(600, 400);
  await page.mouse.wheel(4000, 3000);
  await page.evaluate(async () => {
    const c = document.createElement('canvas');
    c.width = 400;
    c.height = 300;
    c.getContext('2d')!.fillRect(0, 0, 400, 300);
    const blob = await new Promise<Blob>((r) => c.toBlob((b) => r(b!), 'image/png'));
    const data = new DataTransfer();
    data.items.add(new File([blob], 'image.png', { type: 'image/png' }));
    document.body.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
  });
  const dialog = page.getByRole('dialog', { name: 'Add a picture' });
  await dialog.getByRole('button', { name: 'Add to board' }).click();
  await expect(dialog).toBeHidden();
  await expect.poll(async () => (await pictures(page)).length).toBe(1);
  const [pic] = await pictures(page);
  expect(pic!.x).toBeGreaterThanOrEqual(easel.x);
  expect(pic!.y).toBeGreaterThanOrEqual(easel.y);
  expect(pic!.x + pic!.w).toBeLessThanOrEqual(easel.x + easel.w);
  expect(pic!.y + pic!.h).toBeLessThanOrEqual(easel.y + easel.h);
  // The facilitator sees it too, on Ada's easel.
  await expect.poll(async () => (await pictures(fac)).map((p) => p.id)).toEqual([pic!.id]);
});
