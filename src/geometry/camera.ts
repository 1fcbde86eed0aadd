/**
 * The camera maps board coordinates to screen (CSS) pixels:
 *   screen = (board - camera) * zoom
 * so (camera.x, camera.y) is the board point at the top-left of the viewport.
 */
import type { Box } from './box';

export interface Camera {
  x: number;
  y: number;
  zoom: number;
}

export interface Vec {
  x: number;
  y: number;
}

export const ZOOM_MIN = 0.1;
export const ZOOM_MAX = 8;

export function screenToBoard(camera: Camera, p: Vec): Vec {
  return { x: p.x / camera.zoom + camera.x, y: p.y / camera.zoom + camera.y };
}

export function boardToScreen(camera: Camera, p: Vec): Vec {
  return { x: (p.x - camera.x) * camera.zoom, y: (p.y - camera.y) * camera.zoom };
}

/** Zooms by `factor` keeping the board point under `screenPoint` fixed (cursor-anchored zoom). */
export function zoomAt(camera: Camera, screenPoint: Vec, factor: number): Camera {
  const zoom = Math.min(ZOOM_MAX, Math.max(ZOOM_MIN, camera.zoom * factor));
  const anchor = screenToBoard(camera, screenPoint);
  return { x: anchor.x - screenPoint.x / zoom, y: anchor.y - screenPoint.y / zoom, zoom };
}

/** Pans by a screen-pixel delta (positive dx moves the view right, i.e. the board left). */
export function panBy(camera: Camera, dx: number, dy: number): Camera {
  return { x: camera.x + dx / camera.zoom, y: camera.y + dy / camera.zoom, zoom: camera.zoom };
}

/** The board area visible in a viewport of `width` x `height` screen pixels. */
export function viewportBox(camera: Camera, width: number, height: number): Box {
  return { minX: camera.x, minY: camera.y, maxX: camera.x + width / camera.zoom, maxY: camera.y + height / camera.zoom };
}
