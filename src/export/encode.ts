/**
 * Where a rendered export's pixels go: a sink that takes the image band by band and gives back the
 * encoded file. In a worker where possible (encodeWorker.ts: the big canvas is allocated and
 * encoded there, while the page draws the next band); on the page otherwise.
 */
import { context2d, makeCanvas, type AnyCanvas } from './canvas2d';

export type ImageType = 'image/png' | 'image/jpeg';

export interface ImageSink {
  /** A finished band whose top row is `y`; its pixels move out (the canvas is left empty). */
  add(band: AnyCanvas, y: number): void;
  /** The encoded image, once every band was added. */
  finish(type: ImageType, quality?: number): Promise<Blob>;
  /** Gives up (cancel or failure): frees what was sent. */
  drop(): void;
}

let worker: Worker | null | undefined;
let nextId = 0;
const waiting = new Map<number, { resolve: (b: Blob) => void; reject: (e: Error) => void }>();

/** The encoding worker, or null where workers cannot encode (then the page encodes). */
function encoder(): Worker | null {
  if (worker !== undefined) return worker;
  if (typeof Worker === 'undefined' || typeof OffscreenCanvas === 'undefined') return (worker = null);
  try {
    worker = new Worker(new URL('./encodeWorker.ts', import.meta.url), { type: 'module' });
    worker.onmessage = (e: MessageEvent<{ id: number; blob?: Blob; error?: string }>) => {
      const w = waiting.get(e.data.id);
      waiting.delete(e.data.id);
      if (e.data.blob) w?.resolve(e.data.blob);
      else w?.reject(new Error(e.data.error ?? 'encoding failed'));
    };
    worker.onerror = () => {
      for (const w of waiting.values()) w.reject(new Error('the encoding worker stopped'));
      waiting.clear();
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

function workerSink(w: Worker, width: number, height: number): ImageSink {
  const id = nextId++;
  w.postMessage({ op: 'begin', id, width, height });
  return {
    add(band, y) {
      const bitmap = (band as OffscreenCanvas).transferToImageBitmap();
      w.postMessage({ op: 'band', id, bitmap, y }, [bitmap]);
    },
    async finish(type, quality) {
      try {
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
      w.postMessage({ op: 'drop', id });
    },
  };
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

/** A sink for a `width` x `height` image (bands from makeCanvas: OffscreenCanvas where it exists). */
export function imageSink(width: number, height: number): ImageSink {
  const w = typeof OffscreenCanvas !== 'undefined' ? encoder() : null;
  return w ? workerSink(w, width, height) : pageSink(width, height);
}
