/**
 * What the editor adds on top of the items, in screen space so it keeps its size at any zoom:
 * the selection (each item's outline, the selection box with its resize handles and rotate knob,
 * positions from geometry/handles.ts) and the marquee. One Konva.Shape, redrawn only when the
 * selection, the marquee, the camera or a selected item changes.
 */
import type Konva from 'konva';
import { useCallback, useEffect, useRef, type RefObject } from 'react';
import { Layer, Shape } from 'react-konva';
import type { Editor } from '../editor/editor';
import type { Box } from '../geometry/box';
import { boardToScreen, type Camera } from '../geometry/camera';
import { selectionHandles, unionBoxes } from '../geometry/handles';
import { outlineOf } from '../geometry/outline';
import { geometryOf } from '../editor/sceneIndex';
import type { Board } from '../model/board';
import type { Item } from '../model/schema';
import { readOverlay, type OverlayState } from './editorView';
import { canvasMeasure, type InkIndex, type SceneEntry } from './inkIndex';
import type { RenderStats } from './renderStats';

export const SELECTION_COLOR = '#2f80ed';
const MARQUEE_FILL = 'rgba(47, 128, 237, 0.08)';

interface Props {
  board: Board;
  editor: Editor;
  index: RefObject<InkIndex | null>;
  stats: RenderStats;
}

/** Corners of an item's own frame on the board (rotated with it). */
export function frameCorners(entry: SceneEntry): Array<[number, number]> {
  const { item, frame } = entry;
  const sx = item.kind === 'stroke' ? item.scaleX : 1;
  const sy = item.kind === 'stroke' ? item.scaleY : 1;
  const a = (item.rotation * Math.PI) / 180;
  const cos = Math.cos(a), sin = Math.sin(a);
  return ([[frame.minX, frame.minY], [frame.maxX, frame.minY], [frame.maxX, frame.maxY], [frame.minX, frame.maxY]] as const).map(([lx, ly]) => {
    const x = lx * sx, y = ly * sy;
    return [item.x + x * cos - y * sin, item.y + x * sin + y * cos];
  });
}

/**
 * An item's box as the select tool hit-tests it (geometry/outline.ts through the editor's
 * geometryOf), so the drawn handles sit exactly where they can be grabbed. Items are immutable
 * snapshots: the box is cached per snapshot.
 */
const hitBoxes = new WeakMap<Item, Box>();
function hitBoxOf(entry: SceneEntry): Box {
  let box = hitBoxes.get(entry.item);
  if (!box) {
    try {
      box = outlineOf(geometryOf(entry.item, canvasMeasure())).box;
    } catch {
      box = entry.box;
    }
    hitBoxes.set(entry.item, box);
  }
  return box;
}

/** The selection box: union of the selected items' boxes, as the select tool computes it. */
export function selectionBounds(entries: readonly SceneEntry[]): Box | null {
  return unionBoxes(entries.map(hitBoxOf));
}

function drawOverlay(ctx: CanvasRenderingContext2D, camera: Camera, o: OverlayState, entries: SceneEntry[], hovered: SceneEntry | null): void {
  const toScreen = (x: number, y: number): [number, number] => {
    const p = boardToScreen(camera, { x, y });
    return [Math.round(p.x) + 0.5, Math.round(p.y) + 0.5];
  };
  const outline = (e: SceneEntry) => {
    const corners = frameCorners(e).map(([x, y]) => toScreen(x, y));
    ctx.beginPath();
    corners.forEach(([x, y], i) => (i === 0 ? ctx.moveTo(x, y) : ctx.lineTo(x, y)));
    ctx.closePath();
    ctx.stroke();
  };
  ctx.lineJoin = 'round';
  ctx.strokeStyle = SELECTION_COLOR;
  if (hovered) {
    ctx.globalAlpha = 0.5;
    ctx.lineWidth = 1;
    outline(hovered);
    ctx.globalAlpha = 1;
  }
  if (entries.length > 0) {
    // Each item's own (rotated) frame: faint when several are selected, and for one rotated item.
    const single = entries.length === 1 ? entries[0]! : null;
    ctx.lineWidth = 1;
    if (!single || single.item.rotation !== 0) {
      ctx.globalAlpha = single ? 0.8 : 0.45;
      for (const e of entries) outline(e);
      ctx.globalAlpha = 1;
    }
    const bounds = selectionBounds(entries);
    if (bounds) {
      const [x0, y0] = toScreen(bounds.minX, bounds.minY);
      const [x1, y1] = toScreen(bounds.maxX, bounds.maxY);
      ctx.lineWidth = 1.5;
      ctx.strokeRect(x0, y0, x1 - x0, y1 - y0);
      for (const h of o.transforming || o.editingId ? [] : selectionHandles(bounds, camera.zoom)) {
        const [cx, cy] = toScreen(h.x, h.y);
        const r = (h.size * camera.zoom) / 2;
        ctx.beginPath();
        if (h.id === 'rotate') ctx.arc(cx, cy, r, 0, Math.PI * 2);
        else ctx.roundRect(cx - r, cy - r, r * 2, r * 2, 2);
        ctx.fillStyle = '#ffffff';
        ctx.shadowColor = 'rgba(0, 0, 0, 0.18)';
        ctx.shadowBlur = 3;
        ctx.shadowOffsetY = 1;
        ctx.fill();
        ctx.shadowColor = 'transparent';
        ctx.lineWidth = 1.5;
        ctx.strokeStyle = SELECTION_COLOR;
        ctx.stroke();
      }
    }
  }
  if (o.marquee) {
    const [x0, y0] = toScreen(o.marquee.minX, o.marquee.minY);
    const [x1, y1] = toScreen(o.marquee.maxX, o.marquee.maxY);
    ctx.fillStyle = MARQUEE_FILL;
    ctx.fillRect(x0, y0, x1 - x0, y1 - y0);
    ctx.strokeStyle = SELECTION_COLOR;
    ctx.lineWidth = 1;
    ctx.strokeRect(x0, y0, x1 - x0, y1 - y0);
  }
}

export function OverlayLayer({ board, editor, index, stats }: Props) {
  const layerRef = useRef<Konva.Layer>(null);

  useEffect(() => {
    const redraw = () => layerRef.current?.batchDraw();
    let last = readOverlay(editor);
    let camera = editor.camera;
    const offEditor = editor.subscribe(() => {
      const o = readOverlay(editor);
      const visibleBefore = last.selected.size > 0 || last.marquee !== null || last.hovered !== null;
      const changed =
        o.selected !== last.selected || o.marquee !== last.marquee || o.editingId !== last.editingId || o.hovered !== last.hovered || o.transforming !== last.transforming;
      const moved = editor.camera !== camera;
      camera = editor.camera;
      last = o;
      if (changed || (moved && (visibleBefore || o.selected.size > 0))) redraw();
    });
    const offBoard = board.subscribe((change) => {
      if (last.hovered && (change.upserted.has(last.hovered) || change.removed.has(last.hovered))) return redraw();
      for (const id of last.selected) {
        if (change.upserted.has(id) || change.removed.has(id)) return redraw();
      }
    });
    return () => {
      offEditor();
      offBoard();
    };
  }, [board, editor]);

  const sceneFunc = useCallback(
    (context: Konva.Context) => {
      stats.draws.overlay++;
      const o = readOverlay(editor);
      const idx = index.current;
      const entries: SceneEntry[] = [];
      if (idx) for (const id of o.selected) {
        const e = idx.get(id);
        if (e) entries.push(e);
      }
      const hovered = o.hovered && !o.selected.has(o.hovered) ? (idx?.get(o.hovered) ?? null) : null;
      if (entries.length === 0 && !o.marquee && !hovered) return;
      drawOverlay(context._context, editor.camera, o, entries, hovered);
    },
    [editor, index, stats],
  );

  return (
    <Layer ref={layerRef} listening={false}>
      <Shape sceneFunc={sceneFunc} listening={false} perfectDrawEnabled={false} />
    </Layer>
  );
}
