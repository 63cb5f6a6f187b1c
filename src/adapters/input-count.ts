import { opendir, stat } from 'node:fs/promises';
import { compareCodePoints } from '../core/values/collate.js';
import path from 'node:path';
import { expandOptions, type CollectOptions } from './expand.js';
import { SIDECAR_SUFFIX, STATE_FILE } from './mail/store.js';

/**
 * How many files and other entries `walkInputs` (./inputs.ts) will yield for the same paths, from
 * the folder listings alone — nothing is read — so a progress line can say 「n/N 个文件」 from the
 * start. Same rules as the walk: every file found counts, used or skipped (a lock file, a .pdf),
 * once even when reached twice; the mail fetch's bookkeeping files do not; a folder past the depth
 * limit or unreadable counts as the one line the walk gives it. An .eml or .zip counts as one:
 * what it holds is known only when it is opened (the line's total then grows, ../cli/progress.ts).
 */
export async function countInputFiles(
  paths: readonly string[],
  options: CollectOptions = {},
): Promise<number> {
  const { maxFolderDepth } = expandOptions(options);
  const seen = new Set<string>();
  const visit = async (full: string, explicit: boolean, depth: number): Promise<number> => {
    const base = path.basename(full);
    if (base.startsWith('~$') || (!explicit && base.startsWith('.'))) return 1;
    let st;
    try {
      st = await stat(full);
    } catch {
      return 1;
    }
    const id = st.ino !== 0 ? `${st.dev}:${st.ino}` : path.resolve(full);
    if (seen.has(id)) return 0;
    seen.add(id);
    if (!st.isDirectory() || depth >= maxFolderDepth) return 1;
    const names: string[] = [];
    try {
      for await (const d of await opendir(full)) names.push(d.name);
    } catch {
      return 1;
    }
    const present = new Set(names);
    let n = 0;
    for (const name of names.sort(compareCodePoints)) {
      const bookkeeping =
        name === STATE_FILE ||
        (name.endsWith(SIDECAR_SUFFIX) && present.has(name.slice(0, -SIDECAR_SUFFIX.length)));
      if (!bookkeeping) n += await visit(path.join(full, name), false, depth + 1);
    }
    return n;
  };
  let total = 0;
  for (const p of paths) total += await visit(p, true, 0);
  return total;
}
