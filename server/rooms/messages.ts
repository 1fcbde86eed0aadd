/** Encoders for the y-websocket messages the server sends. Encode once per broadcast. */
import * as encoding from 'lib0/encoding';
import * as Y from 'yjs';
import { MessageType } from '../../src/protocol/messages';

const SyncStep1 = 0;
const SyncStep2 = 1;
const SyncUpdate = 2;

export function encodeSyncStep1(doc: Y.Doc): Uint8Array {
  const enc = encoding.createEncoder();
  encoding.writeVarUint(enc, MessageType.Sync);
  encoding.writeVarUint(enc, SyncStep1);
  encoding.writeVarUint8Array(enc, Y.encodeStateVector(doc));
  return encoding.toUint8Array(enc);
}

/** Sync step 1 with a given state vector (e.g. one that leaves out what a peer may not see). */
export function encodeSyncStep1Vector(stateVector: Uint8Array): Uint8Array {
  const enc = encoding.createEncoder();
  encoding.writeVarUint(enc, MessageType.Sync);
  encoding.writeVarUint(enc, SyncStep1);
  encoding.writeVarUint8Array(enc, stateVector);
  return encoding.toUint8Array(enc);
}

export function encodeSyncStep2(doc: Y.Doc, stateVector: Uint8Array): Uint8Array {
  const enc = encoding.createEncoder();
  encoding.writeVarUint(enc, MessageType.Sync);
  encoding.writeVarUint(enc, SyncStep2);
  encoding.writeVarUint8Array(enc, Y.encodeStateAsUpdate(doc, stateVector));
  return encoding.toUint8Array(enc);
}

/** Sync step 2 carrying an update that is already encoded (e.g. a stored row). */
export function encodeSyncStep2Update(update: Uint8Array): Uint8Array {
  const enc = encoding.createEncoder();
  encoding.writeVarUint(enc, MessageType.Sync);
  encoding.writeVarUint(enc, SyncStep2);
  encoding.writeVarUint8Array(enc, update);
  return encoding.toUint8Array(enc);
}

export function encodeUpdateMessage(update: Uint8Array): Uint8Array {
  const enc = encoding.createEncoder();
  encoding.writeVarUint(enc, MessageType.Sync);
  encoding.writeVarUint(enc, SyncUpdate);
  encoding.writeVarUint8Array(enc, update);
  return encoding.toUint8Array(enc);
}

export function encodeAwarenessMessage(update: Uint8Array): Uint8Array {
  const enc = encoding.createEncoder();
  encoding.writeVarUint(enc, MessageType.Awareness);
  encoding.writeVarUint8Array(enc, update);
  return encoding.toUint8Array(enc);
}
