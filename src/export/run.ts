/**
 * The shared parts of every export run: its progress (one bar across phases) and the pictures
 * loaded once before drawing.
 */
import type { ImageItem } from '../model/schema';
import type { ImageSourceMap } from './render';
import type { Drawable } from './scene';
import type { Slicer } from './slicer';

export interface ExportJob {
  signal?: AbortSignal;
  /** 0..1 over the whole run, with a few plain words about the step. */
  onProgress?: (fraction: number, step: string) => void;
}

export type Progress = (fraction: number) => void;

/** A part of the bar: fractions 0..1 of the part map onto [from, to] of the whole. */
export function part(job: ExportJob, from: number, to: number, step: string): Progress {
  let last = -1;
  return (f) => {
    const v = from + (to - from) * Math.min(1, Math.max(0, f));
    if (v - last < 0.005 && f < 1) return;
    last = v;
    job.onProgress?.(v, step);
  };
}

/** Loads a picture for drawing (the app's blob store; a bench's generated photos). */
export type ImageLoader = (item: ImageItem, signal?: AbortSignal) => Promise<CanvasImageSource | null>;

/** Loads each picture once (by blob), a few at a time. A picture that fails to load is null. */
export async function loadImages(items: readonly Drawable[], loader: ImageLoader | undefined, slicer: Slicer, progress: Progress, signal?: AbortSignal): Promise<ImageSourceMap> {
  const byBlob = new Map<string, ImageItem>();
  for (const i of items) if (i.kind === 'image' && !byBlob.has(i.blob)) byBlob.set(i.blob, i);
  const out = new Map<string, CanvasImageSource | null>();
  if (!loader || byBlob.size === 0) return out;
  const queue = [...byBlob.values()];
  let done = 0;
  const worker = async (): Promise<void> => {
    for (let item = queue.shift(); item; item = queue.shift()) {
      const source = await loader(item, signal).catch(() => null);
      out.set(item.blob, source);
      progress(++done / byBlob.size);
    }
  };
  await Promise.all([worker(), worker(), worker(), worker()]);
  slicer.throwIfAborted();
  return out;
}
