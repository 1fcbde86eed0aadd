/**
 * Draws a region of the board from the document: items (the canvas's own draw routines),
 * pictures, numbered note markers and the legend, at 1x/2x/3x on white or transparent, and encodes
 * it. The image is drawn in horizontal bands of a few megapixels (band.ts): a whole-board image is
 * ~50 MP, and allocating one canvas that big is a 100+ ms task by itself. The page draws bands from
 * the top in slices (see slicer.ts: progress, cancel, no long task) and hands each to the worker
 * (encode.ts); where the worker holds the scene too, it draws bands from the bottom meanwhile, on
 * the other core, and the two meet in the middle. The worker puts the image together and encodes it.
 */
import { boxesIntersect, type Box } from '../geometry/box';
import type { Measure } from '../geometry/textLayout';
import { drawBand, type Background, type BandScene, type ImageSourceMap } from './band';
import { context2d, makeCanvas } from './canvas2d';
import { imageSink, type ImageType, type SharedScene } from './encode';
import { layoutImageSteps, type ImageLayout } from './layout';
import { legendNotes, numberNotes, type ExportNote, type NumberedNote } from './notes';
import { entryBox, type ExportEntry } from './scene';
import type { Slicer } from './slicer';

export { MARKER_COLOUR, type Background, type ImageSourceMap } from './band';

export interface RenderOptions {
  scale: number;
  background: Background;
  /** Margin around the drawing, board px (scaled with it). */
  padding: number;
  /** Draw note markers and the legend. */
  notes: boolean;
  /** With notes: list them beside or below the drawing (off for the PDF, which prints them as text). */
  legend?: boolean;
  /** Most pixels drawn in one band (tests set it low to check that bands join seamlessly). */
  bandPixels?: number;
}

/**
 * Most pixels in one band: allocating and painting it white stays a ~15 ms step. With the worker
 * helping, an image of more than `SPLIT_PIXELS` is cut in at least two bands, so both cores draw.
 */
const BAND_PIXELS = 8_000_000;
const SPLIT_PIXELS = 2_000_000;

export interface RenderedRegion {
  /** The encoded image. */
  blob: Blob;
  layout: ImageLayout;
  notes: NumberedNote[];
}

/** The image's rows cut in bands of about the same height, each under `maxPixels`: [top, height] from the top. */
export function bandsOf(width: number, height: number, maxPixels: number, atLeast: number): Array<[number, number]> {
  const count = Math.max(atLeast, Math.ceil((width * height) / maxPixels));
  const rows = Math.max(1, Math.min(Math.floor(maxPixels / width), Math.ceil(height / count)));
  const out: Array<[number, number]> = [];
  for (let top = 0; top < height; top += rows) out.push([top, Math.min(rows, height - top)]);
  return out;
}

/**
 * Renders `entries` that meet `region` (items outside it are clipped away: an easel's export shows
 * the easel, not its neighbours' ink) and encodes the image. Notes meeting the region are numbered
 * and listed. `shared`: the same entries, already sent to the worker (shareScene), so it can help.
 */
export async function renderRegion(
  entries: readonly ExportEntry[],
  region: Box,
  notes: readonly ExportNote[],
  images: ImageSourceMap,
  opts: RenderOptions,
  measure: Measure,
  slicer: Slicer,
  onProgress: (fraction: number) => void = () => {},
  encoding: { type: ImageType; quality?: number } = { type: 'image/png' },
  shared: SharedScene | null = null,
): Promise<RenderedRegion> {
  const numbered = opts.notes ? numberNotes(notes, region) : [];
  const steps = layoutImageSteps(region, opts, opts.notes && opts.legend !== false ? legendNotes(numbered) : null, measure);
  let step = steps.next();
  for (; !step.done; step = steps.next()) await slicer.yield();
  const layout = step.value;
  await slicer.tick();
  const scene: BandScene = { entries: entries.filter((e) => boxesIntersect(entryBox(e), layout.region)), layout, notes: numbered, background: opts.background, images };
  const helped = shared !== null && [...images.values()].every((v) => v === null || (typeof ImageBitmap !== 'undefined' && v instanceof ImageBitmap));
  const bands = bandsOf(layout.width, layout.height, opts.bandPixels ?? BAND_PIXELS, helped && layout.width * layout.height > SPLIT_PIXELS ? 2 : 1);
  // The page takes bands from the top, the worker from the bottom, until they meet.
  let low = 0;
  let high = bands.length - 1;
  let drawn = 0;
  // Once the page's part is done, what is left (the worker's last band, encoding) is "saving".
  let saving = false;
  const progress = () => saving || onProgress(Math.min(0.99, drawn / bands.length));
  // The worker's first band is given with the job (it always draws one, so its drawing is tested too).
  const first = helped && bands.length > 1 ? bands[high--]! : null;
  const take = (): [number, number] | null => (low <= high ? bands[high--]! : null);
  const sink = imageSink(layout.width, layout.height, first && { scene: shared!, layout, notes: numbered, background: opts.background, images, first, take, drew: () => (drawn++, progress()) });
  try {
    while (low <= high) {
      const [top, height] = bands[low++]!;
      await slicer.tick();
      const canvas = makeCanvas(layout.width, height);
      const ctx = context2d(canvas);
      // A one-pixel read makes the canvas rasterise what was drawn so far, inside this slice.
      slicer.beforeYield = () => ctx.getImageData(0, 0, 1, 1);
      for (const step of drawBand(ctx, scene, top, height, top)) await (step === 'filled' ? slicer.yield() : slicer.tick());
      await slicer.yield();
      slicer.beforeYield = null;
      sink.add(canvas, top);
      drawn++;
      progress();
    }
    saving = true;
    onProgress(1);
    const blob = await sink.finish(encoding.type, encoding.quality);
    slicer.throwIfAborted();
    return { blob, layout, notes: numbered };
  } catch (err) {
    slicer.beforeYield = null;
    sink.drop();
    throw err;
  }
}
