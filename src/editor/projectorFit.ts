/**
 * Projector camera: fit every item into the board area under the header, calmly. Pure functions;
 * `useProjectorFit` (app) drives them. A refit happens only when something would be cut off or the
 * drawing could be shown clearly larger, so a new stroke inside the view never moves the camera.
 */
import type { Box } from '../geometry/box';
import type { Camera } from '../geometry/camera';
import { ZOOM_MIN } from '../geometry/camera';

export interface Size {
  width: number;
  height: number;
}

/** Screen px the header (and edges) cover; the fit uses what is left. */
export interface Insets {
  top: number;
  right: number;
  bottom: number;
  left: number;
}

/** Never enlarge a small sketch beyond this (a few strokes should not fill a wall at 800 %). */
export const PROJECTOR_MAX_ZOOM = 2;
/** Margin (screen px) around the drawing inside the free area. */
export const PROJECTOR_MARGIN = 48;

/** The camera that shows `box` centred in the free area, with `margin` around it. */
export function fitCamera(box: Box, view: Size, insets: Insets, margin = PROJECTOR_MARGIN, maxZoom = PROJECTOR_MAX_ZOOM): Camera {
  const areaW = Math.max(1, view.width - insets.left - insets.right - margin * 2);
  const areaH = Math.max(1, view.height - insets.top - insets.bottom - margin * 2);
  const w = Math.max(1, box.maxX - box.minX), h = Math.max(1, box.maxY - box.minY);
  const zoom = Math.min(maxZoom, Math.max(ZOOM_MIN, Math.min(areaW / w, areaH / h)));
  // The middle of the free area, in screen px, shows the middle of the box.
  const sx = insets.left + (view.width - insets.left - insets.right) / 2;
  const sy = insets.top + (view.height - insets.top - insets.bottom) / 2;
  const cx = (box.minX + box.maxX) / 2, cy = (box.minY + box.maxY) / 2;
  return { x: cx - sx / zoom, y: cy - sy / zoom, zoom };
}

/** Whether `box` lies fully inside the free area (with `slack` px of the margin allowed to be used). */
export function boxVisible(camera: Camera, box: Box, view: Size, insets: Insets, slack = 8): boolean {
  const left = (box.minX - camera.x) * camera.zoom, right = (box.maxX - camera.x) * camera.zoom;
  const top = (box.minY - camera.y) * camera.zoom, bottom = (box.maxY - camera.y) * camera.zoom;
  return left >= insets.left + slack && top >= insets.top + slack && right <= view.width - insets.right - slack && bottom <= view.height - insets.bottom - slack;
}

/**
 * Move to `target` (the fit) from `current`? Yes when part of the drawing is cut off, or when the
 * fit is more than 25 % larger (the drawing shrank: show it big again). Small changes are ignored,
 * so the camera does not twitch with every stroke.
 */
export function needsRefit(current: Camera, target: Camera, box: Box, view: Size, insets: Insets): boolean {
  if (!boxVisible(current, box, view, insets)) return true;
  return target.zoom > current.zoom * 1.25;
}

export const easeInOut = (t: number): number => (t <= 0 ? 0 : t >= 1 ? 1 : t < 0.5 ? 4 * t * t * t : 1 - (-2 * t + 2) ** 3 / 2);

/**
 * The camera a fraction `t` (0..1) of the way from `from` to `to`: the zoom changes geometrically
 * and the board point in the middle of the view moves in a straight line, so the motion reads as
 * one calm glide, not a swoop.
 */
export function interpolateCamera(from: Camera, to: Camera, t: number, view: Size): Camera {
  if (t <= 0) return from;
  if (t >= 1) return to;
  const zoom = from.zoom * (to.zoom / from.zoom) ** t;
  const hw = view.width / 2, hh = view.height / 2;
  const fcx = from.x + hw / from.zoom, fcy = from.y + hh / from.zoom;
  const tcx = to.x + hw / to.zoom, tcy = to.y + hh / to.zoom;
  const cx = fcx + (tcx - fcx) * t, cy = fcy + (tcy - fcy) * t;
  return { x: cx - hw / zoom, y: cy - hh / zoom, zoom };
}
