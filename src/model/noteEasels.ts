/**
 * Easels as note targets: the easel's id, owner, name and box, from the one lenient easel reader
 * (`readEasels` in ./easels).
 */
import type * as Y from 'yjs';
import type { Box } from '../geometry/box';
import { easelBox, readEasels } from './easels';
import type { Easel } from './schema';

export { observeEasels } from './easels';

export interface EaselTarget {
  id: string;
  owner: Easel['owner'];
  name: Easel['name'];
  box: Box;
}

export function readEaselTargets(doc: Y.Doc): EaselTarget[] {
  return readEasels(doc).map((e) => ({ id: e.id, owner: e.owner, name: e.name, box: easelBox(e) }));
}
