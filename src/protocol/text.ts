/**
 * Plain-text fields (names, titles, prompts) as the server stores them and the UI shows them:
 * trimmed, control and bidi-override characters removed, lone surrogates dropped. The UI renders
 * them as text only; this just keeps invisible or layout-breaking characters out of the room.
 */

// C0 and C1 controls (tab and newline are handled separately), bidi embeddings/overrides/isolates,
// LRM/RLM/ALM, BOM, and the interlinear annotation marks.
// eslint-disable-next-line no-control-regex
const CONTROLS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069\uFEFF\uFFF9-\uFFFB]/g;
const LONE_SURROGATES = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

export interface PlainTextOptions {
  /** Keep line breaks (prompts). Otherwise every run of whitespace with a break becomes one space. */
  multiline?: boolean;
}

export function plainText(value: string, options: PlainTextOptions = {}): string {
  let text = value.replace(LONE_SURROGATES, '').replace(/\r\n?|[\u2028\u2029\u0085]/g, '\n').replace(CONTROLS, '');
  if (options.multiline) {
    text = text.replace(/\t/g, ' ').replace(/\n{3,}/g, '\n\n');
  } else {
    text = text.replace(/[\t\n]+/g, ' ').replace(/ {2,}/g, ' ');
  }
  return text.trim();
}

/** Length as people count it (code points), so one emoji is not two characters. */
export function textLength(value: string): number {
  let n = 0;
  for (const _ of value) n++;
  return n;
}

/** The first `max` code points. */
export function truncateText(value: string, max: number): string {
  if (value.length <= max) return value;
  let out = '';
  let n = 0;
  for (const ch of value) {
    if (n++ >= max) break;
    out += ch;
  }
  return out;
}
