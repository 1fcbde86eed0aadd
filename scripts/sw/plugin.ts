/**
 * Vite build plugin: emits /sw.js from the hand-written scripts/sw/sw.js with the list of built
 * files to precache (no source maps) and a version derived from their names, so that a deploy with
 * new files installs a new worker and drops the old cache.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { Plugin } from 'vite';

export function serviceWorker(): Plugin {
  return {
    name: 'sketchroom-service-worker',
    apply: 'build',
    generateBundle(_options, bundle) {
      const files = ['/index.html', ...Object.keys(bundle).filter((f) => !f.endsWith('.map') && f !== 'index.html').map((f) => `/${f}`)].sort();
      const version = createHash('sha256').update(files.join('\n')).digest('hex').slice(0, 12);
      const template = readFileSync(new URL('./sw.js', import.meta.url), 'utf8');
      const source = template.replace('self.__PRECACHE__', JSON.stringify({ version, files }));
      this.emitFile({ type: 'asset', fileName: 'sw.js', source });
    },
  };
}
