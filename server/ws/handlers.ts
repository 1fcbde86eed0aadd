/**
 * The message-handling table: one small function per message type. Sync messages are parsed here
 * (not with y-protocols' readSyncMessage, which logs and swallows update errors) so that every
 * refused update closes the sender with a code.
 */
import * as awarenessProtocol from 'y-protocols/awareness';
import * as decoding from 'lib0/decoding';
import { LIVE_LIMITS, encodeLiveForPeers, readLiveBody } from '../../src/protocol/liveStroke';
import { MessageType } from '../../src/protocol/messages';
import { boardPermissionContext } from '../../src/model/session';
import { filterAwareness, parseAwareness, type AwarenessEntry } from './awarenessGuard';
import type { Connection } from './Connection';
import { entryChanges, type EntryChanges } from '../rooms/atRest/entryChanges';
import { indexView, NeedsDocument } from '../rooms/atRest/indexView';
import { docView, type DocView } from './inspect/docView';
import { inspectUpdate, type InspectContext, type InspectedUpdate } from './inspect/inspectUpdate';
import { checkEaselRule, easelRule, easelRuleFor } from './inspect/easelRule';
import { checkPermissions } from './inspect/permissions';
import { DEFAULT_READ_LIMITS } from './inspect/readUpdate';
import { forbidden, malformed } from './inspect/refusal';

type Handler = (conn: Connection, dec: decoding.Decoder, message: Uint8Array) => void;

const SyncStep1 = 0;
const SyncStep2 = 1;
const SyncUpdate = 2;

/** A length-prefixed payload that must end the message exactly. */
function readLastPayload(dec: decoding.Decoder): Uint8Array {
  const length = decoding.readVarUint(dec);
  if (length !== dec.arr.length - dec.pos) throw malformed('bad payload length');
  return decoding.readUint8Array(dec, length);
}

function checkStateVector(sv: Uint8Array): void {
  const dec = decoding.createDecoder(sv);
  const count = decoding.readVarUint(dec);
  if (count * 2 > sv.length) throw malformed('bad state vector');
  for (let i = 0; i < count; i++) {
    decoding.readVarUint(dec);
    decoding.readVarUint(dec);
  }
  if (decoding.hasContent(dec)) throw malformed('bad state vector');
}

/** The update of a client with nothing new (no structs, no deletions): what a synced peer's step 2 holds. */
function isEmptyUpdate(update: Uint8Array): boolean {
  return update.length === 2 && update[0] === 0 && update[1] === 0;
}

function inspectContext(conn: Connection, doc: DocView): InspectContext {
  return {
    doc,
    owners: conn.room.clientOwners,
    participantId: conn.identity.participantId,
    newClientBudget: conn.newClientBudget,
    limits: { ...DEFAULT_READ_LIMITS, maxStructs: conn.limits.maxStructsPerUpdate },
  };
}

/**
 * Takes an update on the board at rest when it only adds and erases entries (entryChanges), with
 * the same inspector and role rules as on the document, asked of the board's index. False: it
 * needs the loaded document (the index could not tell, or the update does something else).
 */
function applyAtRest(conn: Connection, update: Uint8Array): boolean {
  const { room, identity } = conn;
  const board = room.atRest;
  if (!board) return false;
  const view = indexView(board);
  let inspected: InspectedUpdate;
  let changes: EntryChanges | null;
  try {
    inspected = inspectUpdate(update, inspectContext(conn, view));
    changes = entryChanges(inspected, view);
    if (!changes) return false;
    checkPermissions(inspected, { role: identity.role, participantId: identity.participantId, doc: view, context: board.facts.context });
    checkEaselRule(inspected, view, easelRule(board.facts.easels, identity.role, identity.participantId));
  } catch (error) {
    if (error instanceof NeedsDocument) return false;
    throw error;
  }
  if (inspected.empty && inspected.newClientIds.length === 0) return true;
  conn.newClientBudget -= inspected.newClientIds.length;
  room.applyAtRest(update, conn, inspected, changes);
  return true;
}

function applyClientUpdate(conn: Connection, update: Uint8Array): void {
  // Nothing to inspect or apply (and no reason to load a resting room's document).
  if (isEmptyUpdate(update)) return;
  if (applyAtRest(conn, update)) return;
  const { room, identity } = conn;
  const view = docView(room.doc);
  const inspected = inspectUpdate(update, inspectContext(conn, view));
  // The lock and "participants may edit others' work" come from the room's session map as it is
  // now; only the facilitator can change that map (checkPermissions), so a participant's update
  // can never unlock itself.
  checkPermissions(inspected, {
    role: identity.role,
    participantId: identity.participantId,
    doc: view,
    context: boardPermissionContext(room.doc),
  });
  checkEaselRule(inspected, view, easelRuleFor(room.doc, identity.role, identity.participantId));
  // Private drawing: nobody may build on or erase work they were not sent (ids can be guessed).
  const refs = [...inspected.deleted, ...inspected.items.flatMap(({ item }) => [item.origin, item.rightOrigin, typeof item.parent === 'object' ? item.parent : null])];
  if (refs.some((id) => id !== null && room.hides(identity, id))) throw forbidden('that drawing is private until the reveal');
  if (inspected.empty && inspected.newClientIds.length === 0) return;
  conn.newClientBudget -= inspected.newClientIds.length;
  const atRestWouldDo = entryChanges(inspected, view) !== null;
  if (!room.applyInspected(update, conn, inspected.newClientIds, inspected.writers, atRestWouldDo)) throw malformed('update could not be applied');
}

const handleSync: Handler = (conn, dec) => {
  const step = decoding.readVarUint(dec);
  const payload = readLastPayload(dec);
  switch (step) {
    case SyncStep1:
      checkStateVector(payload);
      conn.room.answerSyncStep1(conn, payload);
      return;
    case SyncStep2:
    case SyncUpdate:
      applyClientUpdate(conn, payload);
      conn.updateRead();
      return;
    default:
      throw malformed('unknown sync step');
  }
};

/**
 * Applies awareness entries that passed the size cap and the rate limit: only this connection's
 * own ids, each state corrected to speak for its participant (awarenessGuard.ts).
 */
export function applyAwareness(conn: Connection, entries: readonly AwarenessEntry[]): void {
  const { room } = conn;
  const { ids, update } = filterAwareness(entries, conn.awarenessClients, (id) => conn.belongsToOther(id), conn.identity);
  if (!update) return;
  for (const id of ids) conn.awarenessClients.add(id);
  room.claimAwareness(conn, ids);
  awarenessProtocol.applyAwarenessUpdate(room.awareness, update, conn);
}

const handleAwareness: Handler = (conn, dec) => {
  const payload = readLastPayload(dec);
  // Projectors show presence but have none: ignore (a stock provider always announces itself).
  if (conn.identity.role === 'projector') return;
  // Size cap and structure first (4400), then the per-connection rate (excess is not relayed).
  conn.offerAwareness(parseAwareness(payload, conn.limits.maxAwarenessBytes));
};

const handleQueryAwareness: Handler = (conn, dec) => {
  if (decoding.hasContent(dec)) throw malformed('bad query');
  // Repeats within a second are dropped, not refused (Connection.answersAwarenessQuery).
  if (!conn.answersAwarenessQuery()) return;
  const { awareness } = conn.room;
  conn.room.sendDurable(conn, conn.room.awarenessMessageFor(conn.identity, [...awareness.getStates().keys()]));
};

const handleLive: Handler = (conn, dec, message) => {
  if (conn.identity.role === 'projector') throw forbidden('projectors cannot draw');
  if (message.length > LIVE_LIMITS.messageBytes) throw malformed('live message too large');
  const bodyDecoder = decoding.createDecoder(message.slice(dec.pos));
  let body;
  try {
    body = readLiveBody(bodyDecoder);
  } catch {
    throw malformed('malformed live message');
  }
  if (decoding.hasContent(bodyDecoder)) throw malformed('malformed live message');
  const relayed = encodeLiveForPeers(conn.number, body);
  // While private drawing is in force, a participant's live strokes reach only the facilitator and
  // their own tabs (decided now, like the relay of their updates).
  const hidden = !conn.room.showsTo(conn.identity, { participantId: '', role: 'projector' });
  conn.room.broadcast(relayed, conn, (peer) => peer.wantsLive && (!hidden || conn.room.showsTo(conn.identity, peer.identity)));
};

export const HANDLERS: ReadonlyMap<number, Handler> = new Map<number, Handler>([
  [MessageType.Sync, handleSync],
  [MessageType.Awareness, handleAwareness],
  [MessageType.QueryAwareness, handleQueryAwareness],
  [MessageType.Live, handleLive],
]);
