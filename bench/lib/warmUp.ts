/** Shared by the fresh-process benches. */
import * as Y from 'yjs';

/**
 * Runs `apply` once on a one-entry document, so that a fresh process's first timed call is not
 * mostly the JIT compiling Yjs' code for the first time (the figures stay first-load figures).
 */
export function warmUpApply(apply: (doc: Y.Doc, update: Uint8Array) => void = Y.applyUpdate): void {
  const warm = new Y.Doc();
  warm.getMap('items').set('warm', new Y.Map());
  apply(new Y.Doc(), Y.encodeStateAsUpdate(warm));
}
