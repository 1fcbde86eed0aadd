/**
 * The encodings we compare ourselves with, written into Yjs the way their tools would.
 */
import * as Y from 'yjs';
import type { BenchStroke } from './strokes';

/**
 * An Excalidraw `freedraw` element: x/y at the first point, points relative to it with full
 * float precision, stored as one JSON value (string) in a Y.Map.
 */
export function excalidrawElement(s: BenchStroke, seed: number): Record<string, unknown> {
  const p = s.points;
  const x = p[0]!, y = p[1]!;
  const points: Array<[number, number]> = [];
  const pressures: number[] = [];
  let minX = Infinity, minY = Infinity, maxX = -Infinity, maxY = -Infinity;
  for (let i = 0; i + 2 < p.length; i += 3) {
    const dx = p[i]! - x, dy = p[i + 1]! - y;
    points.push([dx, dy]);
    if (s.pen) pressures.push(p[i + 2]!);
    minX = Math.min(minX, dx); minY = Math.min(minY, dy); maxX = Math.max(maxX, dx); maxY = Math.max(maxY, dy);
  }
  return {
    id: s.id,
    type: 'freedraw',
    x,
    y,
    width: maxX - minX,
    height: maxY - minY,
    angle: 0,
    strokeColor: s.color,
    backgroundColor: 'transparent',
    fillStyle: 'solid',
    strokeWidth: s.width,
    strokeStyle: 'solid',
    roughness: 1,
    opacity: 100,
    groupIds: [],
    frameId: null,
    index: 'a1',
    roundness: null,
    seed: 1000 + seed * 7919,
    version: 203,
    versionNonce: 987654321 + seed,
    isDeleted: false,
    boundElements: null,
    updated: 1717750000000 + seed,
    link: null,
    locked: false,
    points,
    pressures,
    simulatePressure: !s.pen,
    lastCommittedPoint: points[points.length - 1] ?? null,
  };
}

export function writeExcalidraw(doc: Y.Doc, s: BenchStroke, seed: number): void {
  doc.getMap('elements').set(s.id, JSON.stringify(excalidrawElement(s, seed)));
}

/**
 * Naive Yjs: the same item map as ours, but the points as a plain array of float numbers
 * (x, y relative to an integer origin; pressure too for pen strokes).
 */
export function writeFloatArrayItem(doc: Y.Doc, s: BenchStroke, author: string, index: string): void {
  const p = s.points;
  const ox = Math.round(p[0]!), oy = Math.round(p[1]!);
  const nums: number[] = [];
  for (let i = 0; i + 2 < p.length; i += 3) {
    nums.push(p[i]! - ox, p[i + 1]! - oy);
    if (s.pen) nums.push(p[i + 2]!);
  }
  doc.transact(() => {
    const map = new Y.Map<unknown>();
    map.set('kind', 'stroke');
    map.set('author', author);
    map.set('index', index);
    map.set('x', ox);
    map.set('y', oy);
    map.set('tool', s.tool);
    map.set('color', s.color);
    map.set('width', s.width);
    map.set('points', nums);
    doc.getMap('items').set(s.id, map);
  });
}
