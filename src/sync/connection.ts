/**
 * One board's connection: Y.Doc + Board model + y-websocket provider + presence + live strokes.
 * The only place that knows about y-websocket.
 *
 * Close codes (src/protocol/closeCodes.ts):
 *   4400 / 4403 / 4413  the server refused one of our updates (malformed, not allowed, or the board
 *                is full); Yjs cannot apply our later updates after a gap, and resending the same
 *                state would be refused again, so we start over from the server's state with a
 *                fresh Y.Doc and say why.
 *   4401 / 4404  reconnecting cannot help: stop and show the message.
 *   anything else: the provider reconnects with backoff.
 */
import * as encoding from 'lib0/encoding';
import * as awarenessProtocol from 'y-protocols/awareness';
import { WebsocketProvider } from 'y-websocket';
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
import { readLiveFromPeer } from '../protocol/liveStroke';
import { Capability, MessageType } from '../protocol/messages';
import { LiveSender } from './liveSender';
import { Presence, type PresenceUser } from './presence';

export type ConnectionStatus = 'connecting' | 'connected' | 'disconnected';

export interface ConnectionState {
  board: Board;
  status: ConnectionStatus;
  synced: boolean;
  /** True once the first sync completed: "Reconnecting…" rather than "Connecting…" afterwards. */
  everSynced: boolean;
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
/** Codes whose reason is worth telling while we reconnect (a plain network drop is not). */
const TOLD_CODES = new Set<number>([CloseCode.ServiceRestart, CloseCode.MessageTooBig, CloseCode.RoomFull, CloseCode.DocumentTooLarge, CloseCode.TooManyMessages]);
const SWEEP_MS = 250;

export function wsBaseUrl(origin: string): string {
  return origin.replace(/^http/, 'ws') + '/ws';
}

/**
 * The stock provider re-broadcasts every awareness change it sees, other people's included (and
 * their removal when they time out). Our server accepts presence only for a connection's own client
 * ids and closes with 4400 otherwise, so send only ours.
 */
function sendOnlyOwnAwareness(provider: WebsocketProvider): void {
  const awareness = provider.awareness;
  awareness.off('update', provider._awarenessUpdateHandler);
  provider._awarenessUpdateHandler = ({ added, updated, removed }: { added: number[]; updated: number[]; removed: number[] }) => {
    const own = awareness.clientID;
    if (![...added, ...updated, ...removed].includes(own)) return;
    const ws = provider.ws;
    if (!provider.wsconnected || !ws || ws.readyState !== WebSocket.OPEN) return;
    const enc = encoding.createEncoder();
    encoding.writeVarUint(enc, MessageType.Awareness);
    encoding.writeVarUint8Array(enc, awarenessProtocol.encodeAwarenessUpdate(awareness, [own]));
    ws.send(encoding.toUint8Array(enc));
  };
  awareness.on('update', provider._awarenessUpdateHandler);
}

export class BoardConnection {
  readonly state: Store<ConnectionState>;
  /** Live output of this screen's tools: goes to the room. */
  readonly liveSink: LiveSink;
  private provider!: WebsocketProvider;
  private presence!: Presence;
  private offBoard: () => void = () => {};
  private restarts = 0;
  private restartTimer: ReturnType<typeof setTimeout> | null = null;
  private readonly sweepTimer: ReturnType<typeof setInterval>;
  private destroyed = false;
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
      stopped: false,
      message: null,
      removed: false,
    });
    this.sweepTimer = setInterval(() => opts.live.sweep(), SWEEP_MS);
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

  destroy(): void {
    this.destroyed = true;
    clearInterval(this.sweepTimer);
    if (this.restartTimer !== null) clearTimeout(this.restartTimer);
    this.close();
  }

  private open(): Board {
    const { boardId, token, user, live, peers } = this.opts;
    const doc = new Y.Doc();
    const board = new Board(doc, user.id);
    const origin = this.opts.origin ?? location.origin;
    const provider = new WebsocketProvider(wsBaseUrl(origin), boardId, doc, {
      params: { token, caps: Capability.Live },
      // Tabs of one browser must not sync through BroadcastChannel: each has its own identity and
      // the server must see (and check) every update.
      disableBc: true,
      shouldReconnect: (event) => !RESTART_CODES.has(event.code) && !STOP_CODES.has(event.code),
    });
    sendOnlyOwnAwareness(provider);
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
      if (synced) this.restarts = 0;
      const s = this.state?.get();
      // Once in sync again, a reconnect reason has served its purpose (a restart reason stays a while).
      const message = synced && s && !s.stopped && s.message === this.reconnectMessage ? null : s?.message ?? null;
      this.patch({ synced, everSynced: (s?.everSynced ?? false) || synced, message });
    });
    provider.on('connection-close', (event) => {
      this.lastCloseReason = event?.reason ?? '';
      // The server's reason is for developers (plain words for people come from describeClose).
      if (event && event.code !== 1000 && event.code !== 1006) console.info(`sketchroom: connection closed ${event.code} ${event.reason}`);
      if (event && TOLD_CODES.has(event.code)) {
        this.reconnectMessage = describeClose(event.code);
        this.patch({ message: this.reconnectMessage });
      }
    });
    provider.on('closed', ({ code }) => this.onTerminalClose(code));
    this.provider = provider;
    this.presence = new Presence(provider.awareness, user, peers, { lasers: this.opts.lasers, leader: this.opts.leader });
    if (this.view) this.presence.setView(this.view);
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
      return;
    }
    // Restart from the server's state with a fresh document. Back off if it keeps happening, so a
    // persistent fault cannot turn into a reconnect storm.
    this.patch({ status: 'connecting', synced: false, message: describeClose(code) });
    this.close();
    const delay = Math.min(10_000, 250 * 2 ** this.restarts++);
    this.restartTimer = setTimeout(() => {
      this.restartTimer = null;
      if (!this.destroyed) this.patch({ board: this.open() });
    }, delay);
  }

  private close(): void {
    this.offBoard();
    this.presence.destroy();
    this.provider.destroy();
    this.board.destroy();
    this.board.doc.destroy();
    this.opts.live.clearRemote();
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
