import type Konva from 'konva';
import type { Camera } from '../geometry/camera';

/** Puts a layer in board space: screen = (board - camera) * zoom. */
export function applyCamera(layer: Konva.Layer, camera: Camera): void {
  layer.position({ x: -camera.x * camera.zoom, y: -camera.y * camera.zoom });
  layer.scale({ x: camera.zoom, y: camera.zoom });
}
