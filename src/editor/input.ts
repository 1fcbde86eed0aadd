/**
 * Normalised pointer input, in board coordinates. The canvas turns DOM pointer events into these;
 * tools consume them, so tools never see DOM or Konva and run headless in tests.
 */
export type PointerKind = 'mouse' | 'pen' | 'touch';

export interface BoardPointer {
  /** Board coordinates. */
  x: number;
  y: number;
  /** 0..1; 0.5 when the device reports none (mouse). */
  pressure: number;
  kind: PointerKind;
  pointerId: number;
  /** Milliseconds, monotonic. */
  time: number;
  /** Screen (view) coordinates in CSS px, for tools that move the camera. */
  sx?: number;
  sy?: number;
  /** Modifier keys held. */
  shift?: boolean;
  alt?: boolean;
  /** Ctrl or Cmd. */
  mod?: boolean;
  /** A button is down (moves without one are hover). */
  buttons?: number;
}

/** Mice report 0.5 while a button is down (or 0); only pens report real pressure. */
export function normalisePressure(kind: PointerKind, raw: number): number {
  if (kind !== 'pen' || !(raw > 0)) return 0.5;
  return Math.min(1, raw);
}
