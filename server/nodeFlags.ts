/**
 * The V8 flags the server process runs with, wherever it is started: `npm start` and
 * scripts/app.sh (which spell them out; nodeFlags.test.ts keeps them equal to this list), the
 * Playwright web server, the tests and benches that spawn it.
 *
 * `--min-semi-space-size=16` (MB): V8 starts the young generation at 1 MB and grows it only after
 * repeated scavenges. Loading a board makes tens of thousands of objects at once, all of which live
 * on (a 10,000-stroke board: ~60,000), so a small young generation copies them through two or three
 * scavenges before they reach the old one. Starting it at Node 20's own maximum (16 MB) lets a
 * load finish with at most one: the first load after a start (every room after a crash or a
 * restart) is about a fifth faster, measured by `npm run bench -- load`. The cost is up to ~32 MB
 * more resident memory, which a workshop server can spare.
 */
export const SERVER_NODE_FLAGS: readonly string[] = ['--min-semi-space-size=16'];

/** `node` arguments that start the server from the project's root. */
export const SERVER_NODE_ARGS: readonly string[] = [...SERVER_NODE_FLAGS, '--import', 'tsx', 'server/index.ts'];
