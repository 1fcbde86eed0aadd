/**
 * Fresh process: one client joining a board, from `new WebsocketProvider` to its 'sync' event, as a
 * browser tab that opens the board's link joins: a clean heap and code that has not run yet (Yjs is
 * warmed on a small document only, as loadChild.ts does). Prints one JSON line.
 */
import * as Y from 'yjs';
import { connect, disconnect, whenSynced } from './lib/providers';

export interface JoinChildArgs {
  url: string;
  boardId: string;
  token: string;
}

export interface JoinChildResult {
  ms: number;
  items: number;
}

async function main(): Promise<void> {
  const args = JSON.parse(process.argv[2] ?? '') as JoinChildArgs;
  const warm = new Y.Doc();
  warm.getMap('items').set('warm', new Uint8Array(8));
  Y.applyUpdate(new Y.Doc(), Y.encodeStateAsUpdate(warm));

  const doc = new Y.Doc();
  const t0 = performance.now();
  const provider = connect(args.url, args.boardId, args.token, doc);
  await whenSynced(provider, 60_000);
  const ms = performance.now() - t0;
  await disconnect(provider);
  const result: JoinChildResult = { ms, items: doc.getMap('items').size };
  process.stdout.write(JSON.stringify(result) + '\n');
}

main().then(
  () => process.exit(0),
  (e: unknown) => {
    console.error(e);
    process.exit(1);
  },
);
