/**
 * The ZIP of every easel's annotated PNG, each named after its artist (or numbered, where the
 * board hides names). Written as a stream: each
 * PNG joins the archive as soon as it is made (stored, not deflated again: PNG is compressed
 * already), so the checksum work is spread over the run instead of one long task at the end, and
 * only the finished archive's chunks are held.
 */
import { Zip, ZipPassThrough } from 'fflate';
import { boardFileStem, easelFileNames } from './names';
import { forEachEasel, type ExportDeps, type ExportResult } from './png';
import type { RenderOptions } from './render';
import type { ExportJob } from './run';

export async function exportEaselsZip(deps: ExportDeps, opts: RenderOptions, job: ExportJob = {}): Promise<ExportResult> {
  const names = easelFileNames(deps.source.easels.map((e) => e.name), deps.source.hideNames, 'png');
  // Each chunk becomes a Blob at once (a small copy, spread over the run); the archive is then a
  // Blob of Blobs, made without copying 100+ MB in one task at the end.
  const chunks: Blob[] = [];
  let failure: Error | null = null;
  const zip = new Zip((err, data) => {
    if (err) failure = err;
    else chunks.push(new Blob([data as Uint8Array<ArrayBuffer>]));
  });
  await forEachEasel(deps, opts, job, 'image/png', async (i, blob) => {
    const file = new ZipPassThrough(names[i]!);
    zip.add(file);
    file.push(new Uint8Array(await blob.arrayBuffer()), true);
  }, { from: 0, to: 0.98 });
  zip.end();
  if (failure) throw failure;
  job.onProgress?.(1, 'Done');
  return { blob: new Blob(chunks, { type: 'application/zip' }), fileName: `${boardFileStem(deps.source.meta.title)} easels.zip` };
}
