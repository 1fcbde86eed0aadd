/**
 * The checks an uploaded picture passes before it is stored, in order: a picture type we accept
 * (415), complete framing (400), header dimensions that can be read (400) and a decoded size within
 * limits (422: a small file can declare a huge canvas, a "decompression bomb" for every browser
 * that opens the board). Pure: bytes in, verdict out.
 */
import { imageSize } from 'image-size';
import type { ImageType } from '../../src/model/schema';
import { isWholeImage, sniffImageType } from './sniff';

export interface PixelLimits {
  /** width x height at most this (decoded RGBA is 4 bytes a pixel). */
  maxPixels: number;
  /** Neither side longer than this. */
  maxSide: number;
}

export type ImageVerdict =
  | { ok: true; mime: ImageType; width: number; height: number }
  | { ok: false; status: 400 | 415 | 422; message: string };

const IMAGE_FORMAT: Record<ImageType, string> = { 'image/png': 'png', 'image/jpeg': 'jpg', 'image/webp': 'webp' };

export function inspectImage(bytes: Uint8Array, limits: PixelLimits): ImageVerdict {
  const mime = sniffImageType(bytes);
  if (!mime) return { ok: false, status: 415, message: 'This file is not a picture Sketchroom can show. Use a photo (JPEG), PNG or WebP.' };
  if (!isWholeImage(bytes, mime)) return { ok: false, status: 400, message: 'This picture is damaged or incomplete. Try again or use another file.' };
  let size: ReturnType<typeof imageSize>;
  try {
    size = imageSize(bytes);
  } catch {
    return { ok: false, status: 400, message: 'This picture is damaged or incomplete. Try again or use another file.' };
  }
  // The sizer recognises more formats than we accept: its answer must agree with the sniff.
  if (size.type !== IMAGE_FORMAT[mime] || !size.width || !size.height) {
    return { ok: false, status: 400, message: 'This picture is damaged or incomplete. Try again or use another file.' };
  }
  const { width, height } = size;
  if (width > limits.maxSide || height > limits.maxSide || width * height > limits.maxPixels) {
    return { ok: false, status: 422, message: `This picture has too many pixels (${width} x ${height}). Use one under ${limits.maxSide} pixels a side.` };
  }
  // EXIF orientations 5-8 turn the picture a quarter: browsers show it with the sides swapped.
  const turned = (size.orientation ?? 1) >= 5;
  return { ok: true, mime, width: turned ? height : width, height: turned ? width : height };
}
