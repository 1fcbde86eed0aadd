/**
 * Fresh process: one client joining a board, from `new WebsocketProvider` to its 'sync' event, as a
 * browser tab that opens the board's link joins: a clean heap and code that has not run yet (Yjs is
 * warmed on a small document only, as loadChild.ts does). Prints one JSON line.
 */
import { timedJoin } from './lib/providers';
import { warmUpApply } from './lib/warmUp';

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
  warmUpApply();
  const result: JoinChildResult = await timedJoin(args.url, args.boardId, args.token);
  process.stdout.write(JSON.stringify(result) + '\n');
}

main().then(
  () => process.exit(0),
  (e: unknown) => {
    console.error(e);
    process.exit(1);
  },
);
