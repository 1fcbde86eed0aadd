import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import { describe, expect, it } from 'vitest';
import { MessageType } from '../../src/protocol/messages';
import { encodeSyncStep1Vector, encodeSyncStep2Update, encodeUpdateMessage } from './messages';

/** The message as lib0's encoder writes it (what y-protocols reads). */
function reference(step: number, payload: Uint8Array): Uint8Array {
  const enc = encoding.createEncoder();
  encoding.writeVarUint(enc, MessageType.Sync);
  encoding.writeVarUint(enc, step);
  encoding.writeVarUint8Array(enc, payload);
  return encoding.toUint8Array(enc);
}

const payload = (n: number): Uint8Array => Uint8Array.from({ length: n }, (_, i) => (i * 31 + 7) & 0xff);
/** Byte equality without a deep comparison of every index (megabytes). */
const same = (a: Uint8Array, b: Uint8Array): boolean => Buffer.from(a.buffer, a.byteOffset, a.byteLength).equals(Buffer.from(b.buffer, b.byteOffset, b.byteLength));

describe('sync messages', () => {
  it.each([0, 1, 127, 128, 16_383, 16_384, 200_000])('are byte for byte what lib0 writes, for a %i-byte payload', (n) => {
    const p = payload(n);
    expect(same(encodeSyncStep1Vector(p), reference(0, p))).toBe(true);
    expect(same(encodeSyncStep2Update(p), reference(1, p))).toBe(true);
    expect(same(encodeUpdateMessage(p), reference(2, p))).toBe(true);
  });

  it('end with the payload, which a reader gets back whole', () => {
    const p = payload(3_000_000);
    const message = encodeSyncStep2Update(p);
    expect(same(message.subarray(message.length - p.length), p)).toBe(true);
    const d = decoding.createDecoder(message);
    expect(decoding.readVarUint(d)).toBe(MessageType.Sync);
    expect(decoding.readVarUint(d)).toBe(1);
    expect(same(decoding.readVarUint8Array(d), p)).toBe(true);
    expect(decoding.hasContent(d)).toBe(false);
  });
});
