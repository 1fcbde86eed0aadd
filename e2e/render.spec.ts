/**
 * Pixel checks of every item kind: items are made through the model on the facilitator's page
 * (window.__sketchroom.board) and looked for on a participant's page, where they arrive through the
 * server and are painted by the canvas. The camera starts at (0, 0) at 100 %: board = canvas px.
 */
import { expect, test } from '@playwright/test';
import { boardPairViaApi, colourDistance, countInk, expectInkAt, hexToRgb, linePoints, newPage, onBoard, openBoardAs, pixelAt, waitSynced } from './helpers';

const BLUE = '#0a64c2';
const RED = '#c8312f';
const GREEN = '#138a5b';
const ORANGE = '#e07000';
const PURPLE = '#7d3fb8';
const INK = '#1f2328';
const YELLOW = '#f5c400';
const PAPER = '#fde68a';

test('every kind is painted on another screen: strokes, highlighter, shapes, text, sticky notes', async ({ browser, baseURL }) => {
  const pair = await boardPairViaApi(baseURL!);
  const alice = await newPage(browser);
  await alice.goto(pair.facilitatorUrl);
  await waitSynced(alice);
  const bob = await newPage(browser);
  await openBoardAs(bob, pair.id, pair.participant);

  await onBoard(alice, `
    const base = { rotation: 0 };
    // Pen ink, then a highlighter drawn later across it: the highlighter still goes under the ink.
    board.addStroke({ tool: 'pen', color: '${BLUE}', width: 8, points: ${linePoints(100, 150, 400, 150, 30)} });
    board.addStroke({ tool: 'highlighter', color: '${YELLOW}', width: 30, points: ${linePoints(250, 80, 250, 230, 30)} });
    // Scaled and rotated strokes: 100 px long in their own frame.
    const s = board.addStroke({ tool: 'pen', color: '${RED}', width: 8, points: ${linePoints(500, 150, 600, 150, 10)} });
    const r = board.addStroke({ tool: 'pen', color: '${GREEN}', width: 8, points: ${linePoints(800, 100, 900, 100, 10)} });
    board.updateItems(new Map([[s, { scaleX: 2 }], [r, { rotation: 90 }]]));
    board.addItem({ ...base, kind: 'shape', shape: 'rect', x: 100, y: 300, w: 120, h: 80, color: '${BLUE}', width: 4, fill: 'none' });
    board.addItem({ ...base, kind: 'shape', shape: 'rect', x: 260, y: 300, w: 120, h: 80, color: '${GREEN}', width: 4, fill: 'semi' });
    board.addItem({ ...base, kind: 'shape', shape: 'ellipse', x: 420, y: 300, w: 120, h: 80, color: '${ORANGE}', width: 4, fill: 'solid' });
    board.addItem({ ...base, kind: 'shape', shape: 'line', x: 580, y: 340, w: 120, h: 0, color: '${PURPLE}', width: 6, fill: 'none' });
    board.addItem({ ...base, kind: 'shape', shape: 'arrow', x: 740, y: 340, w: 120, h: 0, color: '${RED}', width: 4, fill: 'none' });
    board.addItem({ ...base, kind: 'text', x: 100, y: 430, text: 'Hello workshop', size: 'l', color: '${INK}', w: 0 });
    board.addItem({ ...base, kind: 'text', x: 100, y: 520, text: 'wrapped words wrapped words wrapped words', size: 's', color: '${BLUE}', w: 150 });
    board.addItem({ ...base, kind: 'sticky', x: 700, y: 430, w: 200, h: 200, text: 'Idea', color: '${PAPER}' });
    board.addItem({ ...base, kind: 'sticky', x: 950, y: 430, w: 120, h: 120, text: 'a much longer note that has to shrink its words to fit inside the paper', color: '#bfdbfe' });
  `);
  await expect.poll(async () => (await bob.evaluate(() => window.__sketchroom?.board?.allItems().length ?? 0))).toBe(13);

  // Pen ink, and the highlighter under it where they cross, translucent elsewhere.
  await expectInkAt(bob, 150, 150, BLUE);
  await expectInkAt(bob, 250, 150, BLUE);
  const marker = await pixelAt(bob, 250, 200);
  expect(colourDistance(marker, hexToRgb(YELLOW))).toBeLessThanOrEqual(40);
  expect(marker[3]).toBeGreaterThan(60);
  expect(marker[3]).toBeLessThan(160);
  // Scale doubles the red stroke's length; rotation turns the green one downwards.
  await expectInkAt(bob, 690, 150, RED);
  await expectInkAt(bob, 800, 190, GREEN);
  expect((await pixelAt(bob, 890, 100))[3]).toBe(0);

  // Shapes: outline only, light fill, solid fill, a line and an arrow with its head.
  await expectInkAt(bob, 100, 340, BLUE);
  expect((await pixelAt(bob, 160, 340))[3]).toBe(0);
  const light = await pixelAt(bob, 320, 340);
  expect(colourDistance(light, hexToRgb(GREEN))).toBeLessThanOrEqual(40);
  expect(light[3]).toBeLessThan(80);
  await expectInkAt(bob, 480, 340, ORANGE);
  expect((await pixelAt(bob, 480, 340))[3]).toBe(255);
  await expectInkAt(bob, 640, 340, PURPLE);
  expect(await countInk(bob, 840, 325, 22, 30, RED)).toBeGreaterThan(20); // the barbs

  // Text: glyphs in the text's colour; wrapped text reaches a third line.
  expect(await countInk(bob, 100, 430, 360, 70, INK)).toBeGreaterThan(200);
  expect(await countInk(bob, 100, 520 + 2 * 25, 150, 25, BLUE)).toBeGreaterThan(10);
  expect(await countInk(bob, 260, 520, 200, 30, BLUE)).toBe(0); // never wider than its 150 px

  // Sticky notes: paper, dark words in the middle, a soft shadow below, long text kept inside.
  await expectInkAt(bob, 710, 440, PAPER, 8);
  expect(await countInk(bob, 740, 500, 120, 60, INK, 60)).toBeGreaterThan(30);
  const shadow = await pixelAt(bob, 800, 634);
  expect(shadow[3]).toBeGreaterThan(0);
  expect(shadow[3]).toBeLessThan(120);
  expect(await countInk(bob, 950, 430, 120, 120, INK, 60)).toBeGreaterThan(30);
  // The shrunk words end above the note's bottom padding (they are not merely clipped by the paper).
  expect(await countInk(bob, 952, 538, 116, 10, INK, 60)).toBe(0);
});

test('an item moved, recoloured or deleted on one screen is repainted on the other', async ({ browser, baseURL }) => {
  const pair = await boardPairViaApi(baseURL!);
  const alice = await newPage(browser);
  await alice.goto(pair.facilitatorUrl);
  await waitSynced(alice);
  const bob = await newPage(browser);
  await openBoardAs(bob, pair.id, pair.participant);

  await onBoard(alice, `board.addItem({ rotation: 0, kind: 'shape', shape: 'rect', x: 200, y: 200, w: 100, h: 100, color: '${BLUE}', width: 4, fill: 'solid' });`);
  await expectInkAt(bob, 250, 250, BLUE);
  await onBoard(alice, `const [r] = board.allItems(); board.updateItems(new Map([[r.id, { x: 500, color: '${RED}' }]]));`);
  await expectInkAt(bob, 550, 250, RED);
  await expect.poll(async () => (await pixelAt(bob, 250, 250))[3]).toBe(0);
  await onBoard(alice, `board.deleteItems(board.allItems().map((i) => i.id));`);
  await expect.poll(async () => (await pixelAt(bob, 550, 250))[3]).toBe(0);
});

test('panning brings items from off screen into view, painted where the camera puts them', async ({ browser, baseURL }) => {
  const pair = await boardPairViaApi(baseURL!);
  const alice = await newPage(browser);
  await alice.goto(pair.facilitatorUrl);
  await waitSynced(alice);
  await onBoard(alice, `
    board.addItem({ rotation: 0, kind: 'shape', shape: 'rect', x: 200, y: 300, w: 100, h: 100, color: '${BLUE}', width: 4, fill: 'solid' });
    board.addItem({ rotation: 0, kind: 'shape', shape: 'rect', x: 1700, y: 300, w: 100, h: 100, color: '${RED}', width: 4, fill: 'solid' });
    board.addItem({ rotation: 0, kind: 'sticky', x: 2600, y: 250, w: 200, h: 200, text: 'far away', color: '${PAPER}' });
  `);
  await expectInkAt(alice, 250, 350, BLUE);
  // Wheel pans in small steps (as a trackpad does): 900 px to the right in all.
  await alice.mouse.move(600, 400);
  for (let i = 0; i < 30; i++) await alice.mouse.wheel(30, 0);
  await expectInkAt(alice, 1700 - 900 + 50, 350, RED);
  await expect.poll(async () => (await pixelAt(alice, 250, 350))[3]).toBe(0);
  // Further: the sticky comes in from beyond the painted margin.
  for (let i = 0; i < 30; i++) await alice.mouse.wheel(30, 0);
  await expectInkAt(alice, 2600 - 1800 + 20, 270, PAPER, 8);
  await expectInkAt(alice, 2600 - 1800 + 180, 430, PAPER, 8);
  // The red square is off screen now (but for its outline at x 0-2): no stale red pixels.
  await expect.poll(async () => countInk(alice, 10, 0, 1356, 768, RED, 30)).toBe(0);
});
