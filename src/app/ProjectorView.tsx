/**
 * The board on the room's projector (role 'projector'): no tools, panels or cursors; a large header
 * with the prompt, the timer and how to join; the drawing always fitted under it. While the
 * connection is away the last board stays on the wall with a small "Reconnecting…" in the corner.
 */
import { useCallback, useEffect, useMemo, useState } from 'react';
import { BoardCanvas } from '../canvas/BoardCanvas';
import { imageCacheFor } from '../canvas/images/imageCache';
import { PROJECTED_MIN_INK_PX } from '../canvas/scene/minInk';
import type { Editor } from '../editor/editor';
import type { LaserTrails } from '../editor/laser';
import type { LiveStrokes } from '../editor/liveStrokes';
import { createPeers } from '../editor/presence';
import { projectorAim } from '../editor/projectorAim';
import type { Board } from '../model/board';
import type { TimerState } from '../model/session';
import type { ToolContext } from '../tools/types';
import type { ConnectionLabel } from '../ui/ConnectionStatus';
import { EmptyHint } from '../ui/EmptyHint';
import { ProjectorBanner } from '../ui/projector/ProjectorBanner';
import { ProjectorHeader, type ProjectorJoin } from '../ui/projector/ProjectorHeader';
import { ProjectorStatus } from '../ui/projector/ProjectorStatus';
import { SpotlightVeil } from '../ui/projector/SpotlightVeil';
import { PrivateDrawingCard } from '../ui/privacy/PrivateDrawingCard';
import { api } from './api';
import { setTestHook } from './testHook';
import type { EaselView } from './useEasels';
import { useProjectorFit } from './useProjectorFit';
import type { NoteScene } from '../editor/noteScene';
import { NoteMarkers } from '../ui/notes/NoteMarkers';
import { NotesLegend } from '../ui/notes/NotesLegend';
import { useProjectorFollow } from './useProjectorFollow';
import { useMeasuredHeight } from './useMeasuredHeight';
import { useSpotlightRegion } from './useSpotlightRegion';
import type { LeaderView } from '../editor/follow';
import type { Store } from '../editor/store';

/** A renewed code reaches the wall within this long (and at once after a reconnect). */
const JOIN_CODE_REFRESH_MS = 30_000;

const NO_PEERS = createPeers();
/** Space (px) around the notes' legend. */
const LEGEND_GAP = 24;

/** The join code, asked of the server while it is shown; the last one known stays through errors. */
function useJoinCode(boardId: string, token: string, enabled: boolean, connected: boolean): ProjectorJoin | null {
  const [join, setJoin] = useState<ProjectorJoin | null>(null);
  useEffect(() => {
    if (!enabled || !connected) return;
    let live = true;
    const load = () =>
      api.joinCode(boardId, token).then(
        (r) => live && setJoin({ joinCode: r.joinCode, joinUrl: r.joinUrl, lanOrigins: r.lanOrigins }),
        () => {}, // keep the last code; the next round tries again
      );
    void load();
    const id = setInterval(load, JOIN_CODE_REFRESH_MS);
    return () => {
      live = false;
      clearInterval(id);
    };
  }, [boardId, token, enabled, connected]);
  return enabled ? join : null;
}

interface Props {
  boardId: string;
  token: string;
  board: Board | null;
  editor: Editor;
  live: LiveStrokes;
  /** The facilitator's laser: shown on the wall even though cursors are not. */
  lasers?: LaserTrails;
  /** The facilitator's view while they bring everyone to it: the wall follows it too. */
  leader?: Store<LeaderView | null>;
  ctx: ToolContext | null;
  synced: boolean;
  itemCount: number;
  title: string;
  prompt: string;
  timer: TimerState;
  now: () => number;
  showJoinCode: boolean;
  connection: ConnectionLabel;
  easels: EaselView;
  /** Private drawing is in force: the board waits behind a card until the reveal. */
  privateDrawing?: boolean;
  notes?: NoteScene | null;
}

export function ProjectorView({ boardId, token, board, editor, live, lasers, leader, ctx, synced, itemCount, title, prompt, timer, now, showJoinCode, connection, easels, privateDrawing = false, notes = null }: Props) {
  const join = useJoinCode(boardId, token, showJoinCode, connection === 'connected');
  const [headerHeight, headerRef] = useMeasuredHeight<HTMLDivElement>();
  const [captionHeight, bannerRef] = useMeasuredHeight<HTMLDivElement>();
  // The caption floats 24 px above the bottom edge: keep the board clear of it and of that gap.
  const bannerHeight = captionHeight > 0 ? captionHeight + 24 : 0;

  // The notes' legend takes a column on the right: the drawing is fitted beside it.
  const [legendWidth, setLegendWidth] = useState(0);
  const legendRef = useCallback((el: HTMLElement | null) => setLegendWidth(el ? Math.ceil(el.getBoundingClientRect().width) + LEGEND_GAP * 2 : 0), []);
  const aimed = useMemo(() => projectorAim(easels.settings, easels.easels), [easels]);
  // A spotlight shows the easel and its ink past the edge (editor/spotlightRegion.ts); a gallery the
  // same for every easel.
  const framed = useMemo(() => (aimed.easel ? [aimed.easel] : aimed.caption?.mode === 'gallery' ? easels.easels : null), [aimed, easels]);
  const region = useSpotlightRegion(board, ctx ? ctx.scene : null, framed);
  const aim = useMemo(() => (region ? { ...aimed, box: region } : aimed), [aimed, region]);
  // "Bring everyone to me" takes the projector along too; the usual fit waits meanwhile.
  const following = useProjectorFollow(editor, board, leader, headerHeight);
  useProjectorFit(editor, following ? null : board, ctx ? ctx.scene : null, headerHeight, aim, bannerHeight, legendWidth, notes);
  const canvasEasels = useMemo(() => (easels.settings.easels ? { list: easels.easels, namesOnTop: true } : undefined), [easels]);
  useEffect(() => {
    setTestHook({ camera: () => editor.camera });
    return () => setTestHook({ camera: undefined });
  }, [editor]);

  return (
    <div className="board-page projector">
      {board && <BoardCanvas board={board} editor={editor} live={live} peers={NO_PEERS} lasers={lasers} tool={null} onCursor={() => {}} fixedCamera easels={canvasEasels} images={imageCacheFor(boardId)} notes={privateDrawing ? null : notes} minInkPx={PROJECTED_MIN_INK_PX} />}
      {notes && !privateDrawing && <NoteMarkers notes={notes} editor={editor} large />}
      {notes && !privateDrawing && <NotesLegend notes={notes} ref={legendRef} top={headerHeight + LEGEND_GAP} within={aim.caption?.mode === 'spotlight' ? aim.box : null} />}
      {synced && itemCount === 0 && !canvasEasels && !privateDrawing && <EmptyHint canDraw={false} />}
      {privateDrawing && <PrivateDrawingCard top={headerHeight} />}
      <div ref={headerRef} className="proj-top">
        <ProjectorHeader title={title} prompt={prompt} timer={timer} now={now} join={join} pageOrigin={location.origin} gallery={aim.caption?.mode === 'gallery' ? aim.caption.count : null} />
      </div>
      {aim.caption?.mode === 'spotlight' && <SpotlightVeil editor={editor} box={aim.box} />}
      <ProjectorBanner aim={aim.caption} ref={bannerRef} />
      <ProjectorStatus state={connection} />
    </div>
  );
}
