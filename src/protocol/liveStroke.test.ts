import * as decoding from 'lib0/decoding';
import { describe, expect, it } from 'vitest';
import { encodeLiveForPeers, encodeLiveFromClient, readLiveBody, readLiveFromPeer, type LiveBody } from './liveStroke';

const roundTrip = (body: LiveBody): LiveBody => {
  const msg = encodeLiveFromClient(body);
  const dec = decoding.createDecoder(msg);
  decoding.readVarUint(dec);
  return readLiveBody(dec);
};

describe('live stroke messages', () => {
  it('round-trip start, points with and without pressure, and end', () => {
    const bodies: LiveBody[] = [
      { type: 'start', key: 3, itemId: 'abcdefgh12', tool: 'pen', color: '#0a64c2', width: 6 },
      { type: 'start', key: 4, itemId: 'abcdefgh12', tool: 'pen', color: '#0a64c2', width: 6, points: [1000, 2000, 128] },
      { type: 'start', key: 5, itemId: 'abcdefgh12', tool: 'highlighter', color: '#0a64c2', width: 6, points: [1000, 2000, 40, 3, -1, 41] },
      { type: 'points', key: 3, points: [12, -4, 128, 300, 2, 128] },
      { type: 'points', key: 3, points: [1, 1, 200, -2, 0, 90] },
      { type: 'end', key: 3 },
    ];
    for (const b of bodies) expect(roundTrip(b)).toEqual(b);
  });

  it('sends no pressure for mouse chunks: a mouse point costs 2 bytes here', () => {
    const one = encodeLiveFromClient({ type: 'points', key: 1, points: [20, -30, 128] });
    const two = encodeLiveFromClient({ type: 'points', key: 1, points: [20, -30, 128, 21, -29, 128] });
    expect(two.length - one.length).toBe(2);
    expect(one.length).toBe(5); // type, sub-type, key, dx, dy
  });

  it('relays with the sender number in front', () => {
    const msg = encodeLiveForPeers(7, { type: 'points', key: 2, points: [5, 5, 10] });
    const dec = decoding.createDecoder(msg);
    decoding.readVarUint(dec);
    expect(readLiveFromPeer(dec)).toEqual({ sender: 7, body: { type: 'points', key: 2, points: [5, 5, 10] } });
  });

  it('refuses malformed chunks', () => {
    const bad = (bytes: number[]): (() => LiveBody) => () => readLiveBody(decoding.createDecoder(new Uint8Array(bytes)));
    expect(bad([9, 1])).toThrow();
    expect(bad([3, 1, 2, 2, 0x80, 0x04])).toThrow(); // pressure 512
    expect(bad([1, 1, 2])).toThrow(); // dx without dy
    expect(bad([1, 1, ...new Array(2000).fill(2)])).toThrow(); // too many points
    const start = [0, 1, 2, 0x61, 0x62, 3, 0x70, 0x65, 0x6e, 1, 0x23, 60];
    expect(bad(start)).not.toThrow(); // a start without points, as older clients send it
    expect(bad([...start, 7, 2, 2])).toThrow(); // unknown points mode after a start
    expect(bad([...start, 1, 2])).toThrow(); // the first point cut short
    expect(bad([...start, 1, ...new Array(2000).fill(2)])).toThrow(); // too many first points
  });
});
