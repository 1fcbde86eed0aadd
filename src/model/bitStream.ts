/**
 * Bit-level writer and reader with adaptive Rice codes, for the stroke codec. A residual of a few
 * board pixels takes about 8 bits here instead of 16 as a byte-aligned varint.
 */
const ESCAPE_QUOTIENT = 24;

export class BitWriter {
  private bytes: number[] = [];
  private current = 0;
  private used = 0;

  writeBit(bit: number): void {
    this.current = (this.current << 1) | (bit & 1);
    if (++this.used === 8) {
      this.bytes.push(this.current);
      this.current = 0;
      this.used = 0;
    }
  }

  writeBits(value: number, count: number): void {
    for (let i = count - 1; i >= 0; i--) this.writeBit(Math.floor(value / 2 ** i) & 1);
  }

  finish(): number[] {
    if (this.used > 0) this.bytes.push(this.current << (8 - this.used));
    this.current = 0;
    this.used = 0;
    return this.bytes;
  }
}

export class BitReader {
  private bit = 0;
  constructor(private readonly data: Uint8Array, private pos: number) {}

  readBit(): number {
    if (this.pos >= this.data.length) throw new Error('bit stream ended early');
    const value = (this.data[this.pos]! >> (7 - this.bit)) & 1;
    if (++this.bit === 8) {
      this.bit = 0;
      this.pos++;
    }
    return value;
  }

  /** Up to 40 bits, most significant first; whole bytes at a time where it can. */
  readBits(count: number): number {
    let value = 0;
    let left = count;
    while (left > 0) {
      if (this.pos >= this.data.length) throw new Error('bit stream ended early');
      const avail = 8 - this.bit;
      const take = Math.min(avail, left);
      const chunk = (this.data[this.pos]! >> (avail - take)) & ((1 << take) - 1);
      value = value * (1 << take) + chunk;
      left -= take;
      this.bit += take;
      if (this.bit === 8) {
        this.bit = 0;
        this.pos++;
      }
    }
    return value;
  }

  /**
   * Counts 1-bits up to the first 0 (consumed) or up to `limit` ones (no 0 consumed), a byte at a
   * time: the unary part of a Rice code.
   */
  readUnary(limit: number): number {
    let q = 0;
    while (q < limit) {
      if (this.pos >= this.data.length) throw new Error('bit stream ended early');
      const avail = 8 - this.bit;
      // The unread bits moved to the top of a byte; the bits shifted in below are zeros.
      const top = (this.data[this.pos]! << this.bit) & 0xff;
      const ones = Math.min(Math.clz32(~top & 0xff) - 24, limit - q);
      q += ones;
      this.bit += ones;
      if (this.bit === 8) {
        this.bit = 0;
        this.pos++;
      }
      if (ones < avail && q < limit) {
        this.readBit(); // the terminating 0
        return q;
      }
    }
    return q;
  }

  /** Bytes consumed, counting a partly read byte as whole. */
  get end(): number {
    return this.pos + (this.bit > 0 ? 1 : 0);
  }
}

const zigzag = (n: number): number => (n >= 0 ? n * 2 : -n * 2 - 1);
const unzigzag = (u: number): number => (u % 2 === 0 ? u / 2 : -(u + 1) / 2);

/**
 * Adaptive Rice coder for signed integers: the parameter k follows a running mean of recent
 * magnitudes, so no table is stored and the encoder and decoder stay in step.
 */
export class RiceState {
  private mean = 16;

  private k(): number {
    // floor(log2(mean + 1)) - 1 without Math.log2: for x >= 1, floor(log2(x)) = floor(log2(floor(x))).
    return Math.max(0, 30 - Math.clz32(Math.floor(this.mean + 1)));
  }

  private update(u: number): void {
    this.mean += (u - this.mean) / 4;
  }

  write(w: BitWriter, n: number): void {
    const u = zigzag(n);
    const k = this.k();
    const q = Math.floor(u / 2 ** k);
    if (q >= ESCAPE_QUOTIENT) {
      for (let i = 0; i < ESCAPE_QUOTIENT; i++) w.writeBit(1);
      w.writeBits(u, 40);
    } else {
      for (let i = 0; i < q; i++) w.writeBit(1);
      w.writeBit(0);
      w.writeBits(u - q * 2 ** k, k);
    }
    this.update(u);
  }

  read(r: BitReader): number {
    const k = this.k();
    const q = r.readUnary(ESCAPE_QUOTIENT);
    const u = q >= ESCAPE_QUOTIENT ? r.readBits(40) : q * 2 ** k + r.readBits(k);
    this.update(u);
    return unzigzag(u);
  }
}
