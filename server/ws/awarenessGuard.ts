/**
 * Checks an awareness update before it reaches the room's Awareness: size cap, well-formed, and
 * it keeps only the entries for client ids this connection controls or may claim. Entries for
 * other connections' ids are dropped, not refused: a stock y-websocket provider echoes every
 * awareness change it receives back to the server, so they are normal traffic, and dropping them
 * still means no connection can rewrite or remove someone else's presence (SECURITY-NOTES).
 */
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import { malformed, Refusal } from './inspect/refusal';

export const MAX_AWARENESS_IDS_PER_CONNECTION = 4;

export interface FilteredAwareness {
  /** Client ids the kept entries speak for (now claimed by this connection). */
  ids: number[];
  /** The update re-encoded with only those entries; null if nothing is left. */
  update: Uint8Array | null;
}

interface Entry {
  clientId: number;
  clock: number;
  state: string;
}

function parse(update: Uint8Array): Entry[] {
  const dec = decoding.createDecoder(update.slice());
  const entries: Entry[] = [];
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

export function inspectAwareness(
  update: Uint8Array,
  maxBytes: number,
  mine: ReadonlySet<number>,
  claimedByOthers: (clientId: number) => boolean,
): FilteredAwareness {
  if (update.length > maxBytes) throw malformed('awareness update too large');
  const entries = parse(update);
  const claimed = new Set(mine);
  const kept: Entry[] = [];
  for (const entry of entries) {
    if (!claimed.has(entry.clientId)) {
      if (claimedByOthers(entry.clientId)) continue; // an echo of someone else's presence
      if (claimed.size >= MAX_AWARENESS_IDS_PER_CONNECTION) throw malformed('too many awareness states');
      claimed.add(entry.clientId);
    }
    kept.push(entry);
  }
  if (kept.length === 0) return { ids: [], update: null };
  if (kept.length === entries.length) return { ids: kept.map((e) => e.clientId), update: update.slice() };
  const enc = encoding.createEncoder();
  encoding.writeVarUint(enc, kept.length);
  for (const e of kept) {
    encoding.writeVarUint(enc, e.clientId);
    encoding.writeVarUint(enc, e.clock);
    encoding.writeVarString(enc, e.state);
  }
  return { ids: kept.map((e) => e.clientId), update: encoding.toUint8Array(enc) };
}
