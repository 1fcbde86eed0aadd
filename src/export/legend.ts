/**
 * The legend of an annotated export: one block per note (its number in a badge, the words wrapped
 * to the column, then who said it), in one column beside the drawing or in columns below it.
 * Pure layout in output pixels with injected text measuring, so it is tested in node.
 */
import { wrapLines, type Measure } from '../geometry/textLayout';

export interface LegendNote {
  number: number;
  text: string;
  /** Who said it, as a name ("anonymous" where the board hides names). */
  speaker: string;
}

export interface LegendLine {
  text: string;
  /** Baseline-middle position of the line, relative to the legend's top-left. */
  x: number;
  y: number;
  tone: 'text' | 'speaker';
}

export interface LegendBlock {
  number: number;
  /** Centre and radius of the number badge. */
  badge: { x: number; y: number; r: number };
  lines: LegendLine[];
}

export interface Legend {
  width: number;
  height: number;
  fontPx: number;
  blocks: LegendBlock[];
}

export const LEGEND_LINE_HEIGHT = 1.3;

/** The speaker line under a note's words. */
export const speakerLine = (speaker: string): string => `— ${speaker}`;

/** A note block's lines in a column `width` wide; returns them relative to the block's top-left. */
function blockLines(note: LegendNote, width: number, fontPx: number, measure: Measure): { lines: LegendLine[]; height: number; badgeR: number } {
  const badgeR = fontPx * 0.78;
  const indent = badgeR * 2 + fontPx * 0.6;
  const textW = Math.max(fontPx * 4, width - indent);
  const lh = fontPx * LEGEND_LINE_HEIGHT;
  const lines: LegendLine[] = [];
  const words = note.text.trim() === '' ? ['(no words)'] : wrapLines(note.text.trim(), fontPx, textW, measure);
  for (const text of words) lines.push({ text, x: indent, y: (lines.length + 0.5) * lh, tone: 'text' });
  if (note.speaker) {
    for (const text of wrapLines(speakerLine(note.speaker), fontPx * 0.85, textW, measure)) {
      lines.push({ text, x: indent, y: (lines.length + 0.5) * lh, tone: 'speaker' });
    }
  }
  return { lines, height: Math.max(lines.length * lh, badgeR * 2), badgeR };
}

/**
 * Lays the notes out in `columns` columns across `width` (output px). Notes fill a column, then
 * the next, in number order (read down, then across), each column about as tall as the others.
 */
export function layoutLegend(notes: readonly LegendNote[], width: number, fontPx: number, measure: Measure, columns = 1): Legend {
  const pad = fontPx;
  const gap = fontPx * 1.5;
  const cols = Math.max(1, Math.min(columns, notes.length || 1));
  const colW = (width - 2 * pad - gap * (cols - 1)) / cols;
  const laid = notes.map((n) => ({ note: n, ...blockLines(n, colW, fontPx, measure) }));
  const spacing = fontPx * 0.8;
  const total = laid.reduce((s, b) => s + b.height + spacing, 0);
  const target = total / cols;
  const blocks: LegendBlock[] = [];
  let col = 0;
  let y = 0;
  let height = 0;
  for (const b of laid) {
    // Start the next column once this one reached its share (never leave a column empty).
    if (y > 0 && y + b.height / 2 > target && col < cols - 1) {
      col++;
      y = 0;
    }
    const x0 = pad + col * (colW + gap);
    const y0 = pad + y;
    blocks.push({
      number: b.note.number,
      badge: { x: x0 + b.badgeR, y: y0 + b.badgeR, r: b.badgeR },
      lines: b.lines.map((l) => ({ ...l, x: x0 + l.x, y: y0 + l.y })),
    });
    y += b.height + spacing;
    height = Math.max(height, y - spacing);
  }
  return { width, height: notes.length ? height + 2 * pad : 0, fontPx, blocks };
}
