/**
 * Stroke outlines with perfect-freehand, as Path2D ready to fill. The same options drive the live
 * preview and the committed ink, so a stroke does not change shape when it is committed.
 */
import { getStroke, type StrokeOptions } from 'perfect-freehand';

/** True when every pressure is the 0.5 a mouse reports: then pressure is simulated from speed. */
function hasConstantPressure(points: ArrayLike<number>): boolean {
  for (let i = 2; i < points.length; i += 3) if (points[i] !== 0.5) return false;
  return true;
}

function options(width: number, mouse: boolean, last: boolean, marker: boolean): StrokeOptions {
  return {
    size: width,
    // Gentle thinning: ink should look like ink, yet a thin line must stay readable on a projector.
    // A highlighter is a felt marker: even width whatever the pressure.
    thinning: marker ? 0 : mouse ? 0.2 : 0.5,
    smoothing: 0.5,
    streamline: 0.45,
    simulatePressure: mouse,
    start: { cap: true, taper: 0 },
    end: { cap: true, taper: 0 },
    last,
  };
}

/**
 * Longest gap fed to perfect-freehand. Its streamline eases each point toward the next input, so
 * sparse input (a fast mouse, a straight line drawn in one flick) would cut corners by tens of
 * pixels; filling long gaps with straight-line points keeps the ink on the path that was drawn.
 */
const MAX_GAP = 4;

/** Flat stride-3 points (x, y, pressure) offset by (ox, oy) -> the filled outline. */
export function strokePath(points: ArrayLike<number>, width: number, ox = 0, oy = 0, last = true, marker = false): Path2D {
  const input: number[][] = [];
  for (let i = 0; i + 2 < points.length; i += 3) {
    const x = points[i]! + ox, y = points[i + 1]! + oy, p = points[i + 2]!;
    const prev = input[input.length - 1];
    if (prev) {
      const steps = Math.min(64, Math.floor(Math.hypot(x - prev[0]!, y - prev[1]!) / MAX_GAP));
      for (let k = 1; k < steps; k++) {
        const t = k / steps;
        input.push([prev[0]! + (x - prev[0]!) * t, prev[1]! + (y - prev[1]!) * t, prev[2]! + (p - prev[2]!) * t]);
      }
    }
    input.push([x, y, p]);
  }
  const outline = getStroke(input, options(width, hasConstantPressure(points), last, marker));
  return outlineToPath(outline);
}

/** Smooth closed path through the outline: quadratic curves through edge midpoints. */
function outlineToPath(outline: number[][]): Path2D {
  const path = new Path2D();
  const n = outline.length;
  if (n < 2) return path;
  const first = outline[0]!;
  const second = outline[1]!;
  path.moveTo((first[0]! + second[0]!) / 2, (first[1]! + second[1]!) / 2);
  for (let i = 1; i <= n; i++) {
    const a = outline[i % n]!;
    const b = outline[(i + 1) % n]!;
    path.quadraticCurveTo(a[0]!, a[1]!, (a[0]! + b[0]!) / 2, (a[1]! + b[1]!) / 2);
  }
  path.closePath();
  return path;
}
