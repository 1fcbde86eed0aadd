/**
 * Checks an awareness update before it reaches the room's Awareness: size cap, well-formed, and
 * every client id in it is one this connection already controls or may claim (not another
 * connection's). Without this any connection could rewrite or remove someone else's presence, or
 * claim thousands of ids in one message (SECURITY-NOTES).
 */
import * as decoding from 'lib0/decoding';
import { malformed, Refusal } from './inspect/refusal';

export const MAX_AWARENESS_IDS_PER_CONNECTION = 4;

/** Returns the client ids the update speaks for; throws a Refusal. */
export function inspectAwareness(
  update: Uint8Array,
  maxBytes: number,
  mine: ReadonlySet<number>,
  claimedByOthers: (clientId: number) => boolean,
): number[] {
  if (update.length > maxBytes) throw malformed('awareness update too large');
  const dec = decoding.createDecoder(update.slice());
  const ids: number[] = [];
  try {
    const count = decoding.readVarUint(dec);
    if (count > MAX_AWARENESS_IDS_PER_CONNECTION) throw malformed('too many awareness states');
    for (let i = 0; i < count; i++) {
      const clientId = decoding.readVarUint(dec);
      decoding.readVarUint(dec); // clock
      JSON.parse(decoding.readVarString(dec));
      ids.push(clientId);
    }
  } catch (error) {
    if (error instanceof Refusal) throw error;
    throw malformed('malformed awareness update');
  }
  if (decoding.hasContent(dec)) throw malformed('malformed awareness update');
  const claimed = new Set(mine);
  for (const id of ids) {
    if (claimed.has(id)) continue;
    if (claimedByOthers(id)) throw malformed("awareness for someone else's client");
    claimed.add(id);
  }
  if (claimed.size > MAX_AWARENESS_IDS_PER_CONNECTION) throw malformed('too many awareness states');
  return ids;
}
