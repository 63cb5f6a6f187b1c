import { ZipWriter } from '../zip-writer.js';
import { fillParts, type FilledParts, type FillJob, type FillResult } from './parts.js';

export { fillParts, type FillJob, type FillResult, type FilledParts, type TableFill } from './parts.js';

/** Zips parts with Node's zlib: a big part given in pieces is deflated chunk by chunk on the thread pool. */
export async function zipEntries(
  entries: readonly (readonly [string, Uint8Array | Iterable<string | Uint8Array>])[],
): Promise<Uint8Array> {
  const zip = new ZipWriter();
  for (const [name, content] of entries) {
    if (content instanceof Uint8Array) zip.add(name, content);
    else await zip.addAsync(name, content, 1);
  }
  return zip.finish();
}

/**
 * Fills a workbook template (see fillParts) and zips it with Node's zlib: a filled sheet is
 * deflated chunk by chunk on the thread pool while its next rows are made.
 */
export async function fillWorkbook(
  template: Uint8Array,
  job: FillJob,
  /** A last change to the parts before zipping (the bulletin's charts: adapters/xlsx-charts). */
  finish: (parts: FilledParts) => FilledParts = (p) => p,
): Promise<FillResult> {
  const { entries, missing } = finish(fillParts(template, job));
  return { bytes: await zipEntries(entries), missing };
}
