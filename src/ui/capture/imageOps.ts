/**
 * Picture editing as pure functions (no DOM), so they run in Vitest and in a worker: crop
 * rectangles that follow quarter turns, the size a picture is scaled to, transparency, and "Clean
 * up", which makes photographed paper white and the ink dark.
 *
 * Clean up: the paper's own brightness is estimated per region (the brightest values of coarse
 * blocks, smoothed), so shadows and a yellow lamp are measured, not guessed; every pixel is divided
 * by its background (paper -> white, per channel, which also removes a colour cast), then a levels
 * curve darkens the ink. Coloured markers keep their hue.
 */

/** RGBA pixels, row by row (ImageData's shape, without needing ImageData). */
export interface Pixels {
  data: Uint8ClampedArray;
  width: number;
  height: number;
}

/** A crop as fractions (0..1) of the picture as shown (after its quarter turns). */
export interface Crop {
  x: number;
  y: number;
  w: number;
  h: number;
}

export const FULL_CROP: Crop = { x: 0, y: 0, w: 1, h: 1 };
/** The smallest crop, as a fraction of a side: a handle can never collapse the picture. */
export const MIN_CROP = 0.05;

/** The crop after turning the picture a quarter clockwise (the rectangle turns with it). */
export function turnCropClockwise(c: Crop): Crop {
  return { x: 1 - c.y - c.h, y: c.x, w: c.h, h: c.w };
}

export function turnCropCounterClockwise(c: Crop): Crop {
  return { x: c.y, y: 1 - c.x - c.w, w: c.h, h: c.w };
}

/** Quarter turns, normalised to 0..3. */
export const normTurns = (t: number): number => ((t % 4) + 4) % 4;

/** Size of a width x height picture after `turns` quarter turns. */
export function turnedSize(width: number, height: number, turns: number): { width: number; height: number } {
  return normTurns(turns) % 2 === 1 ? { width: height, height: width } : { width, height };
}

/** The size that fits within `maxSide` on the long side, keeping proportions (never enlarges). */
export function fitWithin(width: number, height: number, maxSide: number): { width: number; height: number } {
  const long = Math.max(width, height);
  if (long <= maxSide) return { width: Math.max(1, Math.round(width)), height: Math.max(1, Math.round(height)) };
  const k = maxSide / long;
  return { width: Math.max(1, Math.round(width * k)), height: Math.max(1, Math.round(height * k)) };
}

const clamp01 = (v: number): number => Math.min(1, Math.max(0, v));

/** Keeps a crop inside the picture and at least MIN_CROP on each side. */
export function clampCrop(c: Crop): Crop {
  const w = Math.min(1, Math.max(MIN_CROP, c.w));
  const h = Math.min(1, Math.max(MIN_CROP, c.h));
  return { x: Math.min(1 - w, clamp01(c.x)), y: Math.min(1 - h, clamp01(c.y)), w, h };
}

export type CropHandle = 'n' | 's' | 'e' | 'w' | 'ne' | 'nw' | 'se' | 'sw' | 'move';

/** The crop after dragging one of its handles (or the whole box) by dx, dy (fractions). */
export function dragCrop(start: Crop, handle: CropHandle, dx: number, dy: number): Crop {
  if (handle === 'move') {
    return { ...start, x: Math.min(1 - start.w, clamp01(start.x + dx)), y: Math.min(1 - start.h, clamp01(start.y + dy)) };
  }
  let left = start.x, top = start.y, right = start.x + start.w, bottom = start.y + start.h;
  if (handle.includes('w')) left = Math.min(right - MIN_CROP, clamp01(left + dx));
  if (handle.includes('e')) right = Math.max(left + MIN_CROP, clamp01(right + dx));
  if (handle.startsWith('n')) top = Math.min(bottom - MIN_CROP, clamp01(top + dy));
  if (handle.startsWith('s')) bottom = Math.max(top + MIN_CROP, clamp01(bottom + dy));
  return { x: left, y: top, w: right - left, h: bottom - top };
}

/** Whether any pixel is not fully opaque (then the picture stays a PNG). */
export function hasTransparency(p: Pixels): boolean {
  const d = p.data;
  for (let i = 3; i < d.length; i += 4) if (d[i]! < 255) return true;
  return false;
}

/** Levels of the clean-up curve, as fractions of the paper's brightness. */
const PAPER = 0.86;
const INK = 0.35;

/**
 * Paper white, ink dark, in place. Costs about six plain passes over the pixels: measured 0.8-1 s
 * for a 2560 x 1920 photo on the shared 2-core test machine under load 20 (where one bare read
 * pass took 150 ms), so it always runs in a worker for the upload (canvasOps.ts).
 */
export function cleanUp(p: Pixels): Pixels {
  const { data, width, height } = p;
  // Background per block: the brightest (of 2x2-averaged values, so single noisy pixels do not
  // count) in blocks of about 1/24 of the long side.
  const block = Math.max(4, Math.round(Math.max(width, height) / 24));
  const bw = Math.ceil(width / block), bh = Math.ceil(height / block);
  const bg = new Float32Array(bw * bh * 3);
  for (let y = 0; y + 1 < height; y += 2) {
    const by = Math.floor(y / block);
    for (let x = 0; x + 1 < width; x += 2) {
      const bi = (by * bw + Math.floor(x / block)) * 3;
      const i = (y * width + x) * 4, j = i + width * 4;
      for (let c = 0; c < 3; c++) {
        const v = (data[i + c]! + data[i + 4 + c]! + data[j + c]! + data[j + 4 + c]!) / 4;
        if (v > bg[bi + c]!) bg[bi + c] = v;
      }
    }
  }
  // A block that is all ink (a filled area) has a dark "background": take the neighbours' instead
  // where they are much brighter, and never believe paper darker than PAPER_FLOOR of the paper's
  // typical brightness (a big filled shape stays dark); then smooth twice so there are no seams.
  spreadBright(bg, bw, bh);
  floorAtPaper(bg);
  const smooth = boxBlur(boxBlur(bg, bw, bh), bw, bh);
  // The background at full width for each block row (interpolated in x once), so each pixel costs
  // one blend of two rows and a division. Uint8ClampedArray clamps and rounds the result.
  const xs = new Int32Array(width * 2);
  const tx = new Float32Array(width);
  for (let x = 0; x < width; x++) {
    const fx = Math.min(bw - 1, Math.max(0, (x + 0.5) / block - 0.5));
    xs[x * 2] = Math.floor(fx);
    xs[x * 2 + 1] = Math.min(bw - 1, Math.floor(fx) + 1);
    tx[x] = fx - Math.floor(fx);
  }
  const rows: Float32Array[] = [];
  for (let by = 0; by < bh; by++) {
    const row = new Float32Array(width * 3);
    for (let x = 0; x < width; x++) {
      const a = (by * bw + xs[x * 2]!) * 3, b = (by * bw + xs[x * 2 + 1]!) * 3, t = tx[x]!;
      for (let c = 0; c < 3; c++) row[x * 3 + c] = smooth[a + c]! * (1 - t) + smooth[b + c]! * t;
    }
    rows.push(row);
  }
  const gain = 255 / (PAPER - INK);
  const offset = INK * gain;
  for (let y = 0; y < height; y++) {
    const fy = Math.min(bh - 1, Math.max(0, (y + 0.5) / block - 0.5));
    const y0 = Math.floor(fy);
    const ty = fy - y0;
    const top = rows[y0]!, bottom = rows[Math.min(bh - 1, y0 + 1)]!;
    let i = y * width * 4;
    for (let j = 0; j < width * 3; j += 3, i += 4) {
      for (let c = 0; c < 3; c++) {
        const back = top[j + c]! + (bottom[j + c]! - top[j + c]!) * ty;
        data[i + c] = (data[i + c]! * gain) / (back > 24 ? back : 24) - offset;
      }
    }
  }
  return p;
}

/** Shadows deeper than this fraction of the paper's typical brightness are taken for ink. */
const PAPER_FLOOR = 0.6;

function floorAtPaper(bg: Float32Array): void {
  for (let c = 0; c < 3; c++) {
    const values: number[] = [];
    for (let i = c; i < bg.length; i += 3) values.push(bg[i]!);
    values.sort((a, b) => a - b);
    const floor = PAPER_FLOOR * (values[Math.floor(values.length * 0.9)] ?? 255);
    for (let i = c; i < bg.length; i += 3) if (bg[i]! < floor) bg[i] = floor;
  }
}

function spreadBright(bg: Float32Array, bw: number, bh: number): void {
  const copy = bg.slice();
  for (let y = 0; y < bh; y++) {
    for (let x = 0; x < bw; x++) {
      for (let c = 0; c < 3; c++) {
        let best = copy[(y * bw + x) * 3 + c]!;
        for (let dy = -1; dy <= 1; dy++) {
          for (let dx = -1; dx <= 1; dx++) {
            const nx = x + dx, ny = y + dy;
            if (nx < 0 || ny < 0 || nx >= bw || ny >= bh) continue;
            best = Math.max(best, copy[(ny * bw + nx) * 3 + c]! * 0.97);
          }
        }
        bg[(y * bw + x) * 3 + c] = best;
      }
    }
  }
}

function boxBlur(src: Float32Array, bw: number, bh: number): Float32Array {
  const out = new Float32Array(src.length);
  for (let y = 0; y < bh; y++) {
    for (let x = 0; x < bw; x++) {
      for (let c = 0; c < 3; c++) {
        let sum = 0, n = 0;
        for (let dy = -1; dy <= 1; dy++) {
          for (let dx = -1; dx <= 1; dx++) {
            const nx = x + dx, ny = y + dy;
            if (nx < 0 || ny < 0 || nx >= bw || ny >= bh) continue;
            sum += src[(ny * bw + nx) * 3 + c]!;
            n++;
          }
        }
        out[(y * bw + x) * 3 + c] = sum / n;
      }
    }
  }
  return out;
}
