// Lint rules, including the layer fences from docs/architecture.md: a wrong import fails lint.
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const layer = (files, patterns) => ({
  files,
  rules: { 'no-restricted-imports': ['error', { patterns }] },
});
const p = (group, message) => ({ group, message });

const UI_LIBS = ['react', 'react-dom', 'react-dom/*', 'react-konva', 'konva', 'konva/*'];
const SYNC_LIBS = ['y-websocket', 'y-indexeddb'];
const NODE = ['node:*', 'fs', 'path', 'http', 'ws', 'better-sqlite3'];

export default tseslint.config(
  { ignores: ['dist/', 'node_modules/', 'data/', 'test-results/', 'playwright-report/', 'bench/results/', '.tmp/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      eqeqeq: ['error', 'smart'],
      'no-console': 'off',
    },
  },
  {
    files: ['src/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'error',
    },
  },
  // Layer fences (client).
  layer(['src/lib/**'], [p(['../*', '!../lib/*', ...UI_LIBS, 'yjs', ...SYNC_LIBS, ...NODE], 'lib/ imports nothing of ours.')]),
  layer(['src/geometry/**'], [p(['../model/*', '../protocol/*', '../editor/*', '../tools/*', '../canvas/*', '../ui/*', '../sync/*', '../app/*', '../actions/*', '../export/*', 'yjs', ...UI_LIBS, ...SYNC_LIBS, ...NODE], 'geometry/ is pure: lib only.')]),
  layer(['src/protocol/**'], [p(['../model/*', '../geometry/*', '../editor/*', '../tools/*', '../canvas/*', '../ui/*', '../sync/*', '../app/*', '../actions/*', '../export/*', ...UI_LIBS, ...SYNC_LIBS, ...NODE], 'protocol/ is shared with the server: lib only, no DOM, no node.')]),
  layer(['src/model/**'], [p(['../editor/*', '../tools/*', '../canvas/*', '../ui/*', '../sync/*', '../app/*', '../actions/*', '../export/*', ...UI_LIBS, ...SYNC_LIBS, ...NODE], 'model/ is pure TypeScript over Yjs.')]),
  layer(['src/editor/**'], [p(['../tools/*', '../canvas/*', '../ui/*', '../sync/*', '../app/*', '../actions/*', '../export/*', ...UI_LIBS, ...SYNC_LIBS], 'editor/ holds session state: no rendering, no sync.')]),
  layer(['src/tools/**'], [p(['../canvas/*', '../ui/*', '../sync/*', '../app/*', '../actions/*', '../export/*', '../../canvas/*', '../../ui/*', '../../sync/*', '../../app/*', 'yjs', ...UI_LIBS, ...SYNC_LIBS], 'tools/ turn normalised events into model commands: no React, Konva or Yjs.')]),
  layer(['src/actions/**'], [p(['../canvas/*', '../ui/*', '../sync/*', '../app/*', ...UI_LIBS, ...SYNC_LIBS], 'actions/ are shared one-shot commands.')]),
  layer(['src/canvas/**'], [p(['../ui/*', '../sync/*', '../app/*', '../tools/*', 'yjs', ...SYNC_LIBS], 'canvas/ renders: it reads the model, never Yjs or sync directly.')]),
  layer(['src/ui/**'], [p(['../canvas/*', '../sync/*', '../app/*', '../tools/*', 'yjs', 'konva', 'konva/*', 'react-konva', ...SYNC_LIBS], 'ui/ is DOM chrome: no Konva, no Yjs.')]),
  layer(['src/sync/**'], [p(['../canvas/*', '../ui/*', '../tools/*', '../app/*', ...UI_LIBS], 'sync/ is the only importer of y-websocket.')]),
  layer(['src/export/**'], [p(['../ui/*', '../sync/*', '../app/*'], 'export/ renders from the document.')]),
  // Server: never imports client rendering layers.
  layer(['server/**'], [p(['**/src/canvas/*', '**/src/ui/*', '**/src/tools/*', '**/src/editor/*', '**/src/sync/*', '**/src/app/*', ...UI_LIBS, 'y-websocket'], 'server/ shares only protocol/, model/, geometry/ and lib/ with the client.')]),
);
