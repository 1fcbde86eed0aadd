/**
 * Checks an awareness update before it reaches the room's Awareness: size cap, well-formed, and
 * it keeps only the entries for client ids this connection controls or may claim. Entries for
 * other connections' ids are dropped, not refused: a stock y-websocket provider echoes every
 * awareness change it receives back to the server, so they are normal traffic, and dropping them
 * still means no connection can rewrite or remove someone else's presence (SECURITY-NOTES).
 *
 * Presence is owned: each kept state is corrected to speak for its connection (user.id is the
 * participant id, user.role the role, user.name plain text of at most 40 characters, the cursor
 * two finite numbers or null; `laser` and `view` only from the facilitator). A state that is not an
 * object is dropped. Honest clients never notice; nobody can show up as someone else.
 */
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import { TEXT_LIMITS } from '../../src/protocol/api';
import type { Role } from '../../src/protocol/roles';
import { plainText, truncateText } from '../../src/protocol/text';
import { malformed, Refusal } from './inspect/refusal';

export const MAX_AWARENESS_IDS_PER_CONNECTION = 4;

export interface AwarenessEntry {
  clientId: number;
  clock: number;
  /** JSON text of the state ("null" = removal). */
  state: string;
}

export interface FilteredAwareness {
  /** Client ids the kept entries speak for (now claimed by this connection). */
  ids: number[];
  /** The update re-encoded with only those entries; null if nothing is left. */
  update: Uint8Array | null;
}

export interface PresenceOwner {
  participantId: string;
  role: Role;
  name: string;
  color: string;
}

export function parseAwareness(update: Uint8Array, maxBytes: number): AwarenessEntry[] {
  if (update.length > maxBytes) throw malformed('awareness update too large');
  const dec = decoding.createDecoder(update.slice());
  const entries: AwarenessEntry[] = [];
  try {
    const count = decoding.readVarUint(dec);
    if (count * 3 > update.length) throw malformed('malformed awareness update');
    for (let i = 0; i < count; i++) {
      const clientId = decoding.readVarUint(dec);
      const clock = decoding.readVarUint(dec);
      const state = decoding.readVarString(dec);
      JSON.parse(state);
      entries.push({ clientId, clock, state });
    }
  } catch (error) {
    if (error instanceof Refusal) throw error;
    throw malformed('malformed awareness update');
  }
  if (decoding.hasContent(dec)) throw malformed('malformed awareness update');
  return entries;
}

export function encodeAwareness(entries: readonly AwarenessEntry[]): Uint8Array {
  const enc = encoding.createEncoder();
  encoding.writeVarUint(enc, entries.length);
  for (const e of entries) {
    encoding.writeVarUint(enc, e.clientId);
    encoding.writeVarUint(enc, e.clock);
    encoding.writeVarString(enc, e.state);
  }
  return encoding.toUint8Array(enc);
}

const COLOR = /^#[0-9A-Fa-f]{6}$/;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The state corrected to speak for `owner`, or null to drop it. Removals ("null") pass as they are. */
export function ownState(state: string, owner: PresenceOwner): string | null {
  const value = JSON.parse(state) as unknown;
  if (value === null) return state;
  if (!isRecord(value)) return null;
  const user = isRecord(value.user) ? value.user : {};
  const rawName = typeof user.name === 'string' ? truncateText(plainText(user.name), TEXT_LIMITS.name) : '';
  const corrected: Record<string, unknown> = {
    ...value,
    user: {
      ...user,
      id: owner.participantId,
      role: owner.role,
      name: rawName || owner.name,
      color: typeof user.color === 'string' && COLOR.test(user.color) ? user.color : owner.color,
    },
  };
  if ('cursor' in value) {
    const c = value.cursor;
    const ok = isRecord(c) && typeof c.x === 'number' && typeof c.y === 'number' && Number.isFinite(c.x) && Number.isFinite(c.y);
    corrected.cursor = ok ? { ...c, x: c.x, y: c.y } : null;
  }
  if ('drawing' in value && typeof value.drawing !== 'boolean') corrected.drawing = false;
  // The laser pointer and the view to follow are the facilitator's: nobody else's are relayed.
  if (owner.role !== 'facilitator') {
    delete corrected.laser;
    delete corrected.view;
  }
  const text = JSON.stringify(corrected);
  return text === state ? state : text;
}

/**
 * Keeps the entries this connection may speak for, corrected to its identity. Throws (4400) only
 * for a connection claiming more than MAX_AWARENESS_IDS_PER_CONNECTION ids.
 */
export function filterAwareness(
  entries: readonly AwarenessEntry[],
  mine: ReadonlySet<number>,
  claimedByOthers: (clientId: number) => boolean,
  owner: PresenceOwner,
): FilteredAwareness {
  const claimed = new Set(mine);
  const kept: AwarenessEntry[] = [];
  for (const entry of entries) {
    if (!claimed.has(entry.clientId)) {
      if (claimedByOthers(entry.clientId)) continue; // an echo of someone else's presence
      // A removal for an id nobody here speaks for: stock providers echo every removal they see
      // (the state is gone already); claiming it would use up the connection's ids.
      if (entry.state === 'null') continue;
      if (claimed.size >= MAX_AWARENESS_IDS_PER_CONNECTION) throw malformed('too many awareness states');
      claimed.add(entry.clientId);
    }
    const state = ownState(entry.state, owner);
    if (state !== null) kept.push({ ...entry, state });
  }
  if (kept.length === 0) return { ids: [], update: null };
  return { ids: kept.map((e) => e.clientId), update: encodeAwareness(kept) };
}

/** Parse + filter in one step (one message, no rate limiting). */
export function inspectAwareness(
  update: Uint8Array,
  maxBytes: number,
  mine: ReadonlySet<number>,
  claimedByOthers: (clientId: number) => boolean,
  owner: PresenceOwner,
): FilteredAwareness {
  return filterAwareness(parseAwareness(update, maxBytes), mine, claimedByOthers, owner);
}
