/**
 * DOM input on the canvas host -> tool calls in board space, and camera moves.
 *   mouse / pen / one finger: the current tool (coalesced samples for smooth ink)
 *   middle button, Space + drag: pan;  two fingers: pan and pinch-zoom;  wheel: pan;  Ctrl/Cmd + wheel: zoom
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
  };
}

const isTyping = (t: EventTarget | null) => t instanceof HTMLElement && (t.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(t.tagName));

export function useCanvasInput(hostRef: RefObject<HTMLDivElement | null>, editor: Editor, tool: PointerTarget | null, onCursor: (c: Vec | null) => void): CanvasInput {
  const panRef = useRef<{ pointerId: number; x: number; y: number } | null>(null);
  const pinchRef = useRef(new PinchTracker());
  const pinchingRef = useRef(false);
  const [spaceHeld, setSpaceHeld] = useState(false);
  const [panning, setPanning] = useState(false);

  useEffect(() => {
    const host = hostRef.current;
    if (!host) return;
    // Non-passive, so that Ctrl + wheel (and trackpad pinch) zooms the board instead of the page.
    const onWheel = (e: WheelEvent) => {
      e.preventDefault();
      const rect = host.getBoundingClientRect();
      const scale = e.deltaMode === 1 ? 16 : 1;
      if (e.ctrlKey || e.metaKey) editor.zoom({ x: e.clientX - rect.left, y: e.clientY - rect.top }, Math.exp((-e.deltaY * scale) / 300));
      else editor.pan(e.deltaX * scale, e.deltaY * scale);
    };
    const down = (e: KeyboardEvent) => {
      if (e.code !== 'Space' || isTyping(e.target)) return;
      if (!(e.target instanceof HTMLButtonElement)) e.preventDefault();
      setSpaceHeld(true);
    };
    const up = (e: KeyboardEvent) => e.code === 'Space' && setSpaceHeld(false);
    const blur = () => setSpaceHeld(false);
    host.addEventListener('wheel', onWheel, { passive: false });
    window.addEventListener('keydown', down);
    window.addEventListener('keyup', up);
    window.addEventListener('blur', blur);
    return () => {
      host.removeEventListener('wheel', onWheel);
      window.removeEventListener('keydown', down);
      window.removeEventListener('keyup', up);
      window.removeEventListener('blur', blur);
    };
  }, [hostRef, editor]);

  const local = (e: { clientX: number; clientY: number }): Vec => {
    const rect = hostRef.current!.getBoundingClientRect();
    return { x: e.clientX - rect.left, y: e.clientY - rect.top };
  };
  const toBoard = (e: PointerEvent) => toBoardPointer(e, hostRef.current!.getBoundingClientRect(), editor.camera);

  const onPointerDown: Handler = (e) => {
    hostRef.current?.setPointerCapture(e.pointerId);
    if (e.pointerType === 'touch') {
      pinchRef.current.down(e.pointerId, local(e));
      if (pinchRef.current.count >= 2) {
        // A second finger means "move the board", not "draw": drop the stroke the first one began.
        pinchingRef.current = true;
        tool?.cancel();
        return;
      }
    }
    if (e.button === 1 || (spaceHeld && e.button === 0)) {
      panRef.current = { pointerId: e.pointerId, x: e.clientX, y: e.clientY };
      setPanning(true);
      return;
    }
    if (e.button === 0 && !pinchingRef.current) tool?.pointerDown(toBoard(e.nativeEvent));
  };

  const onPointerMove: Handler = (e) => {
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
    if (tool && e.buttons !== 0) for (const sample of coalescedSamples(e.nativeEvent)) tool.pointerMove(toBoard(sample));
  };

  const endTouch = (e: ReactPointerEvent<HTMLDivElement>): boolean => {
    if (e.pointerType !== 'touch') return false;
    pinchRef.current.up(e.pointerId);
    const wasPinching = pinchingRef.current;
    if (pinchRef.current.count === 0) pinchingRef.current = false;
    return wasPinching;
  };

  const onPointerUp: Handler = (e) => {
    if (panRef.current?.pointerId === e.pointerId) {
      panRef.current = null;
      setPanning(false);
      return;
    }
    if (endTouch(e)) return;
    tool?.pointerUp(toBoard(e.nativeEvent));
  };

  const onPointerCancel: Handler = (e) => {
    endTouch(e);
    panRef.current = null;
    setPanning(false);
    tool?.cancel();
  };

  // Capture can vanish without an 'up' (window switch, element removed): keep the ink, end the gesture.
  const onLostPointerCapture: Handler = (e) => {
    endTouch(e);
    tool?.pointerLost(e.pointerId);
  };

  const onPointerLeave: Handler = (e) => {
    if (e.pointerType !== 'touch') onCursor(null);
  };

  const cursor = panning ? 'grabbing' : spaceHeld ? 'grab' : tool ? 'crosshair' : 'default';
  return { cursor, handlers: { onPointerDown, onPointerMove, onPointerUp, onPointerCancel, onLostPointerCapture, onPointerLeave } };
}
