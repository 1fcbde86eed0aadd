/**
 * The export bench page: a generated 40-easel workshop board (fixed seed) built through the real
 * model code: 40 easels of the app's size (1200 x 900) in its grid, 250 strokes each (10,000), one photo each (a
 * generated PNG, decoded from its bytes at every export as the app does), three notes each on the
 * photo. bench/export/index.ts drives `window.exportBench`.
 */
import * as Y from 'yjs';
import { generatePoints, makeItemId, makeRng } from '../../lib/strokes';
import { canvasMeasure } from '../../../src/canvas/inkIndex';
import { Board } from '../../../src/model/board';
import { EASEL_H, EASEL_W, slotPosition } from '../../../src/model/easels';
import { exportHandoutPdf } from '../../../src/export/pdf';
import { exportPng, type ExportDeps } from '../../../src/export/png';
import { sha256Hex } from '../../../src/export/boardFile';
import { readSource } from '../../../src/export/source';
import { exportEaselsZip } from '../../../src/export/zip';

const SEED = 7007;
const EASELS = 40;
const EASEL = { w: EASEL_W, h: EASEL_H };
const STROKES_PER_EASEL = 250;
const POINTS = 80;
const COLORS = ['#1f2937', '#2563eb', '#dc2626', '#059669', '#d97706', '#7c3aed'];
const WORDS = 'the bus stop by the river where we wait every morning with coffee and rain under a big tree near school bakery corner bike lane'.split(' ');

let board: Board | null = null;
const photos = new Map<string, Blob>();

async function photo(rng: () => number): Promise<Blob> {
  const c = new OffscreenCanvas(800, 600);
  const ctx = c.getContext('2d')!;
  const g = ctx.createLinearGradient(0, 0, 800, 600);
  g.addColorStop(0, `hsl(${Math.floor(rng() * 360)} 60% 70%)`);
  g.addColorStop(1, `hsl(${Math.floor(rng() * 360)} 50% 35%)`);
  ctx.fillStyle = g;
  ctx.fillRect(0, 0, 800, 600);
  for (let i = 0; i < 60; i++) {
    ctx.fillStyle = `hsla(${Math.floor(rng() * 360)} 70% 50% / 0.5)`;
    ctx.beginPath();
    ctx.arc(rng() * 800, rng() * 600, 10 + rng() * 80, 0, Math.PI * 2);
    ctx.fill();
  }
  // Photo-like noise, so the PNG is about as big as a real photo's.
  const img = ctx.getImageData(0, 0, 800, 600);
  for (let i = 0; i < img.data.length; i += 4) {
    const n = (rng() - 0.5) * 40;
    img.data[i] = img.data[i]! + n;
    img.data[i + 1] = img.data[i + 1]! + n;
    img.data[i + 2] = img.data[i + 2]! + n;
  }
  ctx.putImageData(img, 0, 0);
  return c.convertToBlob({ type: 'image/png' });
}

function setFields(map: Y.Map<unknown>, fields: Record<string, unknown>): Y.Map<unknown> {
  for (const [k, v] of Object.entries(fields)) map.set(k, v);
  return map;
}

async function makeBoard(): Promise<{ ms: number; strokes: number; photoBytes: number }> {
  const t0 = performance.now();
  const rng = makeRng(SEED);
  const doc = new Y.Doc();
  doc.clientID = 1;
  const meta = doc.getMap<unknown>('meta');
  setFields(meta, { schema: 1, title: 'Export bench: our commute', prompt: 'Draw your way to work, and tell us about it.', createdAt: 1_760_000_000_000 });
  let strokes = 0;
  let photoBytes = 0;
  for (let e = 0; e < EASELS; e++) {
    const artist = `artist${String(e).padStart(4, '0')}`;
    const { x: ex, y: ey } = slotPosition(e, 'wide');
    const b = new Board(doc, artist);
    const blob = await photo(rng);
    const bytes = new Uint8Array(await blob.arrayBuffer());
    photoBytes += bytes.length;
    const hash = await sha256Hex(bytes);
    photos.set(hash, blob);
    const imageId = makeItemId(rng);
    doc.transact(() => {
      doc.getMap('frames').set(`easel${String(e).padStart(4, '0')}xx`, setFields(new Y.Map(), { owner: artist, name: `Artist ${e + 1} Ñandú`, slot: e, x: ex, y: ey, w: EASEL.w, h: EASEL.h, layout: 'wide' }));
      doc.getMap('items').set(imageId, setFields(new Y.Map(), { kind: 'image', author: artist, index: 'Zz', x: ex + 60, y: ey + 60, blob: hash, mime: 'image/png', pw: 800, ph: 600, w: 600, h: 450 }));
      for (let n = 0; n < 3; n++) {
        const words = Array.from({ length: 8 + Math.floor(rng() * 20) }, () => WORDS[Math.floor(rng() * WORDS.length)]).join(' ');
        const [rx, ry, rw, rh] = [rng() * 0.6, rng() * 0.6, 0.2 + rng() * 0.2, 0.2 + rng() * 0.2];
        const note = setFields(new Y.Map(), { author: 'facilitatr', target: imageId, rx, ry, rw, rh, ax: ex + 60 + rx * 600, ay: ey + 60 + ry * 450, aw: rw * 600, ah: rh * 450, speaker: '', order: `a${n}`, text: words });
        doc.getMap('annotations').set(`note${e}x${n}xxxxx`, note);
      }
    });
    for (let s = 0; s < STROKES_PER_EASEL; s++) {
      const pen = rng() < 0.5;
      const points = generatePoints(rng, { pen, x0: ex + 200 + rng() * 800, y0: ey + 200 + rng() * 500, count: POINTS });
      // Keep the ink on the easel.
      for (let i = 0; i < points.length; i += 3) {
        points[i] = Math.min(ex + EASEL.w - 10, Math.max(ex + 10, points[i]!));
        points[i + 1] = Math.min(ey + EASEL.h - 10, Math.max(ey + 10, points[i + 1]!));
      }
      b.addStroke({ tool: rng() < 0.9 ? 'pen' : 'highlighter', color: COLORS[Math.floor(rng() * COLORS.length)]!, width: [2, 3, 4, 6][Math.floor(rng() * 4)]!, points });
      strokes++;
    }
    b.destroy();
  }
  board = new Board(doc, 'facilitatr');
  return { ms: performance.now() - t0, strokes, photoBytes };
}

type Kind = 'png-board' | 'png-easel' | 'pdf' | 'zip';

async function run(kind: Kind): Promise<{ ms: number; bytes: number; width?: number; height?: number; scale?: number; longestTask: number; longTasks: number; longestSlice: number; heapPeakMB: number; heapStartMB: number }> {
  if (!board) throw new Error('make the board first');
  const mem = () => ((performance as unknown as { memory?: { usedJSHeapSize: number } }).memory?.usedJSHeapSize ?? 0) / 1e6;
  const tasks: number[] = [];
  const big: string[] = [];
  const obs = new PerformanceObserver((list) => {
    for (const e of list.getEntries()) {
      tasks.push(e.duration);
      if (e.duration > 100) big.push(`${(e.startTime - t0).toFixed(0)}+${e.duration.toFixed(0)}`);
    }
  });
  obs.observe({ type: 'longtask', buffered: false });
  const heapStartMB = mem();
  let heapPeakMB = heapStartMB;
  const sampler = setInterval(() => (heapPeakMB = Math.max(heapPeakMB, mem())), 20);
  // The longest gap between two frames of a 10 ms heartbeat: what a person would feel as a freeze.
  let last = performance.now();
  let longestSlice = 0;
  const beat = setInterval(() => {
    const now = performance.now();
    longestSlice = Math.max(longestSlice, now - last);
    last = now;
  }, 10);
  const measure = canvasMeasure();
  const t0 = performance.now();
  const tSource = performance.now();
  const source = readSource(board, measure, { participantCount: EASELS });
  const sourceMs = performance.now() - tSource;
  const deps: ExportDeps = { source, measure, loadImage: async (item) => createImageBitmap(photos.get(item.blob)!) };
  const steps: Array<[string, number]> = [];
  const job = {
    onProgress: (_f: number, step: string) => {
      if (steps.at(-1)?.[0] !== step) steps.push([step, performance.now() - t0]);
    },
  };
  const opts = { scale: 2, background: 'white' as const, padding: 24, notes: true };
  let out: { blob: Blob; width?: number; height?: number; scale?: number };
  if (kind === 'png-board') out = await exportPng(deps, { kind: 'board' }, opts, job);
  else if (kind === 'png-easel') out = await exportPng(deps, { kind: 'easel', id: source.easels[0]!.id }, opts, job);
  else if (kind === 'zip') out = await exportEaselsZip(deps, opts, job);
  else {
    const font = new Uint8Array(await (await fetch('./fonts/DejaVuSans.ttf')).arrayBuffer());
    out = await exportHandoutPdf({ ...deps, loadFont: async () => font }, { scale: 2 }, job);
  }
  const ms = performance.now() - t0;
  await new Promise((r) => setTimeout(r, 120)); // let the observer deliver the last entries
  clearInterval(sampler);
  clearInterval(beat);
  obs.disconnect();
  console.log(kind, `readSource ${sourceMs.toFixed(0)} ms; long tasks at ${big.join(' ')}`, JSON.stringify(steps.filter((s, i) => i < 8 || i === steps.length - 1).map(([k, v]) => `${k}@${v.toFixed(0)}`)));
  return { ms, bytes: out.blob.size, width: out.width, height: out.height, scale: out.scale, longestTask: Math.max(0, ...tasks), longTasks: tasks.length, longestSlice, heapPeakMB, heapStartMB };
}

Object.assign(window, { exportBench: { makeBoard, run, ready: true } });
