/**
 * Turns "the text is now B" into the smallest single replace on the shared Y.Text (common prefix
 * and suffix kept), so two people typing in one note merge character by character instead of one
 * overwriting the other.
 */
export interface TextEdit {
  index: number;
  remove: number;
  insert: string;
}

export function diffText(before: string, after: string): TextEdit | null {
  if (before === after) return null;
  let start = 0;
  const max = Math.min(before.length, after.length);
  while (start < max && before.charCodeAt(start) === after.charCodeAt(start)) start++;
  let endB = before.length, endA = after.length;
  while (endB > start && endA > start && before.charCodeAt(endB - 1) === after.charCodeAt(endA - 1)) {
    endB--;
    endA--;
  }
  // Never split a surrogate pair: widen the edit to whole code points.
  if (start > 0 && isHighSurrogate(before.charCodeAt(start - 1))) start--;
  if (endB < before.length && isLowSurrogate(before.charCodeAt(endB))) {
    endB++;
    endA++;
  }
  return { index: start, remove: endB - start, insert: after.slice(start, endA) };
}

const isHighSurrogate = (c: number): boolean => c >= 0xd800 && c <= 0xdbff;
const isLowSurrogate = (c: number): boolean => c >= 0xdc00 && c <= 0xdfff;
