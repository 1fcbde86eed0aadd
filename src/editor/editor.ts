/**
 * Local session state of one screen: camera, current tool, the sticky style of each tool,
 * selection, hover, eraser preview, marquee, the item being edited as text and the gesture in
 * progress. No React, no rendering, no sync: the canvas and the toolbar read it, tools write it.
 */
import type { Box } from '../geometry/box';
import { panBy, zoomAt, ZOOM_MAX, ZOOM_MIN, type Camera, type Vec } from '../geometry/camera';
import type { Fill, TextSize } from '../model/schema';
import { HIGHLIGHTER_WIDTHS, INK_COLOURS, INK_WIDTHS, STICKY_COLOURS } from './palette';
import { Store } from './store';

export const TOOL_IDS = ['select', 'hand', 'pen', 'highlighter', 'eraser', 'line', 'arrow', 'rect', 'ellipse', 'text', 'sticky', 'annotate', 'laser'] as const;
export type ToolId = (typeof TOOL_IDS)[number];
/** Tools that have a style of their own. */
export type StyledToolId = Exclude<ToolId, 'select' | 'hand' | 'eraser' | 'annotate' | 'laser'>;

export interface InkStyle {
  color: string;
  width: number;
}

/** Everything a tool may remember about how it draws; each tool uses the fields that apply to it. */
export interface ToolStyle extends InkStyle {
  fill: Fill;
  size: TextSize;
}

/** The gesture in progress, for the renderer (e.g. hide handles while moving). */
export type Transform = null | { kind: 'translate' | 'resize' | 'rotate' | 'draw-shape' | 'erase' | 'brush' | 'pan' };

export interface EditorState {
  camera: Camera;
  tool: ToolId;
  styles: Record<StyledToolId, ToolStyle>;
  /** Selected item ids, in the order they were picked. */
  selection: readonly string[];
  /** Item under the pointer (select tool), for a hover outline. */
  hovered: string | null;
  /** Items the eraser will remove when the pointer lifts: drawn faded. */
  eraserPreview: ReadonlySet<string>;
  /** Marquee being dragged, board coordinates. */
  marquee: Box | null;
  /** Text item or sticky being edited in the text overlay (the renderer hides its text). */
  editingId: string | null;
  transform: Transform;
  /** Size of the board view in CSS px (for zoom to fit, zoom buttons, paste in the middle). */
  viewport: { width: number; height: number };
}

const ink = (color: string, width: number): ToolStyle => ({ color, width, fill: 'none', size: 'm' });
const black = INK_COLOURS[0]!.value;
const blue = INK_COLOURS[1]!.value;

export const DEFAULT_STYLES: Record<StyledToolId, ToolStyle> = {
  pen: ink(black, INK_WIDTHS[1]!.value),
  highlighter: ink(INK_COLOURS[2]!.value, HIGHLIGHTER_WIDTHS[1]!.value),
  line: ink(black, INK_WIDTHS[1]!.value),
  arrow: ink(black, INK_WIDTHS[1]!.value),
  rect: ink(blue, INK_WIDTHS[1]!.value),
  ellipse: ink(blue, INK_WIDTHS[1]!.value),
  text: ink(black, INK_WIDTHS[1]!.value),
  sticky: ink(STICKY_COLOURS[0]!.value, INK_WIDTHS[1]!.value),
};

const EMPTY_SET: ReadonlySet<string> = new Set();

export const DEFAULT_EDITOR_STATE: EditorState = {
  camera: { x: 0, y: 0, zoom: 1 },
  tool: 'pen',
  styles: DEFAULT_STYLES,
  selection: [],
  hovered: null,
  eraserPreview: EMPTY_SET,
  marquee: null,
  editingId: null,
  transform: null,
  viewport: { width: 1280, height: 720 },
};

/** Zoom steps of the Zoom in / Zoom out buttons. */
export const ZOOM_STEPS = [0.1, 0.25, 0.5, 0.75, 1, 1.25, 1.5, 2, 3, 4, 6, 8];

export function isStyledTool(tool: ToolId): tool is StyledToolId {
  return tool !== 'select' && tool !== 'hand' && tool !== 'eraser' && tool !== 'annotate' && tool !== 'laser';
}

export class Editor {
  readonly state: Store<EditorState>;
  /** Last pointer position on the board (not observable: it changes on every move). */
  pointer: Vec | null = null;
  private stopEditingHook: (() => void) | null = null;

  constructor(initial: Partial<EditorState> = {}) {
    this.state = new Store({ ...DEFAULT_EDITOR_STATE, ...initial });
  }

  get camera(): Camera {
    return this.state.get().camera;
  }
  get tool(): ToolId {
    return this.state.get().tool;
  }
  /** Style of the current tool (the pen's while a tool without style is active). */
  get style(): ToolStyle {
    return this.styleFor(this.tool);
  }
  get selection(): readonly string[] {
    return this.state.get().selection;
  }
  get editingId(): string | null {
    return this.state.get().editingId;
  }

  styleFor(tool: ToolId): ToolStyle {
    const { styles } = this.state.get();
    return isStyledTool(tool) ? styles[tool] : styles.pen;
  }

  subscribe(listener: () => void): () => void {
    return this.state.subscribe(listener);
  }

  private patch(p: Partial<EditorState>): void {
    const s = this.state.get();
    for (const key of Object.keys(p) as Array<keyof EditorState>) {
      if (!Object.is(s[key], p[key])) {
        this.state.set({ ...s, ...p });
        return;
      }
    }
  }

  setTool(tool: ToolId): void {
    if (tool === this.tool) return;
    this.stopEditing();
    // Leaving the select tool keeps nothing selected: the style panel then follows the new tool.
    this.patch({ tool, hovered: null, selection: tool === 'select' ? this.selection : [], marquee: null, eraserPreview: EMPTY_SET, transform: null });
  }

  /** Changes the current tool's remembered style (or a given tool's). */
  setToolStyle(patch: Partial<ToolStyle>, tool: ToolId = this.tool): void {
    if (!isStyledTool(tool)) return;
    const s = this.state.get();
    const old = s.styles[tool];
    const next = { ...old, ...patch };
    if (next.color === old.color && next.width === old.width && next.fill === old.fill && next.size === old.size) return;
    this.state.set({ ...s, styles: { ...s.styles, [tool]: next } });
  }

  setColor(color: string): void {
    this.setToolStyle({ color });
  }

  setWidth(width: number): void {
    this.setToolStyle({ width });
  }

  select(ids: readonly string[]): void {
    const cur = this.selection;
    if (cur.length === ids.length && cur.every((id, i) => id === ids[i])) return;
    this.patch({ selection: [...ids] });
  }

  /** Drops ids that no longer exist (deleted here or by someone else). */
  pruneSelection(exists: (id: string) => boolean): void {
    const s = this.state.get();
    const keep = s.selection.filter(exists);
    const patch: Partial<EditorState> = {};
    if (keep.length !== s.selection.length) patch.selection = keep;
    if (s.hovered && !exists(s.hovered)) patch.hovered = null;
    if (s.editingId && !exists(s.editingId)) this.stopEditing();
    this.patch(patch);
  }

  setHovered(id: string | null): void {
    this.patch({ hovered: id });
  }

  setEraserPreview(ids: ReadonlySet<string>): void {
    const cur = this.state.get().eraserPreview;
    if (cur.size === ids.size && [...ids].every((id) => cur.has(id))) return;
    this.patch({ eraserPreview: ids.size === 0 ? EMPTY_SET : ids });
  }

  setMarquee(box: Box | null): void {
    this.patch({ marquee: box });
  }

  setTransform(transform: Transform): void {
    const cur = this.state.get().transform;
    if (cur?.kind === transform?.kind) return;
    this.patch({ transform });
  }

  /**
   * Opens the text overlay over an item. `onStop` runs once when editing ends (Escape, a click
   * elsewhere, a tool change): it closes the undo step the edit opened.
   */
  startEditing(id: string, onStop: () => void): void {
    this.stopEditing();
    this.stopEditingHook = onStop;
    this.patch({ editingId: id, selection: [id], hovered: null });
  }

  stopEditing(): void {
    const hook = this.stopEditingHook;
    this.stopEditingHook = null;
    if (this.state.get().editingId !== null) this.patch({ editingId: null });
    hook?.();
  }

  setViewport(width: number, height: number): void {
    const v = this.state.get().viewport;
    if (v.width !== width || v.height !== height) this.patch({ viewport: { width, height } });
  }

  setCamera(camera: Camera): void {
    const c = this.camera;
    if (camera.x !== c.x || camera.y !== c.y || camera.zoom !== c.zoom) this.patch({ camera });
  }

  pan(dx: number, dy: number): void {
    this.setCamera(panBy(this.camera, dx, dy));
  }

  zoom(screenPoint: Vec, factor: number): void {
    this.setCamera(zoomAt(this.camera, screenPoint, factor));
  }

  /** Sets the zoom (clamped 10 %-800 %) keeping the middle of the view in place. */
  zoomTo(zoom: number): void {
    const { width, height } = this.state.get().viewport;
    const z = Math.min(ZOOM_MAX, Math.max(ZOOM_MIN, zoom));
    this.zoom({ x: width / 2, y: height / 2 }, z / this.camera.zoom);
  }

  zoomIn(): void {
    const z = this.camera.zoom;
    this.zoomTo(ZOOM_STEPS.find((s) => s > z * 1.001) ?? ZOOM_MAX);
  }

  zoomOut(): void {
    const z = this.camera.zoom;
    this.zoomTo([...ZOOM_STEPS].reverse().find((s) => s < z / 1.001) ?? ZOOM_MIN);
  }

  /** Shows the whole box with a margin (screen px), never zooming in beyond 100 %... unless tiny boards want it: cap at 200 %. */
  zoomToBox(box: Box, margin = 80): void {
    const { width, height } = this.state.get().viewport;
    const w = Math.max(1, box.maxX - box.minX), h = Math.max(1, box.maxY - box.minY);
    const zoom = Math.min(2, ZOOM_MAX, Math.max(ZOOM_MIN, Math.min((width - margin * 2) / w, (height - margin * 2) / h)));
    const cx = (box.minX + box.maxX) / 2, cy = (box.minY + box.maxY) / 2;
    this.setCamera({ x: cx - width / 2 / zoom, y: cy - height / 2 / zoom, zoom });
  }

  /** Board point in the middle of the view. */
  viewCenter(): Vec {
    const { width, height } = this.state.get().viewport;
    const c = this.camera;
    return { x: c.x + width / 2 / c.zoom, y: c.y + height / 2 / c.zoom };
  }
}
