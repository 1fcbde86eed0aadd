/**
 * Puts a finished export together and encodes it off the main thread. The page draws the image in
 * horizontal bands and hands each one over as an ImageBitmap (a transfer, no copy) as soon as it
 * is drawn; the worker copies it into place while the page draws the next band, then encodes the
 * PNG or JPEG. A one-band image is encoded straight from its bitmap.
 *
 * Why here: allocating a 50 MP canvas costs 100+ ms and encoding it close to a second, both
 * uninterruptible; on the page either would freeze the tab.
 */
interface Begin {
  op: 'begin';
  id: number;
  width: number;
  height: number;
}
interface Band {
  op: 'band';
  id: number;
  bitmap: ImageBitmap;
  y: number;
}
interface End {
  op: 'end';
  id: number;
  type: 'image/png' | 'image/jpeg';
  quality?: number;
}
interface Drop {
  op: 'drop';
  id: number;
}
type EncodeRequest = Begin | Band | End | Drop;

interface Job {
  width: number;
  height: number;
  /** The whole image, made at the second band (a one-band image never needs it). */
  canvas: OffscreenCanvas | null;
  ctx: OffscreenCanvasRenderingContext2D | null;
  /** The first band, kept until we know whether it is the whole image. */
  first: ImageBitmap | null;
  error: string | null;
}

const scope = self as unknown as { onmessage: ((e: MessageEvent<EncodeRequest>) => void) | null; postMessage(message: unknown): void };
const jobs = new Map<number, Job>();

const message = (err: unknown): string => (err instanceof Error ? err.message : String(err));

function place(job: Job, bitmap: ImageBitmap, y: number): void {
  if (!job.ctx) {
    job.canvas = new OffscreenCanvas(job.width, job.height);
    job.ctx = job.canvas.getContext('2d', { willReadFrequently: true });
    if (!job.ctx) throw new Error('This browser could not make an image of that size.');
  }
  job.ctx.drawImage(bitmap, 0, y);
  bitmap.close();
}

async function finish(job: Job, type: End['type'], quality?: number): Promise<Blob> {
  if (job.error) throw new Error(job.error);
  if (job.canvas) return job.canvas.convertToBlob({ type, quality });
  if (!job.first) throw new Error('nothing was drawn');
  const canvas = new OffscreenCanvas(job.first.width, job.first.height);
  canvas.getContext('bitmaprenderer')!.transferFromImageBitmap(job.first);
  job.first = null;
  return canvas.convertToBlob({ type, quality });
}

scope.onmessage = async (e) => {
  const req = e.data;
  if (req.op === 'begin') {
    jobs.set(req.id, { width: req.width, height: req.height, canvas: null, ctx: null, first: null, error: null });
    return;
  }
  const job = jobs.get(req.id);
  if (!job) return;
  if (req.op === 'drop') {
    job.first?.close();
    jobs.delete(req.id);
    return;
  }
  if (req.op === 'band') {
    if (job.error) return req.bitmap.close();
    try {
      const whole = req.y === 0 && req.bitmap.width === job.width && req.bitmap.height === job.height;
      if (whole && !job.first && !job.canvas) job.first = req.bitmap;
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
  jobs.delete(req.id);
  try {
    scope.postMessage({ id: req.id, blob: await finish(job, req.type, req.quality) });
  } catch (err) {
    scope.postMessage({ id: req.id, error: message(err) });
  }
};

export {};
