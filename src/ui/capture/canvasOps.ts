/**
 * Picture work on canvases (browser only): decode a file, draw it turned and cropped at a size,
 * clean it up (in a worker), and encode it for upload. The geometry is in imageOps.ts.
 */
import { cleanUp, fitWithin, hasTransparency, normTurns, turnedSize, type Crop, type Pixels } from './imageOps';

/** The long side of what is uploaded (phone photos are 4000 px and more: nobody needs that on a board). */
export const UPLOAD_MAX_SIDE = 2560;
/** The long side of the preview in the dialog. */
export const PREVIEW_MAX_SIDE = 1200;
const JPEG_QUALITY = 0.86;
/** Files larger than this are not even opened (a picture is never that big). */
export const MAX_FILE_BYTES = 60 * 1024 * 1024;

export class PictureError extends Error {}

export const NOT_A_PICTURE = 'This file is not a picture Sketchroom can open. Choose a photo (JPEG), a PNG or a WebP picture.';

/** Decodes a file or blob (turned upright by its EXIF orientation). */
export async function decodeFile(file: Blob): Promise<ImageBitmap> {
  if (file.size > MAX_FILE_BYTES) throw new PictureError(`This file is too big (${Math.round(file.size / (1024 * 1024))} MB). Choose a picture under 60 MB.`);
  if (file.type && !file.type.startsWith('image/')) throw new PictureError(NOT_A_PICTURE);
  try {
    return await createImageBitmap(file, { imageOrientation: 'from-image' });
  } catch {
    throw new PictureError(NOT_A_PICTURE);
  }
}

/**
 * Draws `source` turned by `turns` quarter turns clockwise and cropped to `crop` (fractions of the
 * turned picture), scaled to fit within `maxSide`.
 */
export function renderTurned(source: CanvasImageSource & { width: number; height: number }, turns: number, crop: Crop, maxSide: number): HTMLCanvasElement {
  const t = normTurns(turns);
  const W = source.width, H = source.height;
  const turned = turnedSize(W, H, t);
  const rx = crop.x * turned.width, ry = crop.y * turned.height;
  const rw = crop.w * turned.width, rh = crop.h * turned.height;
  const out = fitWithin(rw, rh, maxSide);
  const canvas = document.createElement('canvas');
  canvas.width = out.width;
  canvas.height = out.height;
  const ctx = canvas.getContext('2d')!;
  ctx.imageSmoothingEnabled = true;
  ctx.imageSmoothingQuality = 'high';
  ctx.scale(out.width / rw, out.height / rh);
  ctx.translate(-rx, -ry);
  // Map the source into the turned picture's frame.
  if (t === 1) {
    ctx.translate(H, 0);
    ctx.rotate(Math.PI / 2);
  } else if (t === 2) {
    ctx.translate(W, H);
    ctx.rotate(Math.PI);
  } else if (t === 3) {
    ctx.translate(0, W);
    ctx.rotate(-Math.PI / 2);
  }
  ctx.drawImage(source, 0, 0);
  return canvas;
}

let worker: Worker | null = null;
let nextId = 1;

/** "Clean up" on a canvas, in a worker when the browser has them (else here). */
export async function cleanUpCanvas(canvas: HTMLCanvasElement): Promise<void> {
  const ctx = canvas.getContext('2d')!;
  const image = ctx.getImageData(0, 0, canvas.width, canvas.height);
  const pixels: Pixels = { data: image.data, width: image.width, height: image.height };
  let data: Uint8ClampedArray;
  try {
    worker ??= new Worker(new URL('./cleanUp.worker.ts', import.meta.url), { type: 'module' });
    const w = worker;
    const id = nextId++;
    data = await new Promise<Uint8ClampedArray>((resolve, reject) => {
      const onMessage = (e: MessageEvent<{ id: number; data: Uint8ClampedArray }>) => {
        if (e.data.id !== id) return;
        w.removeEventListener('message', onMessage);
        w.removeEventListener('error', onError);
        resolve(e.data.data);
      };
      const onError = () => {
        w.removeEventListener('message', onMessage);
        w.removeEventListener('error', onError);
        reject(new Error('worker failed'));
      };
      w.addEventListener('message', onMessage);
      w.addEventListener('error', onError);
      const copy = new Uint8ClampedArray(pixels.data);
      w.postMessage({ id, data: copy, width: pixels.width, height: pixels.height }, [copy.buffer]);
    });
  } catch {
    worker = null;
    data = cleanUp(pixels).data;
  }
  ctx.putImageData(new ImageData(new Uint8ClampedArray(data), image.width, image.height), 0, 0);
}

function toBlob(canvas: HTMLCanvasElement, type: string, quality?: number): Promise<Blob> {
  return new Promise((resolve, reject) => canvas.toBlob((b) => (b ? resolve(b) : reject(new PictureError('The picture could not be prepared. Try again.'))), type, quality));
}

/**
 * The upload: a JPEG, or a PNG when the picture has transparent parts; made smaller until it fits
 * `maxBytes` (a detailed PNG can be large).
 */
export async function encodeForUpload(canvas: HTMLCanvasElement, maxBytes: number, keepTransparency: boolean): Promise<Blob> {
  const ctx = canvas.getContext('2d')!;
  const transparent = keepTransparency && hasTransparency(ctx.getImageData(0, 0, canvas.width, canvas.height));
  let current = canvas;
  for (let attempt = 0; attempt < 4; attempt++) {
    const blob = transparent ? await toBlob(current, 'image/png') : await toBlob(current, 'image/jpeg', JPEG_QUALITY);
    if (blob.size <= maxBytes) return blob;
    const smaller = document.createElement('canvas');
    smaller.width = Math.max(1, Math.round(current.width * 0.7));
    smaller.height = Math.max(1, Math.round(current.height * 0.7));
    const s = smaller.getContext('2d')!;
    s.imageSmoothingQuality = 'high';
    s.drawImage(current, 0, 0, smaller.width, smaller.height);
    current = smaller;
  }
  throw new PictureError('This picture is too big to send, even made smaller. Try a smaller picture.');
}
