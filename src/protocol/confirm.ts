/**
 * Commit confirmation: `[101][n]`, n = how many document updates (sync step 2 and update messages)
 * this connection has sent so far that are now committed to disk. The server sends it, after the
 * group commit, only to connections that asked with `caps=confirm`; it may skip a count when a
 * later one is already on its way, so the client keeps the highest n seen.
 *
 * A count rather than a Yjs clock: deleting an item does not advance any state vector clock, and
 * "all changes saved" must cover deletions too. Counting per socket is exact because the server
 * reads every update message of a connection in order and refuses (closes) rather than skips one.
 */
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import { MessageType } from './messages';

const SyncStep2 = 1;
const SyncUpdate = 2;

export function encodeConfirm(count: number): Uint8Array {
  const enc = encoding.createEncoder();
  encoding.writeVarUint(enc, MessageType.Confirm);
  encoding.writeVarUint(enc, count);
  return encoding.toUint8Array(enc);
}

/** Reads the count after the message type. Throws on a malformed message. */
export function readConfirm(dec: decoding.Decoder): number {
  return decoding.readVarUint(dec);
}

/** Whether a message a client sends carries document changes the server will count and confirm. */
export function isDocumentUpdate(message: Uint8Array): boolean {
  // [0 Sync][1 step 2 | 2 update]: both varuints are a single byte for these values.
  return message.length >= 2 && message[0] === MessageType.Sync && (message[1] === SyncStep2 || message[1] === SyncUpdate);
}
