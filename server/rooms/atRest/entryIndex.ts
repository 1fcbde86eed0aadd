/**
 * The live entries of a resting board's `items` map, as compact as it can be kept: per entry its
 * id, a hash of its key and who made it (~45 B, against ~420 B for the same entry in a Y.Doc). It
 * answers exactly the questions the inspector asks about additions and erasures (is this key
 * free? is this id a live entry, and whose?), so a resting room can take them without loading
 * its document (docs/architecture.md, "Rooms at rest"). Key hashes can collide: a hit only ever
 * means "maybe taken", and the caller then loads the document to know.
 */
import type { IdRef } from '../../ws/inspect/readUpdate';

/** No author field could be read (an entry the facilitator made without one). */
const NO_AUTHOR = -1;
/** A slot whose entry was deleted (kept until the client's slots are compacted). */
const DEAD = -2;

/** FNV-1a over the key's UTF-16 units, cut to 30 bits so V8 keeps it as a small integer. */
export function keyHash(key: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) {
    h ^= key.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h & 0x3fffffff;
}

/** One client's entries in clock order, in parallel typed arrays. */
class ClientSlots {
  clocks = new Float64Array(4);
  hashes = new Int32Array(4);
  authors = new Int32Array(4);
  length = 0;
  dead = 0;

  /** Adds a slot, keeping clock order (new entries come last, so this appends). */
  insert(clock: number, hash: number, author: number): void {
    if (this.length === this.clocks.length) this.grow(this.length * 2);
    let at = this.length;
    while (at > 0 && this.clocks[at - 1]! > clock) at--;
    if (at < this.length) {
      this.clocks.copyWithin(at + 1, at, this.length);
      this.hashes.copyWithin(at + 1, at, this.length);
      this.authors.copyWithin(at + 1, at, this.length);
    }
    this.clocks[at] = clock;
    this.hashes[at] = hash;
    this.authors[at] = author;
    this.length++;
  }

  /** The slot of a live entry at `clock`, or -1. */
  find(clock: number): number {
    let lo = 0;
    let hi = this.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const c = this.clocks[mid]!;
      if (clock < c) hi = mid - 1;
      else if (clock > c) lo = mid + 1;
      else return this.authors[mid] === DEAD ? -1 : mid;
    }
    return -1;
  }

  /** Drops dead slots once they are the majority (erasing leaves no lasting cost). */
  compactIfSparse(): void {
    if (this.dead < 32 || this.dead * 2 < this.length) return;
    let n = 0;
    for (let i = 0; i < this.length; i++) {
      if (this.authors[i] === DEAD) continue;
      this.clocks[n] = this.clocks[i]!;
      this.hashes[n] = this.hashes[i]!;
      this.authors[n] = this.authors[i]!;
      n++;
    }
    this.length = n;
    this.dead = 0;
    this.grow(Math.max(4, n + (n >> 2)));
  }

  private grow(capacity: number): void {
    const clocks = new Float64Array(capacity);
    const hashes = new Int32Array(capacity);
    const authors = new Int32Array(capacity);
    clocks.set(this.clocks.subarray(0, this.length));
    hashes.set(this.hashes.subarray(0, this.length));
    authors.set(this.authors.subarray(0, this.length));
    this.clocks = clocks;
    this.hashes = hashes;
    this.authors = authors;
  }
}

export interface IndexedEntry {
  key: string;
  id: IdRef;
  author: string | null;
}

export class EntryIndex {
  /** Key hash -> how many live entries have a key with that hash. */
  private readonly keys = new Map<number, number>();
  private readonly clients = new Map<number, ClientSlots>();
  private readonly authorNames: string[] = [];
  private readonly authorIds = new Map<string, number>();
  private live = 0;

  /** An index of these entries (any order). */
  static of(entries: Iterable<IndexedEntry>): EntryIndex {
    const sorted = [...entries].sort((a, b) => a.id.client - b.id.client || a.id.clock - b.id.clock);
    const index = new EntryIndex();
    for (const e of sorted) index.add(e.key, e.id, e.author);
    return index;
  }

  /** Live entries. */
  get size(): number {
    return this.live;
  }

  /** Whether a live entry may have this key (false: certainly none). */
  mayHaveKey(key: string): boolean {
    return this.keys.has(keyHash(key));
  }

  /** Whether `id` is a live entry. */
  has(id: IdRef): boolean {
    return (this.clients.get(id.client)?.find(id.clock) ?? -1) >= 0;
  }

  /** The author of a live entry (null: it has none); undefined when `id` is not a live entry. */
  authorOf(id: IdRef): string | null | undefined {
    const slots = this.clients.get(id.client);
    const i = slots?.find(id.clock) ?? -1;
    if (i < 0) return undefined;
    const author = slots!.authors[i]!;
    return author === NO_AUTHOR ? null : this.authorNames[author]!;
  }

  /**
   * Adds a live entry (a no-op if `id` is one already). A board at rest only takes new structs and
   * `of` sorts, so entries come in clock order and this appends.
   */
  add(key: string, id: IdRef, author: string | null): void {
    let slots = this.clients.get(id.client);
    if (!slots) {
      slots = new ClientSlots();
      this.clients.set(id.client, slots);
    }
    if (slots.find(id.clock) >= 0) return;
    const hash = keyHash(key);
    slots.insert(id.clock, hash, author === null ? NO_AUTHOR : this.authorId(author));
    this.keys.set(hash, (this.keys.get(hash) ?? 0) + 1);
    this.live++;
  }

  /** Forgets a deleted entry; false if `id` was not a live entry. */
  remove(id: IdRef): boolean {
    const slots = this.clients.get(id.client);
    const i = slots?.find(id.clock) ?? -1;
    if (i < 0) return false;
    const hash = slots!.hashes[i]!;
    const n = this.keys.get(hash)!;
    if (n <= 1) this.keys.delete(hash);
    else this.keys.set(hash, n - 1);
    slots!.authors[i] = DEAD;
    slots!.dead++;
    slots!.compactIfSparse();
    this.live--;
    return true;
  }

  private authorId(name: string): number {
    let id = this.authorIds.get(name);
    if (id === undefined) {
      id = this.authorNames.length;
      this.authorNames.push(name);
      this.authorIds.set(name, id);
    }
    return id;
  }
}
