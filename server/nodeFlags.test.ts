import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { SERVER_NODE_ARGS } from './nodeFlags';

const root = path.resolve(import.meta.dirname, '..');
const read = (file: string): string => readFileSync(path.join(root, file), 'utf8');
const command = `node ${SERVER_NODE_ARGS.join(' ')}`;

describe('the server is started with its V8 flags everywhere', () => {
  it('by npm start', () => {
    const pkg = JSON.parse(read('package.json')) as { scripts: Record<string, string> };
    expect(pkg.scripts.start).toBe(command);
  });

  it("by the README's run command (scripts/app.sh)", () => {
    expect(read('scripts/app.sh')).toContain(`exec ${command}\n`);
  });
});
