/**
 * Following the facilitator's view ("Bring everyone to me"). The facilitator's presence carries
 * where they look (`view`: the board point in the middle of their screen, their zoom and their
 * screen size); a participant's camera shows that same board area fitted to their own screen and
 * glides after it. The participant's own pan or zoom ends following ("away") while the facilitator
 * still asks, with a way back; a fresh press by the facilitator brings everyone again.
 */
import { ZOOM_MAX, ZOOM_MIN, type Camera } from '../geometry/camera';
import type { FollowRequest } from '../model/follow';
import type { Editor } from './editor';
import { interpolateCamera, type Size } from './projectorFit';
import { Store } from './store';

/** Where the facilitator looks (awareness field `view`). */
export interface LeaderView {
  /** Board point in the middle of their screen. */
  cx: number;
  cy: number;
  zoom: number;
  /** Their screen (board view) in CSS px. */
  w: number;
  h: number;
}

/** off: nobody asks; following: my camera follows the facilitator; away: they ask, I moved away. */
export type FollowMode = 'off' | 'following' | 'away';

/** The glide's time constant: ~95 % of the way in 3 x this. */
export const FOLLOW_TAU_MS = 140;

export function leaderViewOf(editorState: { camera: Camera; viewport: Size }): LeaderView {
  const { camera, viewport } = editorState;
  return {
    cx: Math.round((camera.x + viewport.width / 2 / camera.zoom) * 10) / 10,
    cy: Math.round((camera.y + viewport.height / 2 / camera.zoom) * 10) / 10,
    zoom: Math.round(camera.zoom * 10_000) / 10_000,
    w: Math.round(viewport.width),
    h: Math.round(viewport.height),
  };
}

/** Reads a remote `view` leniently (null when malformed). */
export function parseLeaderView(value: unknown): LeaderView | null {
  if (typeof value !== 'object' || value === null) return null;
  const v = value as Record<string, unknown>;
  const nums = [v.cx, v.cy, v.zoom, v.w, v.h];
  if (!nums.every((n) => typeof n === 'number' && Number.isFinite(n))) return null;
  const [cx, cy, zoom, w, h] = nums as number[];
  if (zoom! <= 0 || w! < 1 || h! < 1) return null;
  return { cx: cx!, cy: cy!, zoom: zoom!, w: Math.min(w!, 20_000), h: Math.min(h!, 20_000) };
}

export function sameView(a: LeaderView | null, b: LeaderView | null): boolean {
  return a === b || (!!a && !!b && a.cx === b.cx && a.cy === b.cy && a.zoom === b.zoom && a.w === b.w && a.h === b.h);
}

/**
 * The camera that shows the board area the leader sees, whole and centred, on a screen of
 * `viewport` (below `insetTop` screen px covered by a header, on the projector).
 */
export function fitLeaderView(view: LeaderView, viewport: Size, insetTop = 0): Camera {
  const areaW = view.w / view.zoom, areaH = view.h / view.zoom;
  const freeH = Math.max(1, viewport.height - insetTop);
  const zoom = Math.min(ZOOM_MAX, Math.max(ZOOM_MIN, Math.min(viewport.width / areaW, freeH / areaH)));
  return { x: view.cx - viewport.width / 2 / zoom, y: view.cy - (insetTop + freeH / 2) / zoom, zoom };
}

/** Close enough to stop gliding: under half a screen pixel and a tenth of a percent of zoom. */
export function cameraNear(a: Camera, b: Camera): boolean {
  return Math.abs(a.zoom / b.zoom - 1) < 0.001 && Math.abs(a.x - b.x) * b.zoom < 0.5 && Math.abs(a.y - b.y) * b.zoom < 0.5;
}

/** One frame of the glide: `dt` ms closer to `target` (exponential approach, geometric zoom). */
export function glideStep(from: Camera, target: Camera, dt: number, viewport: Size): Camera {
  const k = 1 - Math.exp(-Math.max(0, dt) / FOLLOW_TAU_MS);
  const next = interpolateCamera(from, target, k, viewport);
  return cameraNear(next, target) ? target : next;
}

export interface FollowOptions {
  /**
   * A screen nobody steers by hand (the projector): another camera move does not end following,
   * the glide just carries on to the facilitator's area.
   */
  sticky?: boolean;
  /** Screen px at the top covered by a header (the projector's). */
  insetTop?: () => number;
}

export interface FrameScheduler {
  /** Calls `fn` with a timestamp before the next paint (requestAnimationFrame); returns a cancel. */
  request(fn: (time: number) => void): () => void;
}

/**
 * Drives this screen's camera while following. Inputs: the facilitator's request (session), the
 * facilitator's view (presence) and the person's own buttons; it watches the editor for camera
 * moves it did not make itself (pan, zoom, wheel, keys) and then stops following.
 */
export class FollowController {
  readonly mode = new Store<FollowMode>('off');
  private request: FollowRequest | null = null;
  private leader: LeaderView | null = null;
  /** The camera this controller set last: any other camera is the person's own move. */
  private ownCamera: Camera | null = null;
  private seenCamera: Camera;
  private seenViewport: Size;
  private cancelFrame: (() => void) | null = null;
  private lastFrame: number | null = null;
  private readonly off: () => void;

  constructor(
    private readonly editor: Editor,
    private readonly frames: FrameScheduler,
    private readonly options: FollowOptions = {},
  ) {
    this.seenCamera = editor.camera;
    this.seenViewport = editor.state.get().viewport;
    this.off = editor.subscribe(this.onEditor);
  }

  /** The session's follow request changed (or was read for the first time). */
  setRequest(request: FollowRequest): void {
    const prev = this.request;
    this.request = request;
    if (!request.on) {
      this.setMode('off');
      return;
    }
    // A new press (or the first one this screen sees) brings this person along.
    if (!prev || !prev.on || prev.since !== request.since || this.mode.get() === 'off') this.setMode('following');
  }

  /** Where the facilitator looks now (null: unknown, e.g. they are offline). */
  setLeader(view: LeaderView | null): void {
    if (sameView(view, this.leader)) return;
    this.leader = view;
    this.kick();
  }

  /** "Stop following". */
  stop(): void {
    if (this.mode.get() === 'following') this.setMode('away');
  }

  /** "Follow the facilitator" (while they ask). */
  follow(): void {
    if (this.request?.on) this.setMode('following');
  }

  destroy(): void {
    this.off();
    this.stopGlide();
  }

  private setMode(mode: FollowMode): void {
    this.mode.set(mode);
    if (mode === 'following') this.kick();
    else this.stopGlide();
  }

  private target(): Camera | null {
    if (!this.leader) return null;
    const viewport = this.editor.state.get().viewport;
    if (viewport.width < 2 || viewport.height < 2) return null;
    return fitLeaderView(this.leader, viewport, this.options.insetTop?.() ?? 0);
  }

  /** The header height changed (projector): fit again. */
  refit(): void {
    this.kick();
  }

  /** Starts gliding toward the target if following and not there yet. */
  private kick(): void {
    if (this.mode.get() !== 'following' || this.cancelFrame) return;
    const target = this.target();
    if (!target || cameraNear(this.editor.camera, target)) return;
    this.lastFrame = null;
    this.cancelFrame = this.frames.request(this.step);
  }

  private readonly step = (time: number): void => {
    this.cancelFrame = null;
    const target = this.target();
    if (this.mode.get() !== 'following' || !target) return;
    // A busy machine paints rarely: up to a quarter second per frame still looks like a glide.
    const dt = this.lastFrame === null ? 16 : Math.min(250, time - this.lastFrame);
    this.lastFrame = time;
    const next = glideStep(this.editor.camera, target, dt, this.editor.state.get().viewport);
    this.ownCamera = next;
    this.editor.setCamera(next);
    if (next !== target) this.cancelFrame = this.frames.request(this.step);
  };

  private stopGlide(): void {
    this.cancelFrame?.();
    this.cancelFrame = null;
  }

  private readonly onEditor = (): void => {
    const { camera, viewport } = this.editor.state.get();
    if (viewport !== this.seenViewport) {
      this.seenViewport = viewport;
      this.kick(); // a new screen size: fit the area again
    }
    if (camera === this.seenCamera) return;
    this.seenCamera = camera;
    if (camera === this.ownCamera) return;
    if (this.options.sticky) this.kick();
    // The person moved the view themselves: they no longer follow.
    else if (this.mode.get() === 'following') this.setMode('away');
  };
}
