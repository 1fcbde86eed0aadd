/**
 * Text layout shared by hit tests, the text editor overlay and (if it likes) the renderer: line
 * wrapping, the box a text takes, and the font size that fits a sticky note's words in the note.
 * Measuring is injected (canvas measureText in the browser, an estimate in headless tests).
 */
export type Measure = (text: string, fontPx: number) => number;

/** Average glyph width of a system sans font, for headless use. */
export const estimateMeasure: Measure = (text, fontPx) => text.length * fontPx * 0.56;

export const LINE_HEIGHT = 1.25;
export const TEXT_FONT_FAMILY = "system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif";

/** Splits text into lines: hard breaks always, words wrapped at `wrapWidth` when it is > 0. */
export function wrapLines(text: string, fontPx: number, wrapWidth: number, measure: Measure): string[] {
  const out: string[] = [];
  for (const para of text.split('\n')) {
    if (wrapWidth <= 0 || measure(para, fontPx) <= wrapWidth) {
      out.push(para);
      continue;
    }
    let line = '';
    for (const word of para.split(/(\s+)/)) {
      if (word === '') continue;
      const candidate = line + word;
      if (line === '' || measure(candidate.trimEnd(), fontPx) <= wrapWidth) {
        line = candidate;
        // A single word longer than the line: break it by characters.
        while (measure(line, fontPx) > wrapWidth && line.length > 1) {
          let cut = line.length - 1;
          while (cut > 1 && measure(line.slice(0, cut), fontPx) > wrapWidth) cut--;
          out.push(line.slice(0, cut));
          line = line.slice(cut);
        }
      } else {
        out.push(line.trimEnd());
        line = /^\s+$/.test(word) ? '' : word;
      }
    }
    out.push(line.trimEnd());
  }
  return out;
}

/** Size of a text item's box (board px). An empty text still has room for the caret. */
export function textBoxSize(text: string, fontPx: number, wrapWidth: number, measure: Measure): { w: number; h: number } {
  const lines = wrapLines(text, fontPx, wrapWidth, measure);
  let w = 0;
  for (const line of lines) w = Math.max(w, measure(line, fontPx));
  if (wrapWidth > 0) w = wrapWidth;
  return { w: Math.max(w, fontPx * 0.6), h: Math.max(1, lines.length) * fontPx * LINE_HEIGHT };
}

export const STICKY_TEXT = {
  /** Inner margin of a note, board px. */
  padding: 14,
  maxFontPx: 32,
  minFontPx: 9,
} as const;

/** The largest font (board px) at which the words fit inside a w x h note, and its lines. */
export function fitStickyText(text: string, w: number, h: number, measure: Measure): { fontPx: number; lines: string[] } {
  const innerW = Math.max(1, w - STICKY_TEXT.padding * 2);
  const innerH = Math.max(1, h - STICKY_TEXT.padding * 2);
  let lo: number = STICKY_TEXT.minFontPx, hi: number = STICKY_TEXT.maxFontPx;
  const fits = (px: number): string[] | null => {
    const lines = wrapLines(text, px, innerW, measure);
    if (lines.length * px * LINE_HEIGHT > innerH) return null;
    for (const line of lines) if (measure(line, px) > innerW + 0.5) return null;
    return lines;
  };
  const top = fits(hi);
  if (top) return { fontPx: hi, lines: top };
  // Binary search on whole pixels: at most 5 layouts.
  while (hi - lo > 1) {
    const mid = Math.floor((lo + hi) / 2);
    if (fits(mid)) lo = mid;
    else hi = mid;
  }
  return { fontPx: lo, lines: wrapLines(text, lo, innerW, measure) };
}
