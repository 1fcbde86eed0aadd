/** The board screen: canvas, top bar, toolbar, panels, notices. Composition only; the parts do the work. */
import { useCallback, useEffect, useMemo, useState, useSyncExternalStore } from 'react';
import { BoardCanvas } from '../canvas/BoardCanvas';
import { imageCacheFor } from '../canvas/images/imageCache';
import { createPeers } from '../editor/presence';
import { permissionContext, setSessionFlags } from '../model/session';
import { canDraw } from '../protocol/roles';
import { EaselHint } from '../ui/EaselHint';
import { EmptyHint } from '../ui/EmptyHint';
import { EaselsSection } from '../ui/facilitate/EaselsSection';
import { FacilitateButton } from '../ui/facilitate/FacilitateButton';
import { FacilitatePanel } from '../ui/facilitate/FacilitatePanel';
import { TimerChip } from '../ui/facilitate/TimerChip';
import { InviteButton } from '../ui/invite/InviteButton';
import { InvitePanel } from '../ui/invite/InvitePanel';
import { MessagePage } from '../ui/MessagePage';
import { Notice } from '../ui/Notice';
import { PausedNotice } from '../ui/PausedNotice';
import { PeopleButton } from '../ui/people/PeopleButton';
import { derivePeople, type Person } from '../ui/people/peopleList';
import { PeoplePanel } from '../ui/people/PeoplePanel';
import { TextEditor } from '../ui/TextEditor';
import { Toolbar } from '../ui/Toolbar';
import { ShortcutsButton, ShortcutsPanel } from '../ui/toolbar/ShortcutsPanel';
import { ViewControls } from '../ui/toolbar/ViewControls';
import { TopBar } from '../ui/TopBar';
import { useCapture } from '../ui/capture/useCapture';
import { api } from './api';
import type { Identity } from './identity';
import { useBoardSession } from './useBoardSession';
import { useFollow } from './useFollow';
import { FollowPill } from '../ui/follow/FollowPill';
import { FollowSection } from '../ui/follow/FollowSection';
import { connectionLabel } from './connectionLabel';
import { useEaselActions, useFacilitatorActions } from './useFacilitatorActions';
import { useBoardMeta, useLockWhenTimeIsUp, useOnline, useServerClock, useSessionFlags, useTimer } from './useSessionState';
import { useDevicePreference } from './useDevicePreference';
import { useEasels } from './useEasels';
import { useShowMyEasel } from './useShowMyEasel';
import { setTestHook } from './testHook';
import { useKeyboardShortcuts } from './useKeyboardShortcuts';
import { useNoteScene } from './useNoteScene';
import { NoteEditor } from '../ui/notes/NoteEditor';
import { NoteMarkers } from '../ui/notes/NoteMarkers';
import { NotesButton, NotesPanel } from '../ui/notes/NotesPanel';
import { ParticipantNotesSwitch } from '../ui/notes/ParticipantNotesSwitch';
import { useNotes } from '../ui/notes/useNotes';
import { ProjectorView } from './ProjectorView';
import { canvasMeasure } from './measureText';
import { usePhase } from './usePhase';
import { PrivacyBanner } from '../ui/privacy/PrivacyBanner';
import { ExportButton } from '../ui/export/ExportButton';
import { ExportDialog } from '../ui/export/ExportDialog';
import { HideNamesSection } from '../ui/export/HideNamesSection';
import { createExporter } from './exportService';

const NO_PEERS = createPeers();

interface Props {
  boardId: string;
  identity: Identity;
  fallbackTitle: string;
  /** A new name was saved: store it with the identity. */
  onIdentityChange(identity: Identity): void;
  /** Forget this identity and show the join card (after the server refused the token). */
  onRejoin?: () => void;
}

export function BoardView({ boardId, identity, fallbackTitle, onIdentityChange, onRejoin }: Props) {
  const session = useBoardSession(boardId, identity);
  const { editor, live, peers, lasers, leader, connection, state, ctx } = session;
  const board = state?.board ?? null;
  const flags = useSessionFlags(board);
  const { timer, showJoinCode } = useTimer(board);
  const easelView = useEasels(board);
  useShowMyEasel(editor, easelView, identity.role, identity.participantId);
  useEffect(() => setTestHook({ camera: () => editor.camera }), [editor]);
  const phase = usePhase(board);
  const clock = useServerClock();
  const follow = useFollow(editor, state?.board ?? null, connection, leader, identity.role);
  const isProjector = identity.role === 'projector';
  const isFacilitator = identity.role === 'facilitator';
  // The same rules as the server: never offer a pen it would refuse. A refused token will never
  // sync again: offering the pen would only lose ink.
  const paused = !canDraw(identity.role, permissionContext(flags)) && canDraw(identity.role);
  const tool = state?.stopped || paused ? null : session.tool;
  const online = useOnline();
  const peerList = useSyncExternalStore(peers.subscribe, peers.get);
  const meta = useBoardMeta(board, !!state?.synced);
  const [itemCount, setItemCount] = useState(0);
  const [panel, setPanel] = useState<'people' | 'invite' | 'facilitate' | 'notes' | null>(null);
  const notes = useNoteScene(board, ctx);
  const noteCount = useNotes(notes).length;
  const [showCursors, setShowCursors] = useDevicePreference('sketchroom.showCursors', true);
  const [exportOpen, setExportOpen] = useState(false);
  const exporter = useMemo(() => createExporter({ boardId, identity, board: () => session.connection?.board ?? null, editor }), [boardId, identity, session.connection, editor]);

  useEffect(() => {
    if (!board) return;
    const read = () => setItemCount(board.size);
    read();
    return board.subscribe(read);
  }, [board]);

  useLockWhenTimeIsUp(board, isFacilitator && !!state?.synced && timer.state === 'running' && timer.lockWhenDone && !timer.lockApplied, clock);
  const facilitatorActions = useFacilitatorActions(board, isFacilitator, clock);
  const easelActions = useEaselActions(board, isFacilitator);

  // Easels under the ink when on; the facilitator's screen marks the one on the projector.
  const { settings: easelSettings, easels: easelList } = easelView;
  const canvasEasels = useMemo(() => {
    if (!easelSettings.easels) return undefined;
    const { mode, easel } = easelSettings.projector;
    return { list: easelList, spotlight: isFacilitator && mode === 'spotlight' ? easel : undefined };
  }, [easelSettings, easelList, isFacilitator]);

  const [helpOpen, setHelpOpen] = useState(false);
  const toggleHelp = useCallback(() => setHelpOpen((open) => !open), []);
  const closeHelp = useCallback(() => setHelpOpen(false), []);
  useKeyboardShortcuts(ctx, tool, toggleHelp);
  const capture = useCapture({ ctx, boardId, token: identity.token, enabled: tool !== null && !isProjector });

  const people = useMemo(
    () => derivePeople({ participantId: identity.participantId, name: identity.name, color: identity.color, role: identity.role, drawing: false }, peerList),
    [identity, peerList],
  );

  const { token } = identity;
  const loadInvite = useCallback(() => api.invite(boardId, token), [boardId, token]);
  const renewCode = useCallback(() => api.newJoinCode(boardId, token), [boardId, token]);
  const rename = useCallback(
    async (name: string) => {
      const me = await api.rename(boardId, token, name);
      onIdentityChange({ ...identity, name: me.name, color: me.color });
    },
    [boardId, token, identity, onIdentityChange],
  );
  const remove = useCallback((p: Person) => api.revoke(boardId, token, p.participantId), [boardId, token]);
  const closePanel = useCallback(() => setPanel(null), []);

  if (state?.removed) {
    return (
      <MessagePage
        title="Removed from the workshop"
        text={state.message ?? 'You were removed from this workshop by the facilitator.'}
        action={{ label: 'Go to the start page', href: '/' }}
      />
    );
  }

  const message = state?.message ?? null;

  if (isProjector) {
    return (
      <ProjectorView
        boardId={boardId}
        token={token}
        board={board}
        editor={editor}
        live={live}
        lasers={lasers}
        leader={leader}
        ctx={ctx}
        synced={!!state?.synced}
        itemCount={itemCount}
        title={meta?.title || fallbackTitle}
        prompt={meta?.prompt ?? ''}
        timer={timer}
        now={clock.now}
        showJoinCode={showJoinCode}
        connection={connectionLabel(state, online, false)}
        easels={easelView}
        privateDrawing={phase.hiding}
        notes={notes}
      />
    );
  }

  return (
    <div className="board-page">
      {board && (
        <BoardCanvas
          board={board}
          editor={editor}
          live={live}
          peers={showCursors ? peers : NO_PEERS}
          lasers={lasers}
          tool={tool}
          easels={canvasEasels}
          // A projector is a screen, not a person: it has no cursor to share.
          onCursor={(c) => !isProjector && connection?.setCursor(c)}
          images={imageCacheFor(boardId)}
          notes={notes}
        />
      )}
      {notes && <NoteMarkers notes={notes} editor={editor} />}
      {state?.synced && itemCount === 0 && <EmptyHint canDraw={tool !== null} />}
      <TopBar
        title={meta?.title || fallbackTitle}
        prompt={meta?.prompt ?? ''}
        me={isProjector ? undefined : { name: identity.name, color: identity.color }}
        connection={connectionLabel(state, online)}
        onRetry={() => connection?.retry()}
        timer={<TimerChip timer={timer} now={clock.now} />}
      >
        {!isProjector && <NotesButton count={noteCount} expanded={panel === 'notes'} onClick={() => setPanel(panel === 'notes' ? null : 'notes')} />}
        {!isProjector && <PeopleButton count={people.length} expanded={panel === 'people'} onClick={() => setPanel(panel === 'people' ? null : 'people')} />}
        {isFacilitator && <FacilitateButton expanded={panel === 'facilitate'} onClick={() => setPanel(panel === 'facilitate' ? null : 'facilitate')} />}
        {isFacilitator && <InviteButton expanded={panel === 'invite'} onClick={() => setPanel('invite')} />}
        {!isProjector && <ExportButton expanded={exportOpen} onClick={() => setExportOpen(true)} />}
      </TopBar>
      {exportOpen && <ExportDialog exporter={exporter} onClose={() => setExportOpen(false)} />}
      {tool && ctx && <Toolbar ctx={ctx} facilitator={isFacilitator} extra={capture.buttons} />}
      {capture.dialog}
      <FollowPill mode={follow.mode} onStop={follow.stop} onFollow={follow.follow} />
      {tool && ctx && <TextEditor ctx={ctx} measure={canvasMeasure} />}
      {tool && ctx && notes && <NoteEditor ctx={ctx} notes={notes} />}
      {board && ctx && <ViewControls ctx={ctx} canEdit={tool !== null} />}
      {tool && <ShortcutsButton open={helpOpen} onToggle={toggleHelp} />}
      {tool && helpOpen && <ShortcutsPanel onClose={closeHelp} />}
      {paused && !state?.stopped && <PausedNotice />}
      {tool && <EaselHint hint={session.hint} />}
      {state?.synced && <PrivacyBanner role={identity.role} hiding={phase.hiding} revealed={phase.phase === 'reveal'} />}
      {panel === 'people' && !isProjector && (
        <PeoplePanel
          people={people}
          canRemove={isFacilitator}
          showCursors={showCursors}
          onShowCursors={setShowCursors}
          allowEditOthers={flags.allowEditOthers}
          onAllowEditOthers={isFacilitator && board ? (allow) => setSessionFlags(board.doc, { allowEditOthers: allow }) : undefined}
          onRename={rename}
          onRemove={remove}
          onClose={closePanel}
        />
      )}
      {panel === 'facilitate' && facilitatorActions && (
        <FacilitatePanel
          prompt={meta?.prompt ?? ''}
          timer={timer}
          now={clock.now}
          locked={flags.locked}
          showJoinCode={showJoinCode}
          itemCount={itemCount}
          phase={phase.phase}
          privateDrawing={phase.privateDrawing}
          actions={facilitatorActions}
          onClose={closePanel}
          easels={
            easelActions && (
              <EaselsSection
                on={easelView.settings.easels}
                easelOnly={easelView.settings.easelOnly}
                projector={easelView.settings.projector}
                easels={easelView.easels}
                actions={easelActions}
              />
            )
          }
          drawingExtras={board && <ParticipantNotesSwitch board={board} />}
        >
          <FollowSection on={follow.request.on} onBring={() => follow.setOn(true)} onRoam={() => follow.setOn(false)} />
          {board && <HideNamesSection board={board} />}
        </FacilitatePanel>
      )}
      {panel === 'notes' && ctx && notes && <NotesPanel ctx={ctx} notes={notes} onClose={closePanel} />}
      {panel === 'invite' && isFacilitator && <InvitePanel load={loadInvite} renew={renewCode} pageOrigin={location.origin} onClose={closePanel} />}
      {message && (
        <Notice
          text={message}
          tone={state?.stopped ? 'error' : 'info'}
          onDismiss={state?.stopped ? undefined : () => connection?.dismissMessage()}
          action={state?.stopped && onRejoin ? { label: 'Join again', run: onRejoin } : undefined}
        />
      )}
    </div>
  );
}
