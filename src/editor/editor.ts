/**
 * Local session state of one screen: camera, current tool, ink style. No React, no rendering, no
 * sync: the canvas and the toolbar both read it, tools read the style.
 */
import { panBy, zoomAt, type Camera, type Vec } from '../geometry/camera';
import { INK_COLOURS, INK_WIDTHS } from './palette';
import { Store } from './store';

export type ToolId = 'pen';

export interface InkStyle {
  color: string;
  width: number;
}

export interface EditorState {
  camera: Camera;
  tool: ToolId;
  style: InkStyle;
}

export const DEFAULT_EDITOR_STATE: EditorState = {
  camera: { x: 0, y: 0, zoom: 1 },
  tool: 'pen',
  style: { color: INK_COLOURS[0]!.value, width: INK_WIDTHS[1]!.value },
};

export class Editor {
  readonly state: Store<EditorState>;

  constructor(initial: Partial<EditorState> = {}) {
    this.state = new Store({ ...DEFAULT_EDITOR_STATE, ...initial });
  }

  get camera(): Camera {
    return this.state.get().camera;
  }
  get tool(): ToolId {
    return this.state.get().tool;
  }
  get style(): InkStyle {
    return this.state.get().style;
  }

  subscribe(listener: () => void): () => void {
    return this.state.subscribe(listener);
  }

  setTool(tool: ToolId): void {
    if (tool !== this.tool) this.state.update((s) => ({ ...s, tool }));
  }

  setColor(color: string): void {
    if (color !== this.style.color) this.state.update((s) => ({ ...s, style: { ...s.style, color } }));
  }

  setWidth(width: number): void {
    if (width !== this.style.width) this.state.update((s) => ({ ...s, style: { ...s.style, width } }));
  }

  setCamera(camera: Camera): void {
    const c = this.camera;
    if (camera.x !== c.x || camera.y !== c.y || camera.zoom !== c.zoom) this.state.update((s) => ({ ...s, camera }));
  }

  pan(dx: number, dy: number): void {
    this.setCamera(panBy(this.camera, dx, dy));
  }

  zoom(screenPoint: Vec, factor: number): void {
    this.setCamera(zoomAt(this.camera, screenPoint, factor));
  }
}
