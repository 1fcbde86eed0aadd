/** The ZIP of every easel's annotated PNG, each named after its artist. */
import { zip, type Zippable } from 'fflate';
import { boardFileStem, uniqueFileNames } from './names';
import { forEachEasel, type ExportDeps, type ExportResult } from './png';
import type { RenderOptions } from './render';
import type { ExportJob } from './run';

/** One annotated PNG per easel, in a ZIP, each named after its artist. */
export async function exportEaselsZip(deps: ExportDeps, opts: RenderOptions, job: ExportJob = {}): Promise<ExportResult> {
  const names = uniqueFileNames(deps.source.easels.map((e) => e.name), 'png');
  const files: Zippable = {};
  await forEachEasel(deps, opts, job, 'image/png', async (i, blob) => {
    // PNG is compressed already: store it (level 0) instead of deflating it again.
    files[names[i]!] = [new Uint8Array(await blob.arrayBuffer()), { level: 0 }];
  }, { from: 0, to: 0.95 });
  const bytes = await new Promise<Uint8Array>((resolve, reject) => zip(files, { level: 0 }, (err, data) => (err ? reject(err) : resolve(data))));
  job.onProgress?.(1, 'Done');
  return { blob: new Blob([bytes as Uint8Array<ArrayBuffer>], { type: 'application/zip' }), fileName: `${boardFileStem(deps.source.meta.title)} easels.zip` };
}
