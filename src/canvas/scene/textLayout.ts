/**
 * Text layout for drawing: the lines, their widths and the box of a text item or a sticky note.
 * Wrapping and sticky fitting come from geometry/textLayout.ts, the same functions the select tool
 * hit-tests with and the in-place text editor sizes itself by, so the drawn text, its selection box
 * and the editor's textarea always agree. Measuring is injected: pure, testable in node.
 */
import { fitStickyText, LINE_HEIGHT, STICKY_TEXT, TEXT_FONT_FAMILY, textBoxSize, wrapLines, type Measure } from '../../geometry/textLayout';
import { TEXT_FONT_PX, type TextSize } from '../../model/schema';

export type { Measure };

export const fontOf = (px: number): string => `400 ${px}px ${TEXT_FONT_FAMILY}`;

export interface TextLayout {
  lines: string[];
  /** Each line's measured width, for centring. */
  widths: number[];
  fontPx: number;
  lineHeight: number;
  /** The text's box in its own frame (a sticky: the text block inside the padding). */
  width: number;
  height: number;
  /** Sticky notes: the inner margin. */
  padding: number;
}

/** A text item: its size's font, wrapped at `w` (0 = only hard line breaks). */
export function layoutTextItem(text: string, size: TextSize, w: number, measure: Measure): TextLayout {
  const fontPx = TEXT_FONT_PX[size];
  const lines = wrapLines(text, fontPx, w, measure);
  const box = textBoxSize(text, fontPx, w, measure);
  return { lines, widths: lines.map((l) => measure(l, fontPx)), fontPx, lineHeight: fontPx * LINE_HEIGHT, width: box.w, height: box.h, padding: 0 };
}

/** A sticky note: the largest font at which the words fit the note (shrinks as people type). */
export function layoutSticky(text: string, w: number, h: number, measure: Measure): TextLayout {
  const { fontPx, lines } = fitStickyText(text, w, h, measure);
  const lineHeight = fontPx * LINE_HEIGHT;
  return {
    lines,
    widths: lines.map((l) => measure(l, fontPx)),
    fontPx,
    lineHeight,
    width: Math.max(0, w - 2 * STICKY_TEXT.padding),
    height: lines.length * lineHeight,
    padding: STICKY_TEXT.padding,
  };
}
