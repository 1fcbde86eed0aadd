/**
 * What an uploaded file really is, from its bytes alone (never a name, extension or Content-Type),
 * and whether it is whole. Only PNG, JPEG and WebP are pictures here: SVG (scripts), HTML, GIF and
 * anything else are refused, so nothing we serve can run in a browser.
 *
 * "Whole" is a structural check, not a decode: the container's own framing must add up (PNG chunks
 * with their CRCs to IEND, JPEG segments to the scan and an end-of-image marker, the RIFF length of
 * a WebP). A truncated upload or a file with a picture's first bytes and something else after them
 * fails it. Pixel-level corruption inside compressed data is the decoder's problem and harmless:
 * the browser shows a broken picture.
 */
import zlib from 'node:zlib';
import type { ImageType } from '../../src/model/schema';

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

function startsWith(bytes: Uint8Array, prefix: readonly number[], at = 0): boolean {
  if (bytes.length < at + prefix.length) return false;
  for (let i = 0; i < prefix.length; i++) if (bytes[at + i] !== prefix[i]) return false;
  return true;
}

const ascii = (s: string): number[] => [...s].map((c) => c.charCodeAt(0));

/** The picture type announced by the magic bytes, or null for anything we do not accept. */
export function sniffImageType(bytes: Uint8Array): ImageType | null {
  if (startsWith(bytes, PNG_SIGNATURE)) return 'image/png';
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return 'image/jpeg';
  if (startsWith(bytes, ascii('RIFF')) && startsWith(bytes, ascii('WEBP'), 8)) return 'image/webp';
  return null;
}

const u32 = (b: Uint8Array, at: number): number => ((b[at]! << 24) | (b[at + 1]! << 16) | (b[at + 2]! << 8) | b[at + 3]!) >>> 0;
const u32le = (b: Uint8Array, at: number): number => (b[at]! | (b[at + 1]! << 8) | (b[at + 2]! << 16) | (b[at + 3]! << 24)) >>> 0;

/** PNG: IHDR first, every chunk's length and CRC right, IEND last, nothing after it. */
function pngIsWhole(b: Uint8Array): boolean {
  let at = 8;
  let first = true;
  let sawData = false;
  while (at + 12 <= b.length) {
    const length = u32(b, at);
    const end = at + 12 + length;
    if (end > b.length) return false;
    const type = String.fromCharCode(b[at + 4]!, b[at + 5]!, b[at + 6]!, b[at + 7]!);
    if (first && (type !== 'IHDR' || length !== 13)) return false;
    first = false;
    if (zlib.crc32(b.subarray(at + 4, at + 8 + length)) !== u32(b, at + 8 + length)) return false;
    if (type === 'IDAT') sawData = true;
    if (type === 'IEND') return sawData && end === b.length;
    at = end;
  }
  return false;
}

/**
 * JPEG: SOI, then marker segments with lengths that fit, a frame header (SOF) before the first
 * scan (SOS), and an end-of-image marker (FFD9) at the end (trailing zero padding, which some
 * cameras write, is allowed).
 */
function jpegIsWhole(b: Uint8Array): boolean {
  let end = b.length;
  while (end > 2 && b[end - 1] === 0) end--;
  if (end < 4 || b[end - 2] !== 0xff || b[end - 1] !== 0xd9) return false;
  let at = 2;
  let sawFrame = false;
  while (at + 4 <= end) {
    if (b[at] !== 0xff) return false;
    const marker = b[at + 1]!;
    if (marker === 0xff) {
      at++; // fill byte
      continue;
    }
    if (marker === 0xd8 || marker === 0xd9 || (marker >= 0xd0 && marker <= 0xd7) || marker === 0x01) return false;
    const length = (b[at + 2]! << 8) | b[at + 3]!;
    if (length < 2 || at + 2 + length > end) return false;
    // SOF0-SOF15 except DHT (C4), JPG (C8) and DAC (CC).
    if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) sawFrame = true;
    if (marker === 0xda) return sawFrame && at + 2 + length < end - 2;
    at += 2 + length;
  }
  return false;
}

/** WebP: the RIFF length covers exactly the file, and the first chunk is an image chunk. */
function webpIsWhole(b: Uint8Array): boolean {
  if (b.length < 20) return false;
  const riff = u32le(b, 4);
  const total = riff + 8 + (riff % 2);
  if (total !== b.length && riff + 8 !== b.length) return false;
  const chunk = String.fromCharCode(b[12]!, b[13]!, b[14]!, b[15]!);
  if (chunk !== 'VP8 ' && chunk !== 'VP8L' && chunk !== 'VP8X') return false;
  return 20 + u32le(b, 16) <= b.length;
}

/** Whether the file's framing is complete and consistent for its sniffed type. */
export function isWholeImage(bytes: Uint8Array, type: ImageType): boolean {
  switch (type) {
    case 'image/png':
      return pngIsWhole(bytes);
    case 'image/jpeg':
      return jpegIsWhole(bytes);
    case 'image/webp':
      return webpIsWhole(bytes);
  }
}
