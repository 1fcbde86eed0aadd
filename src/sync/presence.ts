/**
 * Presence over Yjs awareness. Local state shape (contract):
 *   { user: { id, name, color, role }, cursor: { x, y } | null, drawing: boolean,
 *     laser?: [x, y, ageMs, dx, dy, dAge, ...] | null, view?: { cx, cy, zoom, w, h } | null }   (board coordinates)
 * `drawing` is true while this screen's pen is down. `laser` (facilitator) is the last 850 ms of the
 * laser pointer's trail, `view` (facilitator, while "Bring everyone to me" is on) where they look.
 * Cursor, laser and view changes are throttled together to ~30 Hz, one awareness message each time:
 * awareness fans out to everyone, so each message costs N. Remote states are read leniently: another
 * client's awareness is untrusted input. A projector is a screen, not a person: it sends no presence.
 */
import type { Awareness } from 'y-protocols/awareness';
import type { Vec } from '../geometry/camera';
import { parseLeaderView, sameView, type LeaderView } from '../editor/follow';
import { decodeTrail, encodeTrail, LASER_WINDOW_MS, type LaserPoint, type LaserTrails } from '../editor/laser';
import type { Peer } from '../editor/presence';
import type { Store } from '../editor/store';

export interface PresenceUser {
  id: string;
  name: string;
  color: string;
  role: string;
}

const CURSOR_INTERVAL_MS = 33;

/** Optional parts of presence: the laser pointer and the facilitator's view for followers. */
export interface PresenceExtras {
  /** Remote laser trails go here (every screen, the projector included). */
  lasers?: LaserTrails;
  /** The facilitator's view, when one publishes it. */
  leader?: Store<LeaderView | null>;
}

type Throttled = 'cursor' | 'laser' | 'view';
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
  private readonly pending = new Map<Throttled, unknown>();
  private lastSent = 0;
  private timer: ReturnType<typeof setTimeout> | null = null;
  /** Sends `laser: null` once the last trail has aged out, so late joiners never see a stale one. */
  private laserClear: ReturnType<typeof setTimeout> | null = null;
  private laserTrail: readonly LaserPoint[] = [];
  /** Each remote laser as last received (JSON): a message that only moved the cursor keeps the trail's timing. */
  private readonly remoteLasers = new Map<number, string>();

  private drawing = false;
  private readonly silent: boolean;

  constructor(
    private readonly awareness: Awareness,
    private user: PresenceUser,
    private readonly peers: Store<readonly Peer[]>,
    private readonly extras: PresenceExtras = {},
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
    this.queue('cursor', cursor ? { x: Math.round(cursor.x * 10) / 10, y: Math.round(cursor.y * 10) / 10 } : null);
  }

  /** This screen's laser trail changed (its points on performance.now() time). */
  setLaser(trail: readonly LaserPoint[]): void {
    this.laserTrail = trail;
    this.queue('laser', null); // encoded when sent, with ages as of then
  }

  /** Where this (facilitator's) screen looks, for followers; null when nobody follows. */
  setView(view: LeaderView | null): void {
    this.queue('view', view);
  }

  private queue(field: Throttled, value: unknown): void {
    if (this.silent) return;
    this.pending.set(field, value);
    if (this.timer !== null) return;
    const wait = this.lastSent + CURSOR_INTERVAL_MS - Date.now();
    if (wait <= 0) this.flush();
    else this.timer = setTimeout(() => this.flush(), wait);
  }

  destroy(): void {
    if (this.timer !== null) clearTimeout(this.timer);
    if (this.laserClear !== null) clearTimeout(this.laserClear);
    this.awareness.off('change', this.onChange);
    this.awareness.setLocalState(null);
    this.peers.set([]);
  }

  private flush(): void {
    this.timer = null;
    this.lastSent = Date.now();
    const current = this.awareness.getLocalState();
    if (current === null) return;
    const next: Record<string, unknown> = { ...current };
    for (const [field, value] of this.pending) next[field] = value;
    if (this.pending.has('laser')) {
      const wire = encodeTrail(this.laserTrail, performance.now());
      next.laser = wire.length > 0 ? wire : null;
      if (this.laserClear !== null) clearTimeout(this.laserClear);
      this.laserClear = wire.length > 0 ? setTimeout(() => {
        this.laserClear = null;
        this.setLaser(this.laserTrail);
      }, LASER_WINDOW_MS + 50) : null;
    }
    this.pending.clear();
    // One message for everything that changed in this interval.
    this.awareness.setLocalState(next);
  }

  private readonly onChange = (change?: { added: number[]; updated: number[]; removed: number[] }): void => {
    // Our own cursor moves also fire 'change': they change nobody in the list of others.
    if (change) {
      const ids = [...change.added, ...change.updated, ...change.removed];
      if (ids.every((id) => id === this.awareness.clientID)) return;
    }
    const peers: Peer[] = [];
    const now = performance.now();
    const changed = change ? new Set([...change.added, ...change.updated]) : null;
    const present = new Set<number>();
    let leader: LeaderView | null = null;
    for (const [clientId, state] of this.awareness.getStates()) {
      if (clientId === this.awareness.clientID) continue;
      const peer = readPeer(clientId, state);
      if (!peer) continue;
      peers.push(peer);
      // The server sets `role` from the connection's token: only a facilitator's laser and view count.
      if (peer.role !== 'facilitator') continue;
      const { laser, view } = state as { laser?: unknown; view?: unknown };
      present.add(clientId);
      const text = JSON.stringify(laser ?? null);
      if (this.extras.lasers && (!changed || changed.has(clientId)) && this.remoteLasers.get(clientId) !== text) {
        this.remoteLasers.set(clientId, text);
        this.extras.lasers.setRemote(clientId, decodeTrail(laser, now));
      }
      leader ??= parseLeaderView(view);
    }
    for (const id of this.remoteLasers.keys()) if (!present.has(id)) this.remoteLasers.delete(id);
    this.peers.set(peers);
    this.extras.lasers?.keepOnly(present);
    const store = this.extras.leader;
    if (store && !sameView(store.get(), leader)) store.set(leader);
  };
}
