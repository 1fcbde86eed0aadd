/**
 * The handout: a cover (title, prompt, date, how many took part), then one page per easel with the
 * drawing (note markers on it), the artist's name and the notes as real, selectable text in an
 * embedded font (DejaVu Sans, so accents and most scripts print; see public/fonts).
 */
import fontkit from '@pdf-lib/fontkit';
import { PDFDocument, rgb, type PDFFont, type PDFPage } from 'pdf-lib';
import { wrapLines } from '../geometry/textLayout';
import { MARKER_COLOUR, type RenderOptions } from './render';
import { boardFileStem } from './names';
import { forEachEasel, scaleToFit, type ExportDeps, type ExportResult } from './png';
import type { ExportJob } from './run';
import type { NumberedNote } from './notes';
import { IMAGE_BOX, layoutNotesColumn, NOTES_WIDTH, PAGE, printable } from './pageLayout';

export const DEFAULT_FONT_URL = '/fonts/DejaVuSans.ttf';

export interface PdfDeps extends ExportDeps {
  /** The TTF to embed (fetched from /fonts/ by default). */
  loadFont?: () => Promise<Uint8Array>;
  /** "Printed on" date for a board without a creation time; tests pin it. */
  now?: () => number;
}

async function fetchFont(): Promise<Uint8Array> {
  const res = await fetch(DEFAULT_FONT_URL);
  if (!res.ok) throw new Error('Could not load the font for the handout. Check the connection and try again.');
  return new Uint8Array(await res.arrayBuffer());
}

const INK = rgb(0.12, 0.14, 0.16);
const MUTED = rgb(0.34, 0.38, 0.42);
const hex = (h: string) => rgb(parseInt(h.slice(1, 3), 16) / 255, parseInt(h.slice(3, 5), 16) / 255, parseInt(h.slice(5, 7), 16) / 255);

export function wrapPdf(font: PDFFont, text: string, size: number, width: number): string[] {
  return wrapLines(printable(text), size, width, (t, px) => font.widthOfTextAtSize(t, px));
}

export function formatDate(ms: number): string {
  return new Date(ms).toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric' });
}

export function participantsLine(n: number): string {
  return n === 1 ? '1 participant' : `${n} participants`;
}

function drawLines(page: PDFPage, font: PDFFont, lines: readonly string[], x: number, y: number, size: number, color = INK, leading = 1.3): number {
  for (const line of lines) {
    page.drawText(line, { x, y: y - size, size, font, color });
    y -= size * leading;
  }
  return y;
}

function cover(pdf: PDFDocument, font: PDFFont, deps: PdfDeps): void {
  const { meta, participantCount, easels } = deps.source;
  const page = pdf.addPage([PAGE.width, PAGE.height]);
  const w = PAGE.width - 2 * PAGE.margin;
  let y = PAGE.height - 130;
  y = drawLines(page, font, wrapPdf(font, meta.title || 'Untitled board', 34, w), PAGE.margin, y, 34, INK, 1.2);
  y -= 18;
  if (meta.prompt) y = drawLines(page, font, wrapPdf(font, meta.prompt, 17, w).slice(0, 12), PAGE.margin, y, 17, INK) - 18;
  const date = formatDate(meta.createdAt || (deps.now ?? Date.now)());
  const facts = [date, participantsLine(participantCount), easels.length === 1 ? '1 easel' : `${easels.length} easels`];
  drawLines(page, font, [facts.join('  ·  ')], PAGE.margin, y, 13, MUTED);
  page.drawText('Made with Sketchroom', { x: PAGE.margin, y: PAGE.margin, size: 10, font, color: MUTED });
}

/** The notes column: badge, words, speaker; shrinks the type until everything fits. */
/** The notes column: badge, words, speaker (see pageLayout.ts for how the type size is chosen). */
function notesColumn(page: PDFPage, font: PDFFont, notes: readonly NumberedNote[], x: number, top: number, width: number, bottom: number): void {
  if (notes.length === 0) {
    page.drawText('No notes on this drawing.', { x, y: top - 12, size: 12, font, color: MUTED });
    return;
  }
  const l = layoutNotesColumn(notes, width, top - bottom, (t, px) => font.widthOfTextAtSize(t, px));
  const size = l.size;
  let y = top;
  l.blocks.slice(0, l.fits).forEach((b) => {
    const r = size * 0.8;
    page.drawCircle({ x: x + r, y: y - r, size: r, color: hex(MARKER_COLOUR) });
    const label = String(b.number);
    const ls = size * (label.length > 2 ? 0.6 : 0.75);
    page.drawText(label, { x: x + r - font.widthOfTextAtSize(label, ls) / 2, y: y - r - ls * 0.35, size: ls, font, color: rgb(1, 1, 1) });
    y = drawLines(page, font, b.words, x + l.indent, y, size);
    y = drawLines(page, font, b.speaker, x + l.indent, y, size * 0.85, MUTED);
    y -= size * 0.8;
  });
  if (l.fits < l.blocks.length) page.drawText('More notes are in the board file.', { x, y: bottom - 4, size: 8, font, color: MUTED });
}

export async function exportHandoutPdf(deps: PdfDeps, opts: Pick<RenderOptions, 'scale'>, job: ExportJob = {}): Promise<ExportResult> {
  const pdf = await PDFDocument.create();
  pdf.registerFontkit(fontkit);
  const font = await pdf.embedFont(await (deps.loadFont ?? fetchFont)(), { subset: true });
  const { meta } = deps.source;
  pdf.setTitle(meta.title || 'Untitled board');
  pdf.setCreator('Sketchroom');
  cover(pdf, font, deps);
  const render: RenderOptions = { scale: opts.scale, background: 'white', padding: 0, notes: true, legend: false };
  await forEachEasel(deps, render, job, 'image/jpeg', async (i, blob, out) => {
    const easel = deps.source.easels[i]!;
    const page = pdf.addPage([PAGE.width, PAGE.height]);
    const m = PAGE.margin;
    page.drawText(printable(easel.name) || 'anonymous', { x: m, y: PAGE.height - m - 22, size: 22, font, color: INK });
    page.drawText(`${i + 1} / ${deps.source.easels.length}`, { x: PAGE.width - m - 40, y: PAGE.height - m - 18, size: 10, font, color: MUTED });
    const top = PAGE.height - m - 40;
    const colW = NOTES_WIDTH;
    const boxW = IMAGE_BOX.width;
    const boxH = IMAGE_BOX.height;
    const image = await pdf.embedJpg(new Uint8Array(await blob.arrayBuffer()));
    const f = Math.min(boxW / out.layout.width, boxH / out.layout.height);
    const w = out.layout.width * f, h = out.layout.height * f;
    page.drawImage(image, { x: m, y: top - h, width: w, height: h });
    page.drawRectangle({ x: m, y: top - h, width: w, height: h, borderColor: rgb(0.85, 0.86, 0.88), borderWidth: 0.75 });
    notesColumn(page, font, out.notes, m + boxW + 24, top, colW, m);
  }, { from: 0, to: 0.9 }, (region) => scaleToFit(region, IMAGE_BOX.width, IMAGE_BOX.height, opts.scale));
  job.onProgress?.(0.95, 'Saving the handout');
  // pdf-lib writes a few objects per tick when asked: no long task at the end of a big handout.
  const bytes = await pdf.save({ objectsPerTick: 20 });
  job.onProgress?.(1, 'Done');
  return { blob: new Blob([bytes as Uint8Array<ArrayBuffer>], { type: 'application/pdf' }), fileName: `${boardFileStem(meta.title)} handout.pdf`, width: pdf.getPageCount() };
}
