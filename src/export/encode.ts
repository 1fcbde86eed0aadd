/**
 * Where a rendered export's pixels go: a sink that takes the image band by band and gives back the
 * encoded file. In a worker where possible (encodeWorker.ts: the big canvas is allocated and
 * encoded there, while the page draws the next band); on the page otherwise. A worker that holds
 * the scene (shareScene) also draws bands itself, asking the page which one to take next.
 */
import type { Background, ImageSourceMap } from './band';
import { context2d, makeCanvas, type AnyCanvas } from './canvas2d';
import type { ImageLayout } from './layout';
import type { NumberedNote } from './notes';
import type { ExportEntry } from './scene';
import { nextTask, type Slicer } from './slicer';

export type ImageType = 'image/png' | 'image/jpeg';

export interface ImageSink {
  /** A finished band whose top row is `y`; its pixels move out (the canvas is left empty). */
  add(band: AnyCanvas, y: number): void;
  /** The encoded image, once every band was added. */
  finish(type: ImageType, quality?: number): Promise<Blob>;
  /** Gives up (cancel or failure): frees what was sent. */
  drop(): void;
}

/** The entries of an export, held by the worker too (see shareScene). */
export interface SharedScene {
  id: number;
}

/** What the worker needs to draw bands of an image itself, and how it gets them. */
export interface Help {
  scene: SharedScene;
  layout: ImageLayout;
  notes: readonly NumberedNote[];
  background: Background;
  images: ImageSourceMap;
  /** The worker's first band ([top, height]), given with the job. */
  first: [number, number];
  /** The next band for the worker, or null when none is left. */
  take(): [number, number] | null;
  /** The worker finished one. */
  drew(): void;
}

let worker: Worker | null | undefined;
let nextId = 0;
const waiting = new Map<number, { resolve: (b: Blob) => void; reject: (e: Error) => void }>();
const helping = new Map<number, Help>();

type Reply = { id: number; blob?: Blob; error?: string; want?: true; drew?: true };

/** The encoding worker, or null where workers cannot encode (then the page encodes). */
function encoder(): Worker | null {
  if (worker !== undefined) return worker;
  if (typeof Worker === 'undefined' || typeof OffscreenCanvas === 'undefined') return (worker = null);
  try {
    worker = new Worker(new URL('./encodeWorker.ts', import.meta.url), { type: 'module' });
    worker.onmessage = (e: MessageEvent<Reply>) => {
      const { id } = e.data;
      if (e.data.want || e.data.drew) {
        const help = helping.get(id);
        if (e.data.drew) help?.drew();
        const band = e.data.want ? help?.take() : null;
        if (band) worker?.postMessage({ op: 'take', id, top: band[0], height: band[1] });
        return;
      }
      helping.delete(id);
      const w = waiting.get(id);
      waiting.delete(id);
      if (e.data.blob) w?.resolve(e.data.blob);
      else w?.reject(new Error(e.data.error ?? 'encoding failed'));
    };
    worker.onerror = () => {
      for (const w of waiting.values()) w.reject(new Error('the encoding worker stopped'));
      waiting.clear();
      helping.clear();
      worker = null;
    };
  } catch {
    worker = null;
  }
  return worker;
}

function encodeHere(canvas: AnyCanvas, type: ImageType, quality?: number): Promise<Blob> {
  if ('convertToBlob' in canvas) return canvas.convertToBlob({ type, quality });
  return new Promise((resolve, reject) => canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('This browser could not make the image.'))), type, quality));
}

/** How many entries go to the worker per message (each message is one short task to clone). */
const SCENE_CHUNK = 1000;

/**
 * Sends an export's entries to the worker, in slices, so it can draw bands too. Null where there
 * is no worker. Strokes' outlines are not sent (a Path2D cannot be): the worker builds its own.
 */
export async function shareScene(entries: readonly ExportEntry[], slicer: Slicer): Promise<SharedScene | null> {
  const w = typeof OffscreenCanvas !== 'undefined' ? encoder() : null;
  if (!w) return null;
  const id = nextId++;
  try {
    for (let i = 0; i < entries.length || i === 0; i += SCENE_CHUNK) {
      await slicer.tick();
      const chunk = entries.slice(i, i + SCENE_CHUNK).map((e) => ({ ...e, entry: { ...e.entry, path: null, lod: null } }));
      w.postMessage({ op: 'scene', id, entries: chunk });
    }
  } catch (err) {
    forgetScene({ id }); // cancelled half way
    throw err;
  }
  return { id };
}

/** Lets the worker drop a scene at the end of an export. */
export function forgetScene(scene: SharedScene | null): void {
  if (scene) worker?.postMessage({ op: 'forget', id: scene.id });
}

function workerSink(w: Worker, width: number, height: number, help: Help | null): ImageSink {
  const id = nextId++;
  if (help) helping.set(id, help);
  const job = help && { scene: help.scene.id, layout: help.layout, notes: help.notes, background: help.background };
  w.postMessage({ op: 'begin', id, width, height, help: job });
  if (help) void sendPictures(w, id, help.images, help.first);
  return {
    add(band, y) {
      const bitmap = (band as OffscreenCanvas).transferToImageBitmap();
      w.postMessage({ op: 'band', id, bitmap, y }, [bitmap]);
    },
    async finish(type, quality) {
      try {
        if (worker !== w) throw new Error('the encoding worker stopped');
        return await new Promise<Blob>((resolve, reject) => {
          waiting.set(id, { resolve, reject });
          w.postMessage({ op: 'end', id, type, quality });
        });
      } catch {
        // The pixels went to the worker band by band: nothing to fall back on for this image.
        throw new Error('The image could not be saved. Please try again.');
      }
    },
    drop() {
      waiting.delete(id);
      helping.delete(id);
      w.postMessage({ op: 'drop', id });
    },
  };
}

/**
 * The pictures go to a helping worker as copies, made a few at a time and transferred: a plain
 * postMessage of 40 photos copies them all in one task of 100-200 ms. Then the worker starts
 * on its first band.
 */
async function sendPictures(w: Worker, id: number, images: ImageSourceMap, first: [number, number]): Promise<void> {
  let start = performance.now();
  for (const [hash, source] of images) {
    // A few ms of copies a task: each copy resolves at once, so all 40 would be one 50 ms task.
    if (performance.now() - start > 8) {
      await nextTask();
      start = performance.now();
    }
    if (!helping.has(id)) return; // dropped
    const copy = source ? await createImageBitmap(source as ImageBitmap).catch(() => null) : null;
    // No copy: the worker does not help (it would draw a placeholder where the page draws the photo).
    if (source && !copy) return;
    w.postMessage({ op: 'picture', id, hash, bitmap: copy }, copy ? [copy] : []);
  }
  w.postMessage({ op: 'take', id, top: first[0], height: first[1] });
}

/** On the page: the bands are copied into one canvas (a one-band image is used as it is). */
function pageSink(width: number, height: number): ImageSink {
  let whole: AnyCanvas | null = null;
  let assembled = false;
  return {
    add(band, y) {
      if (!whole && y === 0 && band.width === width && band.height === height) {
        whole = band;
        return;
      }
      if (!assembled) {
        const first = whole;
        whole = makeCanvas(width, height);
        assembled = true;
        if (first) context2d(whole).drawImage(first, 0, 0);
      }
      context2d(whole!).drawImage(band, 0, y);
    },
    finish(type, quality) {
      if (!whole) return Promise.reject(new Error('nothing was drawn'));
      return encodeHere(whole, type, quality);
    },
    drop() {
      whole = null;
    },
  };
}

/**
 * A sink for a `width` x `height` image (bands from makeCanvas: OffscreenCanvas where it exists);
 * with `help`, the worker draws some of the bands itself.
 */
export function imageSink(width: number, height: number, help: Help | null = null): ImageSink {
  const w = typeof OffscreenCanvas !== 'undefined' ? encoder() : null;
  return w ? workerSink(w, width, height, help) : pageSink(width, height);
}
