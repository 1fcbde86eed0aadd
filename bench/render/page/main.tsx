/**
 * The render bench page: one generated board (fixed seed: 10,000 strokes of 200 points + 500 shapes)
 * loaded through the real model code, drawn by three renderers in turn:
 *   ours   the app's BoardCanvas (bitmap cache, culling, progressive load, live layer);
 *   naive  every item its own listening Konva node, no culling, no caching;
 *   raw    one plain canvas: outlines built at load, every frame refills the items in view.
 * bench/render/index.ts drives it through `window.renderBench` and interleaves the three.
 *
 * Konva's batchDraw is replaced by an equivalent per-frame scheduler that also counts the layers
 * drawn in each frame, and can be flushed synchronously to time one frame's work.
 */
import Konva from 'konva';
import { createElement } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import * as Y from 'yjs';
import { makeRng, strokeSequence } from '../../lib/strokes';
import { BoardCanvas, type PointerTarget } from '../../../src/canvas/BoardCanvas';
import type { RenderStats } from '../../../src/canvas/renderStats';
import { strokePath } from '../../../src/canvas/strokeOutline';
import { Editor } from '../../../src/editor/editor';
import type { BoardPointer } from '../../../src/editor/input';
import { LiveStrokes } from '../../../src/editor/liveStrokes';
import { Store } from '../../../src/editor/store';
import type { Peer } from '../../../src/editor/presence';
import { boundsOfPoints, boxesIntersect, type Box } from '../../../src/geometry/box';
import { viewportBox, type Camera } from '../../../src/geometry/camera';
import { Board } from '../../../src/model/board';
import type { Item } from '../../../src/model/schema';
import { decodePoints } from '../../../src/model/strokeCodec';

// ---- a counting batchDraw --------------------------------------------------------------------
const requested = new Set<Konva.Layer>();
let scheduled = false;
let frameLog: number[] | null = null;
function flushLayers(): number {
  scheduled = false;
  const layers = [...requested];
  requested.clear();
  for (const l of layers) l.draw();
  return layers.length;
}
Konva.Layer.prototype.batchDraw = function (this: Konva.Layer) {
  requested.add(this);
  if (!scheduled) {
    scheduled = true;
    requestAnimationFrame(() => {
      if (!scheduled) return;
      const n = flushLayers();
      frameLog?.push(n);
    });
  }
  return this;
};

// ---- the board -------------------------------------------------------------------------------
const SEED = 7001;
let update: Uint8Array | null = null;

function makeBoard(strokes: number, points: number, shapes: number): { bytes: number; ms: number } {
  const t0 = performance.now();
  const doc = new Y.Doc();
  doc.clientID = 1;
  const board = new Board(doc, 'benchauthr');
  const seq = strokeSequence(strokes, { seed: SEED, penShare: 0.5, spread: 20000 });
  for (const s of seq) {
    const pts = points === 200 ? s.points : Array.from(s.points).slice(0, points * 3);
    board.addStroke({ tool: s.tool, color: s.color, width: s.width, points: pts, id: s.id });
  }
  const rng = makeRng(SEED + 1);
  const colors = ['#1f2328', '#0a64c2', '#e07000', '#138a5b', '#c8312f', '#7d3fb8'];
  const kinds = ['rect', 'ellipse', 'line', 'arrow'] as const;
  const fills = ['none', 'semi', 'solid'] as const;
  const batch = [];
  for (let i = 0; i < shapes; i++) {
    const shape = kinds[i % 4]!;
    const w = 60 + rng() * 300, h = 40 + rng() * 200;
    batch.push({
      kind: 'shape' as const, shape, x: Math.round((rng() - 0.5) * 20000), y: Math.round((rng() - 0.5) * 20000), rotation: 0,
      w: shape === 'line' || shape === 'arrow' ? (rng() - 0.5) * 2 * w : w, h: shape === 'line' || shape === 'arrow' ? (rng() - 0.5) * 2 * h : h,
      color: colors[i % colors.length]!, width: [2, 4, 6][i % 3]!, fill: fills[i % 3]!,
    });
  }
  board.addItems(batch);
  update = Y.encodeStateAsUpdate(doc);
  board.destroy();
  doc.destroy();
  return { bytes: update.length, ms: performance.now() - t0 };
}

function loadBoard(): Board {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, update!);
  return new Board(doc, 'benchviewer');
}

const W = () => window.innerWidth;
const H = () => window.innerHeight;
const nextFrame = () => new Promise<number>((r) => requestAnimationFrame(r));
const flushPixels = (canvas: HTMLCanvasElement | undefined) => canvas?.getContext('2d')?.getImageData(0, 0, 1, 1);

// ---- ours ------------------------------------------------------------------------------------
interface Ours {
  root: Root;
  board: Board;
  editor: Editor;
  live: LiveStrokes;
  stats: RenderStats;
}
let ours: Ours | null = null;

/** A pen as the app's: live preview on every sample, one item on release. */
function benchPen(getBoard: () => Board, live: LiveStrokes): PointerTarget {
  const sink = live.localSink();
  let points: number[] | null = null;
  let id = 0;
  const add = (e: BoardPointer) => {
    points!.push(e.x, e.y, e.pressure);
    sink.points([e.x, e.y, e.pressure]);
  };
  return {
    pointerDown(e) {
      points = [];
      sink.start({ itemId: `benchstroke${String(++id).padStart(5, '0')}`, tool: 'pen', color: '#0a64c2', width: 4 });
      add(e);
    },
    pointerMove(e) {
      if (points) add(e);
    },
    pointerUp(e) {
      if (!points) return;
      add(e);
      getBoard().addStroke({ tool: 'pen', color: '#0a64c2', width: 4, points, id: `benchstroke${String(id).padStart(5, '0')}` });
      sink.end();
      points = null;
    },
    pointerLost() {
      this.cancel();
    },
    cancel() {
      points = null;
      sink.end();
    },
  };
}

async function loadOurs(camera: Camera): Promise<{ ms: number; boardMs: number; pending: number }> {
  unmountAll();
  const t0 = performance.now();
  const board = loadBoard();
  const boardMs = performance.now() - t0;
  const editor = new Editor();
  editor.setCamera(camera);
  const live = new LiveStrokes();
  const peers = new Store<readonly Peer[]>([]);
  const root = createRoot(document.getElementById('root')!);
  root.render(createElement(BoardCanvas, { board, editor, live, peers, tool: benchPen(() => board, live), onCursor: () => {} }));
  let stats: RenderStats | undefined;
  for (;;) {
    await nextFrame();
    stats = (window as unknown as { __sketchroomRender?: RenderStats }).__sketchroomRender;
    if (stats?.firstInkAt != null) break;
  }
  flushPixels(document.querySelector<HTMLCanvasElement>('#root canvas') ?? undefined);
  const ms = performance.now() - t0;
  ours = { root, board, editor, live, stats: stats! };
  return { ms, boardMs, pending: stats!.pending };
}

/** Waits for the idle-time decoding to finish; returns the longest slice and the time it took. */
async function settleOurs(): Promise<{ ms: number; maxSliceMs: number; latePixels: number; slices: number[] }> {
  const o = ours!;
  const canvas = document.querySelector<HTMLCanvasElement>('#root canvas')!;
  const before = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height).data;
  const t0 = performance.now();
  while (o.stats.pending > 0) await nextFrame();
  const ms = performance.now() - t0;
  await nextFrame();
  await nextFrame();
  const after = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height).data;
  let late = 0;
  for (let i = 3; i < after.length; i += 4) if (after[i] !== before[i]) late++;
  return { ms, maxSliceMs: o.stats.maxSliceMs, latePixels: late, slices: [...o.stats.slices] };
}

// ---- naive Konva -----------------------------------------------------------------------------
let naive: { stage: Konva.Stage; layer: Konva.Layer; board: Board } | null = null;

function naiveNode(item: Item): Konva.Shape {
  switch (item.kind) {
    case 'stroke': {
      const path = strokePath(decodePoints(item.points), item.width, item.x, item.y, true, item.tool === 'highlighter');
      return new Konva.Shape({
        fill: item.color,
        opacity: item.tool === 'highlighter' ? 0.38 : 1,
        sceneFunc: (ctx, shape) => {
          ctx._context.fillStyle = item.color;
          ctx._context.fill(path);
          void shape;
        },
        hitFunc: (ctx, shape) => {
          ctx._context.fillStyle = shape.colorKey;
          ctx._context.fill(path);
        },
      });
    }
    case 'shape':
      if (item.shape === 'rect') return new Konva.Rect({ x: item.x, y: item.y, width: item.w, height: item.h, stroke: item.color, strokeWidth: item.width, fill: item.fill === 'none' ? undefined : item.color, opacity: 1 });
      if (item.shape === 'ellipse') return new Konva.Ellipse({ x: item.x + item.w / 2, y: item.y + item.h / 2, radiusX: item.w / 2, radiusY: item.h / 2, stroke: item.color, strokeWidth: item.width, fill: item.fill === 'none' ? undefined : item.color });
      if (item.shape === 'arrow') return new Konva.Arrow({ x: item.x, y: item.y, points: [0, 0, item.w, item.h], stroke: item.color, strokeWidth: item.width, fill: item.color });
      return new Konva.Line({ x: item.x, y: item.y, points: [0, 0, item.w, item.h], stroke: item.color, strokeWidth: item.width });
    default:
      return new Konva.Rect({ x: item.x, y: item.y, width: 100, height: 100, fill: '#fde68a' });
  }
}

function naivePlace(camera: Camera) {
  naive!.layer.position({ x: -camera.x * camera.zoom, y: -camera.y * camera.zoom });
  naive!.layer.scale({ x: camera.zoom, y: camera.zoom });
}

function loadNaive(camera: Camera): { ms: number } {
  unmountAll();
  const t0 = performance.now();
  const board = loadBoard();
  const stage = new Konva.Stage({ container: 'naive', width: W(), height: H() });
  const layer = new Konva.Layer();
  stage.add(layer);
  for (const item of board.allItems()) layer.add(naiveNode(item));
  naive = { stage, layer, board };
  naivePlace(camera);
  layer.draw();
  flushPixels(layer.getCanvas()._canvas);
  return { ms: performance.now() - t0 };
}

// ---- raw canvas ------------------------------------------------------------------------------
let raw: { canvas: HTMLCanvasElement; items: Array<{ item: Item; box: Box; path: Path2D | null }> ; board: Board } | null = null;

function rawDraw(camera: Camera) {
  const { canvas, items } = raw!;
  const ctx = canvas.getContext('2d')!;
  ctx.setTransform(1, 0, 0, 1, 0, 0);
  ctx.clearRect(0, 0, canvas.width, canvas.height);
  ctx.setTransform(camera.zoom, 0, 0, camera.zoom, -camera.x * camera.zoom, -camera.y * camera.zoom);
  const view = viewportBox(camera, W(), H());
  for (const { item, box, path } of items) {
    if (!boxesIntersect(box, view)) continue;
    if (path) {
      ctx.globalAlpha = item.kind === 'stroke' && item.tool === 'highlighter' ? 0.38 : 1;
      ctx.fillStyle = 'color' in item ? item.color : '#000000';
      ctx.fill(path);
    } else if (item.kind === 'shape') {
      ctx.globalAlpha = 1;
      ctx.strokeStyle = item.color;
      ctx.lineWidth = item.width;
      ctx.beginPath();
      if (item.shape === 'rect') ctx.rect(item.x, item.y, item.w, item.h);
      else if (item.shape === 'ellipse') ctx.ellipse(item.x + item.w / 2, item.y + item.h / 2, item.w / 2, item.h / 2, 0, 0, Math.PI * 2);
      else {
        ctx.moveTo(item.x, item.y);
        ctx.lineTo(item.x + item.w, item.y + item.h);
      }
      ctx.stroke();
    }
  }
  ctx.getImageData(0, 0, 1, 1);
}

function loadRaw(camera: Camera): { ms: number } {
  unmountAll();
  const t0 = performance.now();
  const board = loadBoard();
  const canvas = document.getElementById('raw') as HTMLCanvasElement;
  canvas.hidden = false;
  canvas.width = W();
  canvas.height = H();
  const items = board.allItems().map((item) => {
    if (item.kind === 'stroke') {
      const pts = decodePoints(item.points);
      return { item, box: boundsOfPoints(pts, item.x, item.y, item.width), path: strokePath(pts, item.width, item.x, item.y, true, item.tool === 'highlighter') };
    }
    const s = item as Extract<Item, { kind: 'shape' }>;
    return { item, box: { minX: Math.min(s.x, s.x + s.w) - 5, minY: Math.min(s.y, s.y + s.h) - 5, maxX: Math.max(s.x, s.x + s.w) + 5, maxY: Math.max(s.y, s.y + s.h) + 5 }, path: null };
  });
  raw = { canvas, items, board };
  lastRawCamera = camera;
  rawDraw(camera);
  return { ms: performance.now() - t0 };
}

function unmountAll() {
  if (ours) {
    ours.root.unmount();
    ours.board.destroy();
    ours = null;
  }
  if (naive) {
    naive.stage.destroy();
    naive.board.destroy();
    naive = null;
  }
  if (raw) {
    raw.canvas.hidden = true;
    raw.canvas.width = raw.canvas.height = 1;
    raw.board.destroy();
    raw = null;
  }
  requested.clear();
  scheduled = false;
}

// ---- frames ----------------------------------------------------------------------------------
/** Pans `steps` frames by (dx, dy) screen px; returns each frame's cost (ms). */
async function pan(which: 'ours' | 'naive' | 'raw', steps: number, dx: number, dy: number): Promise<number[]> {
  const out: number[] = [];
  let camera: Camera = which === 'naive' ? { x: -naive!.layer.x() / naive!.layer.scaleX(), y: -naive!.layer.y() / naive!.layer.scaleX(), zoom: naive!.layer.scaleX() } : which === 'ours' ? ours!.editor.camera : lastRawCamera;
  for (let i = 0; i < steps; i++) {
    await nextFrame();
    const t0 = performance.now();
    if (which === 'ours') {
      ours!.editor.pan(dx, dy);
      flushLayers();
      flushPixels(document.querySelector<HTMLCanvasElement>('#root canvas') ?? undefined);
    } else {
      camera = { x: camera.x + dx / camera.zoom, y: camera.y + dy / camera.zoom, zoom: camera.zoom };
      if (which === 'naive') {
        naivePlace(camera);
        naive!.layer.draw();
        flushPixels(naive!.layer.getCanvas()._canvas);
      } else {
        rawDraw(camera);
        lastRawCamera = camera;
      }
    }
    out.push(performance.now() - t0);
    if (which === 'ours') inkMs.push(ours!.stats.lastInkMs);
  }
  return out;
}
/** Script time of our ink layer's draw in each timed pan frame (the rest is Konva, blits, GC). */
const inkMs: number[] = [];
let lastRawCamera: Camera = { x: 0, y: 0, zoom: 1 };

/** Zooms in `steps` wheel steps around the centre, one per frame; then waits until the ink is sharp. */
async function zoomOurs(steps: number, factor: number): Promise<{ frames: number[]; sharpMs: number }> {
  const o = ours!;
  const frames: number[] = [];
  for (let i = 0; i < steps; i++) {
    await nextFrame();
    const t0 = performance.now();
    o.editor.zoom({ x: W() / 2, y: H() / 2 }, factor);
    flushLayers();
    flushPixels(document.querySelector<HTMLCanvasElement>('#root canvas') ?? undefined);
    frames.push(performance.now() - t0);
  }
  const last = performance.now();
  const deadline = last + 3000;
  while (!o.stats.sharp && performance.now() < deadline) await new Promise((r) => setTimeout(r, 2));
  return { frames, sharpMs: (o.stats.sharp ? o.stats.sharpAt : NaN) - last };
}

async function zoomBaseline(which: 'naive' | 'raw', steps: number, factor: number): Promise<number[]> {
  const frames: number[] = [];
  let camera: Camera = which === 'naive' ? { x: -naive!.layer.x() / naive!.layer.scaleX(), y: -naive!.layer.y() / naive!.layer.scaleX(), zoom: naive!.layer.scaleX() } : lastRawCamera;
  for (let i = 0; i < steps; i++) {
    await nextFrame();
    const t0 = performance.now();
    const zoom = camera.zoom * factor;
    const cx = camera.x + W() / 2 / camera.zoom, cy = camera.y + H() / 2 / camera.zoom;
    camera = { x: cx - W() / 2 / zoom, y: cy - H() / 2 / zoom, zoom };
    if (which === 'naive') {
      naivePlace(camera);
      naive!.layer.draw();
      flushPixels(naive!.layer.getCanvas()._canvas);
    } else {
      rawDraw(camera);
      lastRawCamera = camera;
    }
    frames.push(performance.now() - t0);
  }
  return frames;
}

// ---- drawing ---------------------------------------------------------------------------------
let eventCosts: number[] | null = null;
let longTasks: number[] = [];
let eventStart = 0;
window.addEventListener('pointermove', () => (eventStart = performance.now()), { capture: true });
window.addEventListener('pointermove', () => eventCosts?.push(performance.now() - eventStart));
window.addEventListener('pointerdown', () => (eventStart = performance.now()), { capture: true });
window.addEventListener('pointerdown', () => eventCosts?.push(performance.now() - eventStart));
window.addEventListener('pointerup', () => (eventStart = performance.now()), { capture: true });
window.addEventListener('pointerup', () => eventCosts?.push(performance.now() - eventStart));
new PerformanceObserver((list) => {
  for (const e of list.getEntries()) longTasks.push(e.duration);
}).observe({ type: 'longtask', buffered: false });

function startRecording() {
  eventCosts = [];
  longTasks = [];
  frameLog = [];
  const d0 = { ...ours!.stats.draws };
  return d0;
}

function stopRecording(d0: RenderStats['draws']) {
  const d = ours!.stats.draws;
  const out = { events: eventCosts ?? [], longTasks, frames: frameLog ?? [], draws: { ink: d.ink - d0.ink, live: d.live - d0.live, overlay: d.overlay - d0.overlay } };
  eventCosts = null;
  frameLog = null;
  return out;
}

/** Naive drawing: the live stroke is one more node in the layer that holds every item. */
function naiveDrawingFrame(points: number[]): number {
  const t0 = performance.now();
  const layer = naive!.layer;
  let node = layer.findOne<Konva.Shape>('.live');
  if (!node) {
    node = new Konva.Shape({ name: 'live', fill: '#0a64c2' });
    layer.add(node);
  }
  const path = strokePath(points, 4);
  node.sceneFunc((ctx) => {
    ctx._context.fillStyle = '#0a64c2';
    ctx._context.fill(path);
  });
  layer.draw();
  flushPixels(layer.getCanvas()._canvas);
  return performance.now() - t0;
}

function rawDrawingFrame(points: number[]): number {
  const t0 = performance.now();
  rawDraw(lastRawCamera);
  const ctx = raw!.canvas.getContext('2d')!;
  ctx.fillStyle = '#0a64c2';
  ctx.fill(strokePath(points, 4));
  ctx.getImageData(0, 0, 1, 1);
  return performance.now() - t0;
}

function visibleCount(camera: Camera): number {
  const view = viewportBox(camera, W(), H());
  const board = loadBoard();
  let n = 0;
  for (const item of board.allItems()) {
    if (item.kind === 'stroke') {
      if (boxesIntersect(boundsOfPoints(decodePoints(item.points), item.x, item.y, item.width), view)) n++;
    } else if (boxesIntersect({ minX: Math.min(item.x, item.x + ('w' in item ? item.w : 0)), minY: item.y, maxX: item.x + 400, maxY: item.y + 400 }, view)) n++;
  }
  board.destroy();
  return n;
}

/** A small board with every kind, for looking at (screenshots of the overlay with a real editor). */
async function showcase(script: (board: Board) => void): Promise<void> {
  unmountAll();
  const doc = new Y.Doc();
  const board = new Board(doc, 'showcase00');
  script(board);
  const editor = new Editor();
  const live = new LiveStrokes();
  const root = createRoot(document.getElementById('root')!);
  root.render(createElement(BoardCanvas, { board, editor, live, peers: new Store<readonly Peer[]>([]), tool: null, onCursor: () => {} }));
  await nextFrame();
  await nextFrame();
  ours = { root, board, editor, live, stats: (window as unknown as { __sketchroomRender: RenderStats }).__sketchroomRender };
}

Object.assign(window, {
  renderBench: {
    showcase,
    inkMs: () => inkMs.splice(0),
    editor: () => ours?.editor ?? null,
    makeBoard, loadOurs, settleOurs, loadNaive, loadRaw, unmountAll, pan, zoomOurs, zoomBaseline,
    startRecording, stopRecording, naiveDrawingFrame, rawDrawingFrame, visibleCount,
    setRawCamera: (c: Camera) => (lastRawCamera = c),
    camera: () => ours?.editor.camera ?? null,
    setCamera: (c: Camera) => ours?.editor.setCamera(c),
    ready: true,
  },
});
