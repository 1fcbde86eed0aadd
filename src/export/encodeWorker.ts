/**
 * Puts a finished export together and encodes it off the main thread. The page draws the image in
 * horizontal bands and hands each one over as an ImageBitmap (a transfer, no copy) as soon as it
 * is drawn; the worker copies it into place. Where the page shared the scene (`scene` messages),
 * the worker also draws bands itself, straight into the whole image, with the same code as the
 * page (band.ts): the last band comes with the job, then it asks for another (`want`) and the page
 * answers with the lowest one nobody has (`take`), so the two cores split the drawing. Then it encodes the PNG or JPEG. A one-band image
 * the worker did not help with is encoded straight from its bitmap.
 *
 * Why here: allocating a 50 MP canvas costs 100+ ms and encoding it close to a second, both
 * uninterruptible; on the page either would freeze the tab.
 */
import { boxesIntersect } from '../geometry/box';
import { drawBand, type Background, type BandScene } from './band';
import type { ImageLayout } from './layout';
import type { NumberedNote } from './notes';
import type { ExportEntry } from './scene';

interface HelpJob {
  scene: number;
  layout: ImageLayout;
  notes: NumberedNote[];
  background: Background;
}
type EncodeRequest =
  | { op: 'scene'; id: number; entries: ExportEntry[] }
  | { op: 'forget'; id: number }
  | { op: 'begin'; id: number; width: number; height: number; help: HelpJob | null }
  | { op: 'band'; id: number; bitmap: ImageBitmap; y: number }
  | { op: 'picture'; id: number; hash: string; bitmap: ImageBitmap | null }
  | { op: 'take'; id: number; top: number; height: number }
  | { op: 'end'; id: number; type: 'image/png' | 'image/jpeg'; quality?: number }
  | { op: 'drop'; id: number };

interface Job {
  width: number;
  height: number;
  /** The whole image (made at once when helping, else at the second band). */
  canvas: OffscreenCanvas | null;
  ctx: OffscreenCanvasRenderingContext2D | null;
  /** The first band, kept until we know whether it is the whole image. */
  first: ImageBitmap | null;
  /** What to draw when helping. */
  scene: BandScene | null;
  pictures: Map<string, ImageBitmap | null>;
  error: string | null;
}

const scope = self as unknown as { onmessage: ((e: MessageEvent<EncodeRequest>) => void) | null; postMessage(message: unknown): void };
const scenes = new Map<number, ExportEntry[]>();
const jobs = new Map<number, Job>();

const message = (err: unknown): string => (err instanceof Error ? err.message : String(err));

function whole(job: Job): OffscreenCanvasRenderingContext2D {
  if (!job.ctx) {
    job.canvas = new OffscreenCanvas(job.width, job.height);
    job.ctx = job.canvas.getContext('2d', { willReadFrequently: true });
    if (!job.ctx) throw new Error('This browser could not make an image of that size.');
  }
  return job.ctx;
}

function place(job: Job, bitmap: ImageBitmap, y: number): void {
  whole(job).drawImage(bitmap, 0, y);
  bitmap.close();
}

function release(job: Job): void {
  job.first?.close();
  job.first = null;
  for (const image of job.pictures.values()) image?.close();
  job.pictures.clear();
  job.scene = null;
}

async function finish(job: Job, type: 'image/png' | 'image/jpeg', quality?: number): Promise<Blob> {
  if (job.error) throw new Error(job.error);
  if (job.canvas) return job.canvas.convertToBlob({ type, quality });
  if (!job.first) throw new Error('nothing was drawn');
  const canvas = new OffscreenCanvas(job.first.width, job.first.height);
  canvas.getContext('bitmaprenderer')!.transferFromImageBitmap(job.first);
  job.first = null;
  return canvas.convertToBlob({ type, quality });
}

function begin(req: Extract<EncodeRequest, { op: 'begin' }>): void {
  const job: Job = { width: req.width, height: req.height, canvas: null, ctx: null, first: null, scene: null, pictures: new Map(), error: null };
  jobs.set(req.id, job);
  const help = req.help;
  const entries = help ? scenes.get(help.scene) : undefined;
  if (!help || !entries) return;
  try {
    whole(job);
  } catch {
    return; // the page draws every band then, and the error shows at its first one
  }
  // The pictures follow one by one, then the first band to draw ('take').
  job.scene = { entries: entries.filter((e) => boxesIntersect(e.entry.box, help.layout.region)), layout: help.layout, notes: help.notes, background: help.background, images: job.pictures };
}

function take(id: number, job: Job, top: number, height: number): void {
  if (!job.scene || job.error) return;
  try {
    for (const _ of drawBand(whole(job), job.scene, top, height, 0));
    // Rasterise now, so the next request goes out when this band is really done.
    job.ctx!.getImageData(0, 0, 1, 1);
  } catch (err) {
    job.error = message(err);
    return;
  }
  scope.postMessage({ id, drew: true, want: true });
}

scope.onmessage = async (e) => {
  const req = e.data;
  switch (req.op) {
    case 'scene': {
      const list = scenes.get(req.id) ?? [];
      for (const entry of req.entries) list.push(entry);
      scenes.set(req.id, list);
      return;
    }
    case 'forget':
      scenes.delete(req.id);
      return;
    case 'begin':
      return begin(req);
  }
  const job = jobs.get(req.id);
  if (!job) {
    if (req.op === 'band') req.bitmap.close();
    if (req.op === 'picture') req.bitmap?.close();
    return;
  }
  switch (req.op) {
    case 'picture':
      job.pictures.set(req.hash, req.bitmap);
      return;
    case 'drop':
      release(job);
      jobs.delete(req.id);
      return;
    case 'take':
      return take(req.id, job, req.top, req.height);
    case 'band': {
      if (job.error) return req.bitmap.close();
      try {
        const isWhole = req.y === 0 && req.bitmap.width === job.width && req.bitmap.height === job.height;
        if (isWhole && !job.first && !job.canvas) job.first = req.bitmap;
        else {
          if (job.first) {
            const first = job.first;
            job.first = null;
            place(job, first, 0);
          }
          place(job, req.bitmap, req.y);
        }
      } catch (err) {
        job.error = message(err);
      }
      return;
    }
    case 'end': {
      jobs.delete(req.id);
      try {
        scope.postMessage({ id: req.id, blob: await finish(job, req.type, req.quality) });
      } catch (err) {
        scope.postMessage({ id: req.id, error: message(err) });
      } finally {
        release(job);
      }
    }
  }
};
