/**
 * The real server as its own process (`npm start`), for tests that kill it
 * with SIGKILL: resolves with the child and its URL once it prints its Local address.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { SERVER_NODE_ARGS } from '../nodeFlags';
import { tempDir } from './helpers';

const root = path.resolve(import.meta.dirname, '../..');

export function spawnServer(dataDir: string): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(process.execPath, [...SERVER_NODE_ARGS], {
    cwd: root,
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', DATA_DIR: dataDir, STATIC_DIR: tempDir() },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const m = /Local:\s+(http:\/\/[^\s/]+:\d+)\//.exec(out);
      if (m) resolve({ child, url: m[1]!.replace('localhost', '127.0.0.1') });
    });
    child.stderr!.on('data', (chunk: Buffer) => process.stderr.write(chunk));
    child.once('exit', (code) => reject(new Error(`server exited early (${code}): ${out}`)));
  });
}
