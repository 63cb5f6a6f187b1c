import type { IgnoredFile } from '../core/issues/issue.js';
import { resolve } from 'node:path';
import type { ReceivedFile } from '../core/bulletin/model.js';
import { collectInputs } from '../adapters/inputs.js';
import { displayPath } from './format.js';
import { loadPrepared } from './merge-read.js';
import type { Io } from './io.js';
import { compareCodePoints } from '../core/values/collate.js';

/**
 * The 议题申报表 named on the command line (files, folders, .eml, .zip), read as kpd agenda reads
 * them: in path order, with what was set aside and why.
 */
export async function topicFiles(
  paths: readonly string[],
  io: Io,
): Promise<{ files: ReceivedFile[]; ignored: IgnoredFile[] }> {
  const byPath = <T extends { file: string }>(a: T, b: T): number => compareCodePoints(a.file, b.file);
  const collected = await collectInputs(paths.map((p) => resolve(io.cwd, p)));
  const files = collected.items.sort(byPath).map((item) =>
    loadPrepared({
      file: displayPath(io.cwd, item.file),
      bytes: item.bytes,
      ...(item.receivedAt && { receivedAt: item.receivedAt }),
      ...(item.mtime && { mtime: item.mtime }),
      ...(item.sender !== undefined && { sender: item.sender }),
    }),
  );
  const ignored = collected.ignored
    .sort(byPath)
    .map((x) => ({ file: displayPath(io.cwd, x.file), reason: x.reason }));
  return { files, ignored };
}
