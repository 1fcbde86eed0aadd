/**
 * The full-window drawing surface: a react-konva Stage with three layers (ink, live, cursors).
 * Input goes through useCanvasInput (DOM Pointer Events on the host, never Konva events), so the
 * Stage itself does not listen at all.
 */
import { useRef } from 'react';
import { Stage } from 'react-konva';
import type { Editor } from '../editor/editor';
import type { LiveStrokes } from '../editor/liveStrokes';
import type { Peer } from '../editor/presence';
import type { Store } from '../editor/store';
import type { Vec } from '../geometry/camera';
import type { Board } from '../model/board';
import { CursorLayer } from './CursorLayer';
import { InkLayer } from './InkLayer';
import { LiveLayer } from './LiveLayer';
import { useBoardBackground } from './useBoardBackground';
import { useCanvasInput, type PointerTarget } from './useCanvasInput';
import { useViewportSize } from './useViewportSize';

export type { PointerTarget };

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
  useBoardBackground(hostRef, editor);
  const { cursor, handlers } = useCanvasInput(hostRef, editor, tool, onCursor);

  return (
    <div ref={hostRef} className="board-canvas" style={{ cursor }} {...handlers} onContextMenu={(e) => e.preventDefault()}>
      <Stage width={size.width} height={size.height} listening={false}>
        <InkLayer board={board} editor={editor} size={size} />
        <LiveLayer live={live} editor={editor} />
        <CursorLayer peers={peers} editor={editor} />
      </Stage>
    </div>
  );
}
