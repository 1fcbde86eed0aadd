/**
 * Applies a stored row to a Y.Doc faster than `Y.applyUpdate`, for the bulk loads of the server: a
 * room's rows on a cold start or a wake from rest, and compaction's scratch document.
 *
 * Loading a 10,000-stroke board spends about a third of its time copying each stroke record out of
 * the row (Yjs' V1 decoder copies every binary content into its own ArrayBuffer: 10,000 small
 * allocations the garbage collector then chases) and decoding each short, ASCII item key with
 * TextDecoder (which validates UTF-8). This decoder keeps binary contents as views into the row and
 * slices short ASCII strings as latin1; everything else is Yjs' own code.
 *
 * Views are safe here because: a stored row is a buffer of its own (SQLite hands out a copy per
 * read) that nobody writes to afterwards; Yjs never writes into, splits or merges binary contents;
 * and a view only keeps its row alive, so memory stays bounded by the rows that were loaded.
 * Incoming socket messages keep the copying decoder: their buffers can be slices of a larger read.
 */
import * as decoding from 'lib0/decoding';
import * as Y from 'yjs';

/** Longer strings (and any with a non-ASCII byte) go through TextDecoder, which wins past this. */
const SHORT_STRING = 64;

const utf8 = new TextDecoder();

class StoredUpdateDecoder extends Y.UpdateDecoderV1 {
  /** The row as a Buffer, for its native latin1 slicing (the fastest way to make a short ASCII string). */
  private readonly row: Buffer;

  constructor(decoder: decoding.Decoder) {
    super(decoder);
    this.row = Buffer.from(decoder.arr.buffer, decoder.arr.byteOffset, decoder.arr.byteLength);
  }

  override readBuf(): Uint8Array {
    return decoding.readVarUint8Array(this.restDecoder);
  }

  override readString(): string {
    return this.readText();
  }

  override readKey(): string {
    return this.readText();
  }

  private readText(): string {
    const decoder = this.restDecoder;
    const length = decoding.readVarUint(decoder);
    const bytes = decoder.arr;
    const start = decoder.pos;
    const end = start + length;
    if (end > bytes.length) throw new Error('unexpected end of update');
    decoder.pos = end;
    if (length <= SHORT_STRING) {
      let ascii = true;
      for (let i = start; i < end; i++) {
        if (bytes[i]! > 0x7f) {
          ascii = false;
          break;
        }
      }
      // For ASCII bytes latin1 and UTF-8 agree.
      if (ascii) return this.row.toString('latin1', start, end);
    }
    return utf8.decode(bytes.subarray(start, end));
  }
}

/** `Y.applyUpdate` for a stored (V1) row that nobody will write to afterwards (see above). */
export function applyStoredUpdate(doc: Y.Doc, row: Uint8Array, origin?: unknown): void {
  Y.applyUpdateV2(doc, row, origin, StoredUpdateDecoder);
}
