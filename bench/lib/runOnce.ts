/** Run a bench script in a fresh process and parse the JSON line it prints last. */
import { spawn } from 'node:child_process';
import { pinPrefix } from './machine';

export function runJsonProcess<T>(script: string, args: string[], opts: { core?: number; exposeGc?: boolean; nodeFlags?: readonly string[]; env?: Record<string, string>; timeoutMs?: number } = {}): Promise<T> {
  const nodeArgs = [...(opts.exposeGc ? ['--expose-gc'] : []), ...(opts.nodeFlags ?? []), '--import', 'tsx', script, ...args];
  const prefix = opts.core === undefined ? [] : pinPrefix(opts.core);
  const all = [...prefix, process.execPath, ...nodeArgs];
  return new Promise<T>((resolve, reject) => {
    const child = spawn(all[0]!, all.slice(1), { stdio: ['ignore', 'pipe', 'inherit'], env: { ...process.env, ...opts.env } });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), opts.timeoutMs ?? 120_000);
    child.on('exit', (code) => {
      clearTimeout(timer);
      const last = out.trim().split('\n').pop() ?? '';
      try {
        if (code !== 0) throw new Error(`exit ${code}`);
        resolve(JSON.parse(last) as T);
      } catch (e) {
        reject(new Error(`${script} ${args.join(' ')} failed (${e instanceof Error ? e.message : String(e)}): ${out.slice(-500)}`));
      }
    });
  });
}
