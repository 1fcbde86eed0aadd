/**
 * Notes pinned to regions, above the ink: each region as a soft dashed rectangle with a numbered
 * round marker at its top-left corner, in screen space so markers keep their size at any zoom
 * (large on the projector). Also the region being dragged with the Annotate tool. One Konva.Shape,
 * redrawn when the notes, the draft or the camera change. Hover and tap are DOM (ui/notes).
 */
import type Konva from 'konva';
import { useCallback, useEffect, useRef, useSyncExternalStore } from 'react';
import { Layer, Shape } from 'react-konva';
import type { Editor } from '../editor/editor';
import { noteDraft } from '../editor/noteDraft';
import type { NoteScene } from '../editor/noteScene';
import type { Box } from '../geometry/box';
import { boardToScreen, type Camera } from '../geometry/camera';

export const NOTE_COLOR = '#6741d9';
const NOTE_FILL = 'rgba(103, 65, 217, 0.07)';
/** Marker radius in screen px: laptops, and the projector (read from across a room). */
export const NOTE_MARKER_RADIUS = { normal: 17, large: 28 } as const;

/** A numbered round marker centred on (x, y), in whatever space `ctx` draws (export reuses it). */
export function drawNoteMarker(ctx: CanvasRenderingContext2D, x: number, y: number, r: number, label: string): void {
  ctx.save();
  ctx.beginPath();
  ctx.arc(x, y, r, 0, Math.PI * 2);
  ctx.fillStyle = NOTE_COLOR;
  ctx.shadowColor = 'rgba(0, 0, 0, 0.22)';
  ctx.shadowBlur = r * 0.35;
  ctx.shadowOffsetY = r * 0.08;
  ctx.fill();
  ctx.shadowColor = 'transparent';
  ctx.lineWidth = Math.max(2, r * 0.14);
  ctx.strokeStyle = '#ffffff';
  ctx.stroke();
  ctx.fillStyle = '#ffffff';
  ctx.font = `700 ${Math.round(r * (label.length > 2 ? 0.8 : 1.05))}px system-ui, -apple-system, "Segoe UI", sans-serif`;
  ctx.textAlign = 'center';
  ctx.textBaseline = 'middle';
  ctx.fillText(label, x, y + r * 0.05);
  ctx.restore();
}

/** A region as a soft dashed rectangle (screen px). */
export function drawNoteRegion(ctx: CanvasRenderingContext2D, x0: number, y0: number, x1: number, y1: number, large: boolean): void {
  ctx.save();
  ctx.fillStyle = NOTE_FILL;
  ctx.beginPath();
  ctx.roundRect(x0, y0, x1 - x0, y1 - y0, large ? 10 : 6);
  ctx.fill();
  ctx.setLineDash(large ? [12, 9] : [8, 6]);
  ctx.lineWidth = large ? 3 : 2;
  ctx.strokeStyle = NOTE_COLOR;
  ctx.globalAlpha = 0.8;
  ctx.stroke();
  ctx.restore();
}

/** Where a note's marker sits on screen: the region's top-left corner. */
export function markerPoint(camera: Camera, box: Box): { x: number; y: number } {
  return boardToScreen(camera, { x: box.minX, y: box.minY });
}

interface Props {
  notes: NoteScene;
  editor: Editor;
  /** Projector: bigger markers and lines. */
  large?: boolean;
}

export function NotesLayer({ notes, editor, large = false }: Props) {
  const layerRef = useRef<Konva.Layer>(null);
  // No canvas at all on a board without notes (a layer is a full-screen canvas to composite).
  const subscribe = useCallback(
    (cb: () => void) => {
      const offNotes = notes.subscribe(cb);
      const offDraft = noteDraft(editor).subscribe(cb);
      return () => {
        offNotes();
        offDraft();
      };
    },
    [notes, editor],
  );
  const visible = useSyncExternalStore(subscribe, () => notes.notes().length > 0 || noteDraft(editor).get() !== null);

  useEffect(() => {
    const redraw = () => layerRef.current?.batchDraw();
    let camera = editor.camera;
    const offEditor = editor.subscribe(() => {
      if (editor.camera === camera) return;
      camera = editor.camera;
      redraw();
    });
    const offNotes = notes.subscribe(redraw);
    const offDraft = noteDraft(editor).subscribe(redraw);
    redraw();
    return () => {
      offEditor();
      offNotes();
      offDraft();
    };
  }, [notes, editor, visible]);

  const sceneFunc = useCallback(
    (context: Konva.Context) => {
      const ctx = context._context;
      const camera = editor.camera;
      const r = large ? NOTE_MARKER_RADIUS.large : NOTE_MARKER_RADIUS.normal;
      const placed = notes.notes().filter((p) => p.box);
      const draft = noteDraft(editor).get();
      const regions: Array<[Box, string]> = placed.map((p) => [p.box!, String(p.note.number)]);
      if (draft && !draft.noteId) regions.push([draft.region, String(placed.length + 1)]);
      for (const [box] of regions) {
        const a = boardToScreen(camera, { x: box.minX, y: box.minY });
        const b = boardToScreen(camera, { x: box.maxX, y: box.maxY });
        drawNoteRegion(ctx, Math.round(a.x) + 0.5, Math.round(a.y) + 0.5, Math.round(b.x) + 0.5, Math.round(b.y) + 0.5, large);
      }
      for (const [box, label] of regions) {
        const m = markerPoint(camera, box);
        drawNoteMarker(ctx, m.x, m.y, r, label);
      }
    },
    [notes, editor, large],
  );

  if (!visible) return null;
  return (
    <Layer ref={layerRef} listening={false}>
      <Shape sceneFunc={sceneFunc} listening={false} perfectDrawEnabled={false} />
    </Layer>
  );
}
