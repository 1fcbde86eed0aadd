/**
 * DOM input on the canvas host -> tool calls in board space, and camera moves.
 *   mouse / pen / one finger: the current tool (coalesced samples for smooth ink), hover included
 *   middle button, Space + drag: pan;  two fingers: pan and pinch-zoom, never draw
 *   wheel: pan (Shift: sideways);  Ctrl/Cmd + wheel and trackpad pinch: zoom around the pointer
 *   palm rejection: while a pen is down or was used in the last second, touches are ignored
 */
import { useEffect, useRef, useState, type PointerEvent as ReactPointerEvent, type RefObject } from 'react';
import type { Editor } from '../editor/editor';
import type { BoardPointer } from '../editor/input';
import { screenToBoard, type Vec } from '../geometry/camera';
import { PinchTracker } from './pinch';
import { coalescedSamples, toBoardPointer } from './pointerInput';

/** What the canvas drives: the current tool (structurally; canvas does not import tools). */
export interface PointerTarget {
  pointerDown(e: BoardPointer): void;
  pointerMove(e: BoardPointer): void;
  pointerUp(e: BoardPointer): void;
  pointerLost(pointerId: number): void;
  cancel(): void;
  /** CSS cursor the tool wants now. */
  readonly cursor?: string;
}

type Handler = (e: ReactPointerEvent<HTMLDivElement>) => void;

export interface CanvasInput {
  cursor: string;
  handlers: {
    onPointerDown: Handler;
    onPointerMove: Handler;
    onPointerUp: Handler;
    onPointerCancel: Handler;
    onLostPointerCapture: Handler;
    onPointerLeave: Handler;
    onMouseDown: (e: { preventDefault(): void }) => void;
  };
}

/** A pen used this recently (ms) still makes touches count as a resting palm. */
export const PALM_WINDOW_MS = 1000;

const isTyping = (t: EventTarget | null) => t instanceof HTMLElement && (t.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(t.tagName));

/** `fixedCamera`: the view is steered by the app (the projector's fit), never by wheel or keys. */
export function useCanvasInput(
  hostRef: RefObject<HTMLDivElement | null>,
  editor: Editor,
  tool: PointerTarget | null,
  onCursor: (c: Vec | null) => void,
  fixedCamera = false,
): CanvasInput {
  const panRef = useRef<{ pointerId: number; x: number; y: number } | null>(null);
  const pinchRef = useRef(new PinchTracker());
  const pinchingRef = useRef(false);
  const penRef = useRef({ down: false, lastSeen: -Infinity });
  /** Touches ignored as a palm, until they lift. */
  const palmsRef = useRef(new Set<number>());
  const spaceRef = useRef(false);
  const [spaceHeld, setSpaceHeld] = useState(false);
  const [panning, setPanning] = useState(false);

  useEffect(() => {
    const host = hostRef.current;
    if (!host) return;
    // Non-passive, so that Ctrl + wheel (and trackpad pinch) zooms the board instead of the page.
    const onWheel = (e: WheelEvent) => {
      e.preventDefault();
      if (fixedCamera) return;
      const rect = host.getBoundingClientRect();
      const scale = e.deltaMode === 1 ? 16 : e.deltaMode === 2 ? rect.height : 1;
      if (e.ctrlKey || e.metaKey) {
        // Trackpad pinches arrive as small Ctrl + wheel deltas; mouse wheels as ~100 px notches.
        const dy = Math.max(-120, Math.min(120, e.deltaY * scale));
        editor.zoom({ x: e.clientX - rect.left, y: e.clientY - rect.top }, Math.exp(-dy / 300));
      } else if (e.shiftKey && e.deltaX === 0) editor.pan(e.deltaY * scale, 0);
      else editor.pan(e.deltaX * scale, e.deltaY * scale);
    };
    const down = (e: KeyboardEvent) => {
      if (fixedCamera || e.code !== 'Space' || isTyping(e.target)) return;
      if (!(e.target instanceof HTMLButtonElement)) e.preventDefault();
      spaceRef.current = true;
      setSpaceHeld(true);
    };
    const release = () => {
      spaceRef.current = false;
      setSpaceHeld(false);
    };
    const up = (e: KeyboardEvent) => e.code === 'Space' && release();
    const resize = () => {
      const r = host.getBoundingClientRect();
      editor.setViewport(Math.round(r.width), Math.round(r.height));
    };
    resize();
    const observer = new ResizeObserver(resize);
    observer.observe(host);
    host.addEventListener('wheel', onWheel, { passive: false });
    window.addEventListener('keydown', down);
    window.addEventListener('keyup', up);
    window.addEventListener('blur', release);
    return () => {
      observer.disconnect();
      host.removeEventListener('wheel', onWheel);
      window.removeEventListener('keydown', down);
      window.removeEventListener('keyup', up);
      window.removeEventListener('blur', release);
    };
  }, [hostRef, editor, fixedCamera]);

  const local = (e: { clientX: number; clientY: number }): Vec => {
    const rect = hostRef.current!.getBoundingClientRect();
    return { x: e.clientX - rect.left, y: e.clientY - rect.top };
  };
  const toBoard = (e: PointerEvent): BoardPointer => {
    const rect = hostRef.current!.getBoundingClientRect();
    const p = toBoardPointer(e, rect, editor.camera);
    return { ...p, sx: e.clientX - rect.left, sy: e.clientY - rect.top, shift: e.shiftKey, alt: e.altKey, mod: e.ctrlKey || e.metaKey, buttons: e.buttons };
  };
  const showCursor = () => {
    const host = hostRef.current;
    if (host) host.style.cursor = panRef.current ? 'grabbing' : spaceRef.current ? 'grab' : (tool?.cursor ?? 'default');
  };
  const penInUse = (now: number) => penRef.current.down || now - penRef.current.lastSeen < PALM_WINDOW_MS;

  const onPointerDown: Handler = (e) => {
    if (e.pointerType === 'pen') {
      penRef.current.down = true;
      penRef.current.lastSeen = e.timeStamp;
    }
    if (e.pointerType === 'touch' && penInUse(e.timeStamp)) {
      palmsRef.current.add(e.pointerId);
      return;
    }
    hostRef.current?.setPointerCapture(e.pointerId);
    // A click on the board takes focus away from a toolbar button (so Space does not press it).
    if (document.activeElement instanceof HTMLElement && document.activeElement !== document.body && !isTyping(document.activeElement)) document.activeElement.blur();
    if (e.pointerType === 'touch') {
      pinchRef.current.down(e.pointerId, local(e));
      if (pinchRef.current.count >= 2) {
        // A second finger means "move the board", not "draw": drop what the first one began.
        pinchingRef.current = true;
        tool?.cancel();
        return;
      }
    }
    if (e.button === 1 || (spaceRef.current && e.button === 0)) {
      e.preventDefault();
      panRef.current = { pointerId: e.pointerId, x: e.clientX, y: e.clientY };
      setPanning(true);
      showCursor();
      return;
    }
    if (e.button === 0 && !pinchingRef.current) tool?.pointerDown(toBoard(e.nativeEvent));
    showCursor();
  };

  const onPointerMove: Handler = (e) => {
    if (e.pointerType === 'pen') penRef.current.lastSeen = e.timeStamp;
    if (palmsRef.current.has(e.pointerId)) return;
    const pan = panRef.current;
    if (pan && pan.pointerId === e.pointerId) {
      editor.pan(pan.x - e.clientX, pan.y - e.clientY);
      pan.x = e.clientX;
      pan.y = e.clientY;
      return;
    }
    if (e.pointerType === 'touch') {
      const step = pinchRef.current.move(e.pointerId, local(e));
      if (step) {
        editor.pan(step.dx, step.dy);
        editor.zoom(step.center, step.factor);
      }
      if (pinchingRef.current) return;
    } else {
      onCursor(screenToBoard(editor.camera, local(e)));
    }
    if (!tool) return;
    if (e.buttons !== 0) for (const sample of coalescedSamples(e.nativeEvent)) tool.pointerMove(toBoard(sample));
    else tool.pointerMove(toBoard(e.nativeEvent));
    showCursor();
  };

  const endTouch = (e: ReactPointerEvent<HTMLDivElement>): boolean => {
    if (e.pointerType !== 'touch') return false;
    pinchRef.current.up(e.pointerId);
    const wasPinching = pinchingRef.current;
    if (pinchRef.current.count === 0) pinchingRef.current = false;
    return wasPinching;
  };
  const endPen = (e: ReactPointerEvent<HTMLDivElement>) => {
    if (e.pointerType !== 'pen') return;
    penRef.current.down = false;
    penRef.current.lastSeen = e.timeStamp;
  };

  const onPointerUp: Handler = (e) => {
    endPen(e);
    if (palmsRef.current.delete(e.pointerId)) return;
    if (panRef.current?.pointerId === e.pointerId) {
      panRef.current = null;
      setPanning(false);
      showCursor();
      return;
    }
    if (endTouch(e)) return;
    tool?.pointerUp(toBoard(e.nativeEvent));
    showCursor();
  };
  const onPointerCancel: Handler = (e) => {
    endPen(e);
    if (palmsRef.current.delete(e.pointerId)) return;
    endTouch(e);
    if (panRef.current?.pointerId === e.pointerId) {
      panRef.current = null;
      setPanning(false);
    }
    tool?.cancel();
  };
  // Capture can vanish without an 'up' (window switch, element removed): keep the work, end the gesture.
  const onLostPointerCapture: Handler = (e) => {
    if (palmsRef.current.has(e.pointerId)) return;
    endTouch(e);
    tool?.pointerLost(e.pointerId);
  };
  const onPointerLeave: Handler = (e) => {
    if (e.pointerType !== 'touch') onCursor(null);
  };

  const cursor = panning ? 'grabbing' : spaceHeld ? 'grab' : (tool?.cursor ?? 'default');
  // The mouse's default action would move focus to the page and blur the text overlay a tool has
  // just opened (and select page text on drags): the board handles its own focus.
  const onMouseDown = (e: { preventDefault(): void }) => e.preventDefault();
  return { cursor, handlers: { onPointerDown, onPointerMove, onPointerUp, onPointerCancel, onLostPointerCapture, onPointerLeave, onMouseDown } };
}
