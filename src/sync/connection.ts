/**
 * One board's connection: Y.Doc + Board model + local copy + y-websocket provider + presence +
 * live strokes. The only place that knows about y-websocket (and, through offline.ts, y-indexeddb).
 *
 * The provider stays stock; around it: the local copy (offline.ts) loads before the first connect;
 * the socket class (socket.ts) counts and holds document updates; the handshake (handshake.ts)
 * applies the epoch rule before our changes leave; commit confirmations drive "All changes saved"
 * (saveTracker.ts); reconnection uses our backoff with full jitter and retries at once when the
 * network returns or the tab becomes visible (reconnect.ts), instead of the provider's timer.
 *
 * Close codes (src/protocol/closeCodes.ts):
 *   4400 / 4403 / 4413  the server refused one of our updates (malformed, not allowed, or the board
 *                is full); Yjs cannot apply our later updates after a gap, and resending the same
 *                state would be refused again, so we start over from the server's state with a
 *                fresh Y.Doc, delete the local copy (or it would send the refused work again on
 *                every visit) and say why.
 *   4401 / 4404  reconnecting cannot help: stop, delete the local copy, show the message.
 *   1012         the server is restarting: reconnect quietly.
 *   anything else: reconnect with backoff; 4408 / 4409 / 4429 and 1009 also say why.
 */
import * as Y from 'yjs';
import type { Vec } from '../geometry/camera';
import type { LeaderView } from '../editor/follow';
import type { LaserPoint, LaserTrails } from '../editor/laser';
import type { LiveSink } from '../editor/live';
import type { LiveStrokes } from '../editor/liveStrokes';
import type { Peer } from '../editor/presence';
import { Store } from '../editor/store';
import { Board } from '../model/board';
import { REVOKED_REASON } from '../protocol/api';
import { CloseCode, describeClose } from '../protocol/closeCodes';
import { readConfirm } from '../protocol/confirm';
import { readLiveFromPeer } from '../protocol/liveStroke';
import { Capability, MessageType } from '../protocol/messages';
import { WebsocketProvider } from 'y-websocket';
import { Handshake } from './handshake';
import { LiveSender } from './liveSender';
import { LocalCopy, localCopyName } from './offline';
import { sendOnlyOwnAwareness } from './ownAwareness';
import { Presence, type PresenceUser } from './presence';
import { Reconnector } from './reconnect';
import { SaveTracker } from './saveTracker';
import { socketClass } from './socket';
import { SocketProbe, watchNetwork } from './wake';

export type ConnectionStatus = 'connecting' | 'connected' | 'disconnected';

export interface ConnectionState {
  board: Board;
  status: ConnectionStatus;
  synced: boolean;
  /** True once the first sync completed: "Reconnecting…" rather than "Connecting…" afterwards. */
  everSynced: boolean;
  /** Every change made on this device is committed by the server. */
  saved: boolean;
  /** Reconnecting stopped for good (4401/4404). */
  stopped: boolean;
  /** Plain words for the person, or null. */
  message: string | null;
  /** The facilitator removed this person from the workshop (4401 after a revoke). */
  removed: boolean;
}

export interface ConnectionOptions {
  boardId: string;
  token: string;
  user: PresenceUser;
  live: LiveStrokes;
  peers: Store<readonly Peer[]>;
  /** Remote laser trails (every screen). */
  lasers?: LaserTrails;
  /** The facilitator's view while they ask everyone to follow. */
  leader?: Store<LeaderView | null>;
  /** http(s) origin of the server; defaults to this page's. */
  origin?: string;
}

const RESTART_CODES = new Set<number>([CloseCode.BadMessage, CloseCode.Forbidden, CloseCode.DocumentTooLarge]);
const STOP_CODES = new Set<number>([CloseCode.Unauthorized, CloseCode.UnknownBoard]);
/** Codes whose reason is worth telling while we reconnect (a plain network drop or a restart is not). */
const TOLD_CODES = new Set<number>([CloseCode.MessageTooBig, CloseCode.HandshakeTimeout, CloseCode.RoomFull, CloseCode.DocumentTooLarge, CloseCode.TooManyMessages]);
const SWEEP_MS = 250;

export function wsBaseUrl(origin: string): string {
  return origin.replace(/^http/, 'ws') + '/ws';
}

export function discardedMessage(count: number): string {
  return count === 1
    ? 'The board was cleared while you were offline, so what you added meanwhile was removed.'
    : `The board was cleared while you were offline, so the ${count} things you added meanwhile were removed.`;
}

export class BoardConnection {
  readonly state: Store<ConnectionState>;
  /** Live output of this screen's tools: goes to the room. */
  readonly liveSink: LiveSink;
  private provider!: WebsocketProvider;
  private presence!: Presence;
  private copy!: LocalCopy;
  private offBoard: () => void = () => {};
  private restarts = 0;
  private restartTimer: ReturnType<typeof setTimeout> | null = null;
  /** The refused local copy's deletion, awaited before a restart opens a new one. */
  private cleared: Promise<void> = Promise.resolve();
  private readonly probe = new SocketProbe();
  private readonly unwatch: () => void;
  private readonly sweepTimer: ReturnType<typeof setInterval>;
  private readonly reconnector = new Reconnector(() => this.provider.connect());
  private destroyed = false;
  /** Set while we close a socket ourselves (destroy, restart, replacing a dead socket). */
  private closing = false;
  private reconnectMessage: string | null = null;

  private lastCloseReason = '';
  /** Re-announced by the presence of a restarted connection. */
  private view: LeaderView | null = null;

  constructor(private readonly opts: ConnectionOptions) {
    const sender = new LiveSender((bytes) => this.sendRaw(bytes));
    // Pen down/up also goes to presence as `drawing`, for the People panel of others.
    this.liveSink = {
      start: (s) => {
        this.presence.setDrawing(true);
        sender.start(s);
      },
      points: (p) => sender.points(p),
      end: () => {
        sender.end();
        this.presence.setDrawing(false);
      },
    };
    this.state = new Store<ConnectionState>({
      board: this.open(),
      status: 'connecting',
      synced: false,
      everSynced: false,
      saved: true,
      stopped: false,
      message: null,
      removed: false,
    });
    this.sweepTimer = setInterval(() => opts.live.sweep(), SWEEP_MS);
    this.unwatch = watchNetwork(this.wake, this.onOffline);
  }

  get board(): Board {
    return this.state.get().board;
  }

  setCursor(cursor: Vec | null): void {
    this.presence.setCursor(cursor);
  }

  /** This screen's laser trail (facilitator). */
  setLaser(trail: readonly LaserPoint[]): void {
    this.presence.setLaser(trail);
  }

  /** Where this facilitator's screen looks, for followers; null when nobody is asked to follow. */
  setView(view: LeaderView | null): void {
    this.view = view;
    this.presence.setView(view);
  }

  /** After a rename: presence now, and the next (re)connection too. */
  setUser(user: PresenceUser): void {
    this.opts.user = user;
    this.presence.setUser(user);
  }

  dismissMessage(): void {
    if (!this.state.get().stopped) this.patch({ message: null });
  }

  /** "Retry now": skip the backoff wait, or replace a socket that seems stuck. */
  retry(): void {
    if (this.destroyed || this.state.get().stopped) return;
    if (this.restartTimer !== null || this.reconnector.waiting) return this.wake();
    // A socket that is still trying to open (not one that has not started: the local copy loads first).
    if (!this.provider.wsconnected && this.provider.ws !== null) this.replaceSocket();
  }

  destroy(): void {
    this.destroyed = true;
    clearInterval(this.sweepTimer);
    if (this.restartTimer !== null) clearTimeout(this.restartTimer);
    this.probe.cancel();
    this.reconnector.cancel();
    this.unwatch();
    this.close();
  }

  private open(): Board {
    const { boardId, token, user, live, peers } = this.opts;
    const doc = new Y.Doc();
    const board = new Board(doc, user.id);
    const origin = this.opts.origin ?? location.origin;
    const copy = new LocalCopy(localCopyName(boardId, user.id), doc);
    const tracker = new SaveTracker((saved) => this.patch({ saved }));
    const handshake = new Handshake(doc, user.id, (n) => this.patch({ message: discardedMessage(n) }));
    // Registered before the provider's own listener, so a change is marked before it is sent.
    doc.on('update', (_update: Uint8Array, from: unknown) => {
      if (from !== provider) tracker.localChange();
    });
    const provider: WebsocketProvider = new WebsocketProvider(wsBaseUrl(origin), boardId, doc, {
      connect: false,
      params: { token, caps: `${Capability.Live},${Capability.Confirm}` },
      WebSocketPolyfill: socketClass({
        created: () => {
          tracker.socketChanged();
          handshake.start();
        },
        holding: () => handshake.holding,
        updateSent: () => tracker.updateSent(),
      }),
      // Tabs of one browser must not sync through BroadcastChannel: each has its own identity and
      // the server must see (and check) every update.
      disableBc: true,
      shouldReconnect: (event) => !RESTART_CODES.has(event.code) && !STOP_CODES.has(event.code),
    });
    sendOnlyOwnAwareness(provider);
    const syncHandler = provider.messageHandlers[MessageType.Sync]!;
    provider.messageHandlers[MessageType.Sync] = handshake.wrap(syncHandler);
    provider.messageHandlers[MessageType.Confirm] = (_encoder, decoder) => tracker.confirm(readConfirm(decoder));
    provider.messageHandlers[MessageType.Live] = (_encoder, decoder) => {
      try {
        const { sender, body } = readLiveFromPeer(decoder);
        live.applyRemote(sender, body);
      } catch {
        // A malformed live message only costs that preview; never the connection.
      }
    };
    provider.on('status', ({ status }) => {
      if (status !== 'connected') live.clearRemote();
      this.patch({ status });
    });
    provider.on('sync', (synced: boolean) => {
      if (synced) {
        this.restarts = 0;
        this.reconnector.reset();
      }
      const s = this.state?.get();
      // Once in sync again, a reconnect reason has served its purpose (a restart reason stays a while).
      const message = synced && s && !s.stopped && s.message === this.reconnectMessage ? null : s?.message ?? null;
      this.patch({ synced, everSynced: (s?.everSynced ?? false) || synced, message });
    });
    provider.on('connection-close', (event) => {
      tracker.socketChanged();
      if (this.closing) return;
      this.lastCloseReason = event?.reason ?? '';
      // The server's reason is for developers (plain words for people come from describeClose).
      if (event && event.code !== 1000 && event.code !== 1006) console.info(`sketchroom: connection closed ${event.code} ${event.reason}`);
      if (event && TOLD_CODES.has(event.code)) {
        this.reconnectMessage = describeClose(event.code);
        this.patch({ message: this.reconnectMessage });
      }
      if (event && !provider.shouldReconnect(event, provider)) return; // 'closed' follows
      // We decide when to try again (the provider's own timer then finds nothing to do).
      provider.shouldConnect = false;
      this.reconnector.schedule();
    });
    provider.on('closed', ({ code }) => this.onTerminalClose(code));
    this.provider = provider;
    this.copy = copy;
    this.presence = new Presence(provider.awareness, user, peers, { lasers: this.opts.lasers, leader: this.opts.leader });
    if (this.view) this.presence.setView(this.view);
    // The stored copy goes into the document before the first connection, so that the handshake
    // knows which epoch this device's work was made under.
    void copy.loaded.then(() => {
      if (!this.destroyed && this.provider === provider) provider.connect();
    });
    // A committed item replaces its live preview on every screen.
    this.offBoard = board.subscribe((change) => {
      for (const id of change.upserted) live.removeItem(id);
    });
    return board;
  }

  private onTerminalClose(code: number): void {
    if (this.destroyed) return;
    if (STOP_CODES.has(code)) {
      // The server closes a revoked participant's connection with REVOKED_REASON: its own words.
      const removed = code === CloseCode.Unauthorized && this.lastCloseReason === REVOKED_REASON;
      this.patch({ status: 'disconnected', synced: false, stopped: true, removed, message: removed ? REVOKED_REASON : describeClose(code) });
      // This device's copy can never be sent with this token.
      void this.copy.clear();
      return;
    }
    // Restart from the server's state with a fresh document. Back off if it keeps happening, so a
    // persistent fault cannot turn into a reconnect storm.
    this.patch({ status: 'connecting', synced: false, message: describeClose(code) });
    this.close();
    this.cleared = this.copy.clear();
    const delay = Math.min(10_000, 250 * 2 ** this.restarts++);
    this.restartTimer = setTimeout(() => this.reopen(), delay);
  }

  /** The restart's second half: a fresh document once the refused local copy is gone. */
  private reopen(): void {
    if (this.restartTimer !== null) clearTimeout(this.restartTimer);
    this.restartTimer = null;
    void this.cleared.then(() => {
      if (!this.destroyed) this.patch({ board: this.open(), saved: true });
    });
  }

  /** Network back or tab visible again: retry now, or check that the open socket still answers. */
  private readonly wake = (): void => {
    if (this.destroyed || this.state.get().stopped) return;
    if (this.restartTimer !== null) return this.reopen();
    if (this.reconnector.waiting) return this.reconnector.now();
    // After sleep a socket can look open and be dead.
    const provider = this.provider;
    this.probe.start(provider, () => {
      if (provider === this.provider) this.replaceSocket();
    });
  };

  /**
   * The browser knows it is offline (it is never wrong about that, only about being online): drop
   * the socket now rather than wait for it to time out, and retry with backoff (or when online).
   */
  private readonly onOffline = (): void => {
    if (this.destroyed || this.state.get().stopped || this.restartTimer !== null) return;
    this.closing = true;
    this.provider.disconnect();
    this.closing = false;
    this.reconnector.schedule();
  };

  /** Drops the current socket (if any) and connects a new one now. */
  private replaceSocket(): void {
    const provider = this.provider;
    this.closing = true;
    provider.disconnect();
    this.closing = false;
    this.reconnector.cancel();
    provider.connect();
  }

  private close(): void {
    this.closing = true;
    this.offBoard();
    this.presence.destroy();
    this.provider.destroy();
    this.copy.destroy();
    this.board.destroy();
    this.board.doc.destroy();
    this.opts.live.clearRemote();
    this.closing = false;
  }

  private sendRaw(bytes: Uint8Array): void {
    const ws = this.provider.ws;
    if (this.provider.wsconnected && ws && ws.readyState === WebSocket.OPEN) ws.send(bytes);
  }

  private patch(p: Partial<ConnectionState>): void {
    // The provider emits 'status' from inside its constructor, before `state` exists.
    if (!this.state) return;
    this.state.update((s) => ({ ...s, ...p }));
  }
}
