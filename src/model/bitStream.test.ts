import { describe, expect, it } from 'vitest';
import { BitReader, BitWriter, RiceState } from './bitStream';

describe('adaptive Rice bit stream', () => {
  it('round-trips small, large and escaped values in any order', () => {
    let seed = 99;
    const rnd = (): number => ((seed = (seed * 1103515245 + 12345) >>> 0) / 2 ** 32);
    const values: number[] = [];
    for (let i = 0; i < 5000; i++) {
      const r = rnd();
      const v = r < 0.7 ? Math.round((rnd() - 0.5) * 40) : r < 0.95 ? Math.round((rnd() - 0.5) * 4000) : Math.round((rnd() - 0.5) * 2 ** 36);
      values.push(v + 0); // no -0: the codec, like the board, has one zero
    }
    const w = new BitWriter();
    const enc = new RiceState();
    for (const v of values) enc.write(w, v);
    const bytes = new Uint8Array(w.finish());
    const r = new BitReader(bytes, 0);
    const dec = new RiceState();
    expect(values.map(() => dec.read(r))).toEqual(values);
    expect(r.end).toBe(bytes.length);
  });

  it('reads bit fields across byte boundaries and stops at the end', () => {
    const w = new BitWriter();
    w.writeBits(0b101, 3);
    w.writeBits(0x3ffff, 18);
    w.writeBits(1, 1);
    const r = new BitReader(new Uint8Array(w.finish()), 0);
    expect(r.readBits(3)).toBe(0b101);
    expect(r.readBits(18)).toBe(0x3ffff);
    expect(r.readBit()).toBe(1);
    expect(() => r.readBits(8)).toThrow();
    expect(() => new BitReader(new Uint8Array([0xff, 0xff]), 0).readUnary(24)).toThrow();
  });
});
