import * as decoding from 'lib0/decoding';
import { describe, expect, it } from 'vitest';
import { LiveStrokes } from '../editor/liveStrokes';
import { encodeLiveForPeers, readLiveBody, readLiveFromPeer, type LiveBody } from '../protocol/liveStroke';
import { MessageType } from '../protocol/messages';
import { LiveSender } from './liveSender';

function setup() {
  const sent: LiveBody[] = [];
  const frames: Array<() => void> = [];
  const sender = new LiveSender(
    (bytes) => {
      const dec = decoding.createDecoder(bytes);
      expect(decoding.readVarUint(dec)).toBe(MessageType.Live);
      sent.push(readLiveBody(dec));
    },
    (cb) => frames.push(cb),
  );
  const frame = () => frames.splice(0).forEach((cb) => cb());
  return { sender, sent, frame };
}

const stroke = { itemId: 'abcdefgh12', tool: 'pen' as const, color: '#0a64c2', width: 6 };

describe('LiveSender', () => {
  it('sends the start with the pen-down point at once, then one points chunk per frame, and flushes before end', () => {
    const { sender, sent, frame } = setup();
    sender.start(stroke);
    expect(sent).toEqual([]); // announced with its first point
    sender.points([10, 20, 0.5]);
    expect(sent).toEqual([{ type: 'start', key: 1, ...stroke, points: [100, 200, 128] }]);
    sender.points([10.5, 20, 1]);
    sender.points([11, 20, 1]);
    expect(sent).toHaveLength(1); // nothing more before the frame
    frame();
    expect(sent).toHaveLength(2);
    expect(sent[1]).toEqual({ type: 'points', key: 1, points: [5, 0, 255, 5, 0, 255] });
    sender.points([11, 21, 0.5]);
    sender.end();
    expect(sent.slice(2)).toEqual([{ type: 'points', key: 1, points: [0, 10, 128] }, { type: 'end', key: 1 }]);
    frame(); // a frame after end sends nothing
    expect(sent).toHaveLength(4);
  });

  it('a stroke ended before its first point sends nothing; the next one gets a new key', () => {
    const { sender, sent, frame } = setup();
    sender.start(stroke);
    sender.end();
    frame();
    expect(sent).toEqual([]);
    sender.start(stroke);
    sender.points([1, 2, 0.5]);
    sender.end();
    expect(sent.map((m) => [m.type, m.key])).toEqual([
      ['start', 2],
      ['end', 2],
    ]);
  });

  it('round-trips through the relay into the receiving assembly within 0.05 px', () => {
    const out: Uint8Array[] = [];
    const frames: Array<() => void> = [];
    const sender = new LiveSender((b) => out.push(b), (cb) => frames.push(cb));
    const live = new LiveStrokes(() => 0);
    const pts: number[] = [];
    for (let i = 0; i < 300; i++) pts.push(100 + i * 1.37, 50 + Math.sin(i / 7) * 30, 0.5);
    sender.start(stroke);
    for (let i = 0; i < pts.length; i += 3 * 10) {
      sender.points(pts.slice(i, i + 30));
      frames.splice(0).forEach((cb) => cb());
    }
    for (const bytes of out) {
      // what the server does: read the client's body, prefix the sender's number
      const dec = decoding.createDecoder(bytes);
      decoding.readVarUint(dec);
      const relayed = decoding.createDecoder(encodeLiveForPeers(3, readLiveBody(dec)));
      decoding.readVarUint(relayed);
      const { sender: from, body } = readLiveFromPeer(relayed);
      live.applyRemote(from, body);
    }
    const got = live.get('3:1')!.points;
    expect(got).toHaveLength(pts.length);
    for (let i = 0; i < pts.length; i += 3) {
      expect(Math.abs(got[i]! - pts[i]!)).toBeLessThanOrEqual(0.05 + 1e-9);
      expect(Math.abs(got[i + 1]! - pts[i + 1]!)).toBeLessThanOrEqual(0.05 + 1e-9);
    }
  });

  it('splits a big backlog into several chunks, one per frame', () => {
    const { sender, sent, frame } = setup();
    sender.start(stroke);
    const many: number[] = [];
    for (let i = 0; i < 600; i++) many.push(i, i, 0.5);
    sender.points(many);
    // The start takes one chunk's worth at once; the rest waits for frames, one chunk each.
    expect(sent).toHaveLength(1);
    frame();
    expect(sent.filter((m) => m.type === 'points')).toHaveLength(1);
    frame();
    frame();
    expect(sent.filter((m) => m.type === 'points')).toHaveLength(2);
    const chunks = sent as Array<{ points?: number[] }>;
    expect(chunks.reduce((n, c) => n + (c.points?.length ?? 0) / 3, 0)).toBe(600);
  });
});
