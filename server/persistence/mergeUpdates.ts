/**
 * Merges stored updates into one by applying them to a scratch document (much faster than
 * `Y.mergeUpdates` on many small updates, see PERF-NOTES) and refuses to produce a merged row if
 * anything would stay pending: a merged row must describe a complete, loadable document.
 */
import * as Y from 'yjs';
import { applyStoredUpdate } from './applyStoredUpdate';

export function mergeStoredUpdates(updates: readonly Uint8Array[]): Uint8Array {
  const doc = new Y.Doc({ gc: true });
  try {
    doc.transact(() => {
      for (const update of updates) applyStoredUpdate(doc, update);
    });
    if (doc.store.pendingStructs !== null || doc.store.pendingDs !== null) {
      throw new Error('stored updates leave pending structs; refusing to compact');
    }
    return Y.encodeStateAsUpdate(doc);
  } finally {
    doc.destroy();
  }
}
