/**
 * The full-window drawing surface: a react-konva Stage with three layers (ink, live, cursors) and
 * DOM Pointer Events on its container, turned into board-space pointers for the current tool.
 * Also pans (wheel, middle button, Space + drag) and zooms (Ctrl/Cmd + wheel, trackpad pinch).
 */
import { useEffect, useRef, useState, type PointerEvent as ReactPointerEvent } from 'react';
import { Stage } from 'react-konva';
import type { Editor } from '../editor/editor';
import type { BoardPointer } from '../editor/input';
import type { LiveStrokes } from '../editor/liveStrokes';
import type { Peer } from '../editor/presence';
import type { Store } from '../editor/store';
import { screenToBoard, type Vec } from '../geometry/camera';
import type { Board } from '../model/board';
import { CursorLayer } from './CursorLayer';
import { InkLayer } from './InkLayer';
import { LiveLayer } from './LiveLayer';
import { coalescedSamples, toBoardPointer } from './pointerInput';
import { useBoardBackground } from './useBoardBackground';
import { useViewportSize } from './useViewportSize';

/** What the canvas drives: the current tool (structurally; canvas does not import tools). */
export interface PointerTarget {
  pointerDown(e: BoardPointer): void;
  pointerMove(e: BoardPointer): void;
  pointerUp(e: BoardPointer): void;
  cancel(): void;
}

interface Props {
  board: Board;
  editor: Editor;
  live: LiveStrokes;
  peers: Store<readonly Peer[]>;
  tool: PointerTarget | null;
  onCursor(cursor: Vec | null): void;
}

export function BoardCanvas({ board, editor, live, peers, tool, onCursor }: Props) {
  const size = useViewportSize();
  const hostRef = useRef<HTMLDivElement>(null);
  const panRef = useRef<{ pointerId: number; x: number; y: number } | null>(null);
  const [spaceHeld, setSpaceHeld] = useState(false);
  const [panning, setPanning] = useState(false);
  useBoardBackground(hostRef, editor);

  useEffect(() => {
    const host = hostRef.current;
    if (!host) return;
    // Non-passive, so that Ctrl + wheel zooms the board instead of the page.
    const onWheel = (e: WheelEvent) => {
      e.preventDefault();
      const rect = host.getBoundingClientRect();
      const scale = e.deltaMode === 1 ? 16 : 1;
      if (e.ctrlKey || e.metaKey) {
        editor.zoom({ x: e.clientX - rect.left, y: e.clientY - rect.top }, Math.exp((-e.deltaY * scale) / 300));
      } else {
        editor.pan(e.deltaX * scale, e.deltaY * scale);
      }
    };
    host.addEventListener('wheel', onWheel, { passive: false });
    return () => host.removeEventListener('wheel', onWheel);
  }, [editor]);

  useEffect(() => {
    const isTyping = (t: EventTarget | null) => t instanceof HTMLElement && (t.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(t.tagName));
    const down = (e: KeyboardEvent) => {
      if (e.code === 'Space' && !isTyping(e.target)) {
        if (!(e.target instanceof HTMLButtonElement)) e.preventDefault();
        setSpaceHeld(true);
      }
    };
    const up = (e: KeyboardEvent) => e.code === 'Space' && setSpaceHeld(false);
    const blur = () => setSpaceHeld(false);
    window.addEventListener('keydown', down);
    window.addEventListener('keyup', up);
    window.addEventListener('blur', blur);
    return () => {
      window.removeEventListener('keydown', down);
      window.removeEventListener('keyup', up);
      window.removeEventListener('blur', blur);
    };
  }, []);

  const toBoard = (e: PointerEvent) => toBoardPointer(e, hostRef.current!.getBoundingClientRect(), editor.camera);

  const onPointerDown = (e: ReactPointerEvent<HTMLDivElement>) => {
    const native = e.nativeEvent;
    hostRef.current?.setPointerCapture(e.pointerId);
    if (e.button === 1 || (spaceHeld && e.button === 0)) {
      panRef.current = { pointerId: e.pointerId, x: e.clientX, y: e.clientY };
      setPanning(true);
      return;
    }
    if (e.button !== 0) return;
    tool?.pointerDown(toBoard(native));
  };

  const onPointerMove = (e: ReactPointerEvent<HTMLDivElement>) => {
    const native = e.nativeEvent;
    const pan = panRef.current;
    if (pan && pan.pointerId === e.pointerId) {
      editor.pan(pan.x - e.clientX, pan.y - e.clientY);
      pan.x = e.clientX;
      pan.y = e.clientY;
      return;
    }
    const rect = hostRef.current!.getBoundingClientRect();
    if (e.pointerType !== 'touch') onCursor(screenToBoard(editor.camera, { x: e.clientX - rect.left, y: e.clientY - rect.top }));
    if (tool && e.buttons !== 0) for (const sample of coalescedSamples(native)) tool.pointerMove(toBoard(sample));
  };

  const onPointerUp = (e: ReactPointerEvent<HTMLDivElement>) => {
    if (panRef.current?.pointerId === e.pointerId) {
      panRef.current = null;
      setPanning(false);
      return;
    }
    tool?.pointerUp(toBoard(e.nativeEvent));
  };

  const onPointerCancel = () => {
    panRef.current = null;
    setPanning(false);
    tool?.cancel();
  };

  const cursor = panning ? 'grabbing' : spaceHeld ? 'grab' : tool ? 'crosshair' : 'default';

  return (
    <div
      ref={hostRef}
      className="board-canvas"
      style={{ cursor }}
      onPointerDown={onPointerDown}
      onPointerMove={onPointerMove}
      onPointerUp={onPointerUp}
      onPointerCancel={onPointerCancel}
      onPointerLeave={(e) => e.pointerType !== 'touch' && onCursor(null)}
      onContextMenu={(e) => e.preventDefault()}
    >
      <Stage width={size.width} height={size.height} listening={false}>
        <InkLayer board={board} editor={editor} size={size} />
        <LiveLayer live={live} editor={editor} />
        <CursorLayer peers={peers} editor={editor} />
      </Stage>
    </div>
  );
}
