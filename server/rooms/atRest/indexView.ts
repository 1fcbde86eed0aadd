/**
 * The inspector's DocView over a resting board: the state vector, the live entries of `items`
 * (EntryIndex) and what is already deleted (DeletedRanges). It answers what adding and erasing
 * entries needs and throws NeedsDocument for anything else, so the same inspector and role rules
 * run at rest as on the loaded document, and whatever the index cannot tell goes to the document.
 */
import type { DocView, Existing, TopEntry } from '../../ws/inspect/docView';
import type { IdRef } from '../../ws/inspect/readUpdate';
import type { DeletedRanges } from './deletedRanges';
import type { EntryIndex } from './entryIndex';

export const ITEMS = 'items';

/** The question needs the loaded document: the update goes the long way (not a refusal). */
export class NeedsDocument extends Error {
  constructor(what: string) {
    super(`needs the document: ${what}`);
  }
}

export interface RestingState {
  /** Next clock per client (the state vector). */
  readonly clocks: ReadonlyMap<number, number>;
  readonly index: EntryIndex;
  readonly deleted: DeletedRanges;
}

export function indexView(state: RestingState): DocView {
  const { clocks, index, deleted } = state;
  return {
    getState: (client) => clocks.get(client) ?? 0,
    lookup(): Existing {
      throw new NeedsDocument('a struct');
    },
    topEntry(id: IdRef): TopEntry | null {
      if (!index.has(id)) throw new NeedsDocument('where a struct sits');
      return { root: ITEMS, entry: { client: id.client, clock: id.clock } };
    },
    forEachLiveItem(client, clock, length, visit) {
      let looked = 0;
      deleted.forEachUndeleted(client, clock, length, (c) => {
        const id = { client, clock: c };
        if (!index.has(id)) throw new NeedsDocument('a deletion of something other than an entry');
        looked++;
        visit(id);
      });
      return looked;
    },
    liveEntry(root, key) {
      if (root !== ITEMS || index.mayHaveKey(key)) throw new NeedsDocument('a key in use');
      return null;
    },
    entryAuthor(entry) {
      const author = index.authorOf(entry);
      if (author === undefined) throw new NeedsDocument('an author');
      return author;
    },
    entryField(): string | null {
      throw new NeedsDocument('a field');
    },
  };
}
