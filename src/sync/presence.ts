/**
 * Presence over Yjs awareness. Local state shape (contract):
 *   { user: { id, name, color, role }, cursor: { x, y } | null, drawing: boolean }   (board coordinates)
 * `drawing` is true while this screen's pen is down. Our cursor is throttled to ~30 Hz: awareness
 * fans out to everyone, so each move costs N messages. Remote states are read leniently: another
 * client's awareness is untrusted input. A projector is a screen, not a person: it sends no presence.
 */
import type { Awareness } from 'y-protocols/awareness';
import type { Vec } from '../geometry/camera';
import type { Peer } from '../editor/presence';
import type { Store } from '../editor/store';

export interface PresenceUser {
  id: string;
  name: string;
  color: string;
  role: string;
}

const CURSOR_INTERVAL_MS = 33;
const COLOR = /^#[0-9a-fA-F]{6}$/;

function readPeer(clientId: number, state: unknown): Peer | null {
  if (typeof state !== 'object' || state === null) return null;
  const { user, cursor, drawing } = state as { user?: unknown; cursor?: unknown; drawing?: unknown };
  if (typeof user !== 'object' || user === null) return null;
  const u = user as Record<string, unknown>;
  if (typeof u.name !== 'string' || typeof u.color !== 'string' || !COLOR.test(u.color)) return null;
  let point: Vec | null = null;
  if (typeof cursor === 'object' && cursor !== null) {
    const c = cursor as Record<string, unknown>;
    if (typeof c.x === 'number' && typeof c.y === 'number' && Number.isFinite(c.x) && Number.isFinite(c.y)) {
      point = { x: c.x, y: c.y };
    }
  }
  return {
    clientId,
    participantId: typeof u.id === 'string' ? u.id.slice(0, 32) : '',
    name: u.name.slice(0, 40),
    color: u.color,
    role: typeof u.role === 'string' ? u.role.slice(0, 16) : 'participant',
    cursor: point,
    drawing: drawing === true,
  };
}

export class Presence {
  private pendingCursor: Vec | null = null;
  private lastSent = 0;
  private timer: ReturnType<typeof setTimeout> | null = null;

  private drawing = false;
  private readonly silent: boolean;

  constructor(
    private readonly awareness: Awareness,
    private user: PresenceUser,
    private readonly peers: Store<readonly Peer[]>,
  ) {
    this.silent = user.role === 'projector';
    awareness.setLocalState(this.silent ? null : { user, cursor: null, drawing: false });
    awareness.on('change', this.onChange);
    this.onChange();
  }

  /** A new name (after a rename): everyone's People panel and cursor label follow. */
  setUser(user: PresenceUser): void {
    this.user = user;
    if (!this.silent) this.awareness.setLocalStateField('user', user);
  }

  /** Pen down / up: shown as "drawing now" in other people's People panel. */
  setDrawing(drawing: boolean): void {
    if (this.silent || drawing === this.drawing) return;
    this.drawing = drawing;
    this.awareness.setLocalStateField('drawing', drawing);
  }

  setCursor(cursor: Vec | null): void {
    if (this.silent) return;
    this.pendingCursor = cursor ? { x: Math.round(cursor.x * 10) / 10, y: Math.round(cursor.y * 10) / 10 } : null;
    if (this.timer !== null) return;
    const wait = this.lastSent + CURSOR_INTERVAL_MS - Date.now();
    if (wait <= 0) this.flush();
    else this.timer = setTimeout(() => this.flush(), wait);
  }

  destroy(): void {
    if (this.timer !== null) clearTimeout(this.timer);
    this.awareness.off('change', this.onChange);
    this.awareness.setLocalState(null);
    this.peers.set([]);
  }

  private flush(): void {
    this.timer = null;
    this.lastSent = Date.now();
    this.awareness.setLocalStateField('cursor', this.pendingCursor);
  }

  private readonly onChange = (change?: { added: number[]; updated: number[]; removed: number[] }): void => {
    // Our own cursor moves also fire 'change': they change nobody in the list of others.
    if (change) {
      const ids = [...change.added, ...change.updated, ...change.removed];
      if (ids.every((id) => id === this.awareness.clientID)) return;
    }
    const peers: Peer[] = [];
    for (const [clientId, state] of this.awareness.getStates()) {
      if (clientId === this.awareness.clientID) continue;
      const peer = readPeer(clientId, state);
      if (peer) peers.push(peer);
    }
    this.peers.set(peers);
  };
}
