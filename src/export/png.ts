/**
 * PNG of the whole board, one easel or the selection; and the ZIP of every easel's PNG, named
 * after its artist.
 */
import { boxesIntersect, type Box } from '../geometry/box';
import type { ImageItem } from '../model/schema';
import type { Measure } from '../geometry/textLayout';
import { anonymousEaselStem, boardFileStem } from './names';
import { forgetScene, shareScene } from './encode';
import { renderRegion, type ImageSourceMap, type RenderOptions } from './render';
import { loadImages, part, type ExportJob, type ImageLoader } from './run';
import { entryBox, exportEntries, exportEntry, unionBox, type Drawable, type ExportEntry } from './scene';
import { Slicer } from './slicer';
import { layoutImage } from './layout';
import { legendNotes, numberNotes } from './notes';
import { EASEL_BOX, type ExportSource } from './source';

export type Scope = { kind: 'board' } | { kind: 'selection'; ids: readonly string[] } | { kind: 'easel'; id: string };

export interface ExportDeps {
  source: ExportSource;
  measure: Measure;
  loadImage?: ImageLoader;
}

export interface ExportResult {
  blob: Blob;
  fileName: string;
  /** Output size (PNG) or page count (PDF), for the dialog and the tests. */
  width?: number;
  height?: number;
  /** The scale actually used (smaller than asked when the image would be too big). */
  scale?: number;
}

export class NothingToExport extends Error {
  constructor(message = 'There is nothing to export yet.') {
    super(message);
  }
}

/** The items and the region of a scope. */
export function scopeOf(source: ExportSource, scope: Scope): { items: ExportSource['items']; region: Box | null; name: string } {
  switch (scope.kind) {
    case 'board':
      return { items: source.items, region: null, name: boardFileStem(source.meta.title) };
    case 'selection': {
      const ids = new Set(scope.ids);
      return { items: source.items.filter((i) => ids.has(i.id)), region: null, name: `${boardFileStem(source.meta.title)} selection` };
    }
    case 'easel': {
      const index = source.easels.findIndex((e) => e.id === scope.id);
      const easel = source.easels[index];
      if (!easel) throw new NothingToExport('That easel is not on the board any more.');
      const box = EASEL_BOX(easel);
      return { items: source.items, region: box, name: source.hideNames ? anonymousEaselStem(index, source.easels.length) : easel.name };
    }
  }
}

function regionOf(entries: readonly ExportEntry[], fixed: Box | null): Box {
  if (fixed) return fixed;
  const box = unionBox(entries.map(entryBox));
  if (!box) throw new NothingToExport();
  return box;
}

/** The region a scope covers (the items' extent for the board or a selection). */
export async function scopeRegion(deps: ExportDeps, scope: Scope, signal?: AbortSignal): Promise<Box> {
  const { items, region: fixed } = scopeOf(deps.source, scope);
  return fixed ?? regionOf(await exportEntries(items, deps.measure, new Slicer(signal)), null);
}

/**
 * The size and scale a PNG of `region` will have, before drawing it: the dialog warns when the
 * scale is smaller than asked (too big for a browser's canvas).
 */
export function planPng(deps: ExportDeps, region: Box, opts: RenderOptions): { width: number; height: number; scale: number } {
  const numbered = opts.notes ? numberNotes(deps.source.notes, region) : [];
  const layout = layoutImage(region, opts, opts.notes && opts.legend !== false ? legendNotes(numbered) : null, deps.measure);
  return { width: layout.width, height: layout.height, scale: layout.scale };
}

export async function exportPng(deps: ExportDeps, scope: Scope, opts: RenderOptions, job: ExportJob = {}): Promise<ExportResult> {
  const slicer = new Slicer(job.signal);
  const { items, region: fixed, name } = scopeOf(deps.source, scope);
  // Pictures decode off the main thread (createImageBitmap) while the strokes' boxes are worked
  // out here: the two overlap instead of adding up.
  const loading = loadImages(picturesOf(items, fixed, deps.measure), deps.loadImage, slicer, part(job, 0, 0.2, 'Loading pictures'), job.signal);
  loading.catch(() => {}); // awaited below; an early failure of the entries must not leave it unhandled
  const entries = await exportEntries(items, deps.measure, slicer);
  const region = regionOf(entries, fixed);
  // The worker gets the entries it may draw, so it can take bands of the image too.
  const shared = await shareScene(entries.filter((e) => boxesIntersect(entryBox(e), region)), slicer);
  try {
    const images = await loading;
    const drawing = part(job, 0.2, 0.8, 'Drawing');
    // The last part of the bar: the worker puts the bands together and encodes them.
    const out = await renderRegion(entries, region, deps.source.notes, images, opts, deps.measure, slicer, (f) => (f < 1 ? drawing(f) : part(job, 0.8, 1, 'Saving the image')(0)), undefined, shared);
    closeAll(images);
    job.onProgress?.(1, 'Done');
    return { blob: out.blob, fileName: `${boardFileStem(name)}.png`, width: out.layout.width, height: out.layout.height, scale: out.layout.scale };
  } finally {
    forgetScene(shared);
  }
}

/** The pictures a region shows: only those are loaded (decoding a photo costs tens of ms). */
function picturesIn(entries: readonly ExportEntry[], region: Box): ImageItem[] {
  return entries.flatMap(({ entry: e }) => (e.item.kind === 'image' && boxesIntersect(e.box, region) ? [e.item] : []));
}

/**
 * The pictures of a scope, known before its strokes are decoded (a picture's box is cheap): all
 * of them when the region is the items' own extent, else those that meet the fixed region.
 */
export function picturesOf(items: readonly Drawable[], fixed: Box | null, measure: Measure): ImageItem[] {
  return items.flatMap((i) => {
    if (i.kind !== 'image') return [];
    if (!fixed) return [i];
    const e = exportEntry(i, measure);
    return e && boxesIntersect(e.entry.box, fixed) ? [i] : [];
  });
}

/** Frees decoded pictures now rather than at the next garbage collection (each is megabytes). */
function closeAll(images: ImageSourceMap): void {
  for (const source of images.values()) if (source && 'close' in source) source.close();
}

/**
 * The scale at which to draw a region that will be shown `fitWidth` x `fitHeight` units large
 * (a PDF page's image box, in points) at `scale` pixels per unit: no more pixels than that.
 */
export function scaleToFit(region: Box, fitWidth: number, fitHeight: number, scale: number): number {
  const w = region.maxX - region.minX, h = region.maxY - region.minY;
  return Math.min(scale, (Math.min(fitWidth / w, fitHeight / h) || 1) * scale);
}

/** Renders each easel in turn (entries built once for the whole board); calls `each` with its image. */
export async function forEachEasel(
  deps: ExportDeps,
  opts: RenderOptions,
  job: ExportJob,
  type: 'image/png' | 'image/jpeg',
  each: (index: number, blob: Blob, rendered: Awaited<ReturnType<typeof renderRegion>>) => Promise<void> | void,
  share: { from: number; to: number } = { from: 0, to: 1 },
  /** The scale for each easel (the PDF draws no more pixels than its page shows). */
  scaleFor: (region: Box) => number = () => opts.scale,
): Promise<void> {
  const { easels } = deps.source;
  if (easels.length === 0) throw new NothingToExport('This board has no easels yet.');
  const slicer = new Slicer(job.signal);
  const span = share.to - share.from;
  const entries = await exportEntries(deps.source.items, deps.measure, slicer);
  const from = share.from + span * 0.05;
  const per = (share.to - from) / easels.length;
  // Each easel's pictures are decoded while the easel before it is drawn: two easels' photos alive
  // at a time, not 40.
  const picturesFor = (i: number) => {
    const p = loadImages(picturesIn(entries, EASEL_BOX(easels[i]!)), deps.loadImage, slicer, () => {}, job.signal);
    p.catch(() => {}); // awaited in its turn
    return p;
  };
  let next = picturesFor(0);
  const shared = await shareScene(entries, slicer);
  try {
    for (let i = 0; i < easels.length; i++) {
      const easel = easels[i]!;
      const step = `Easel ${i + 1} of ${easels.length}`;
      const region = EASEL_BOX(easel);
      const images = await next;
      if (i + 1 < easels.length) next = picturesFor(i + 1);
      const encoding = { type, quality: type === 'image/jpeg' ? 0.9 : undefined };
      const out = await renderRegion(entries, region, deps.source.notes, images, { ...opts, scale: scaleFor(region) }, deps.measure, slicer, part(job, from + per * i, from + per * (i + 0.8), step), encoding, shared);
      closeAll(images);
      await each(i, out.blob, out);
      part(job, from + per * i, from + per * (i + 1), step)(1);
    }
  } finally {
    forgetScene(shared);
  }
}
