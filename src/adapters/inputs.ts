/**
 * Turn the paths a clerk hands us (workbooks, folders, saved e-mails, zip archives) into a
 * deterministic stream of workbook submissions, plus everything skipped and why.
 *
 * Decisions:
 * - `.xlsx`, `.xlsm`, `.xltx`, `.xltm` become items. So does `.xls`: the reader then reports
 *   `file.xls` against the right file name, which tells the clerk more than a skip would.
 * - Folders are walked recursively, entries in code-unit order of their names (depth first), so
 *   the output does not depend on the file system. Dot-files/folders and `~$` Office lock files
 *   are skipped with a reason; a path given explicitly is used even if it starts with a dot (but a
 *   lock file never is). Folders nest at most `maxFolderDepth` (32) below a path given; deeper
 *   ones are listed, not walked. A folder reached again through a link (a loop) is not walked twice.
 * - `.eml` files: every attachment is looked at like a file (`.xlsx` → item, `.zip`/`.eml` →
 *   expanded, others skipped with a reason). Items carry the message's `Date` as `receivedAt`
 *   and its `From` as `sender`; for a message attached inside a message, the innermost one's.
 * - `.zip` archives: entries in name order, with the same handling; a workbook inside a zip gets
 *   the entry's modification time as `mtime`. `__MACOSX/` and dot entries are skipped; entries
 *   pointing outside the archive (`../`) are refused as unsafe.
 * - Containers (`.zip`, `.eml`) nest at most 3 deep; deeper ones are skipped with a reason.
 * - Inputs are only ever read, one file at a time: a file's bytes are read when its turn comes
 *   and dropped when the caller moves on. Every byte read, inflated or decoded draws on the run's
 *   budget (./budget.ts). The same file reached twice (by two paths) is listed once.
 * - A folder kpd mail fetch filled: each `NAME.eml` has `NAME.eml.json` beside it with the time
 *   the server received it, which becomes the message's time; the sidecars and the fetch's
 *   `.kpd-mail.json` are its bookkeeping, not received files, and are passed over in silence.
 */
import { opendir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { readSidecar, SIDECAR_SUFFIX, STATE_FILE } from './mail/store.js';
import { visible } from '../core/values/visible.js';
import { compareCodePoints } from '../core/values/collate.js';
import {
  classify,
  expandBytes,
  expandOptions,
  ignored,
  tooLarge,
  type CollectedInputs,
  type CollectOptions,
  type ExpandOptions,
  type Found,
} from './expand.js';
import { UnusableFileError } from './errors.js';
export {
  SEP,
  UNREADABLE,
  type CollectedInputs,
  type CollectOptions,
  type Found,
  type IgnoredInput,
  type InputItem,
} from './expand.js';

/** Files and folders already visited (device:inode), so a file named twice or a link loop is read once. */
type Seen = Set<string>;

/**
 * The workbooks among `paths`, one at a time, and everything not read with the reason. Nothing
 * is read before the caller asks for it.
 */
export async function* walkInputs(
  paths: readonly string[],
  options: CollectOptions = {},
): AsyncGenerator<Found> {
  const opts = expandOptions(options);
  const seen: Seen = new Set();
  for (const p of paths) yield* visitPath(opts, seen, p, p, true, 0);
}

/** Everything `walkInputs` finds, gathered (for tests and small runs). */
export async function collectInputs(
  paths: readonly string[],
  options: CollectOptions = {},
): Promise<CollectedInputs> {
  const out: CollectedInputs = { items: [], ignored: [] };
  for await (const f of walkInputs(paths, options)) {
    if (f.kind === 'item') out.items.push(f.item);
    else out.ignored.push(f.ignored);
  }
  return out;
}

async function* visitPath(
  opts: ExpandOptions,
  seen: Seen,
  full: string,
  display: string,
  explicit: boolean,
  depth: number,
): AsyncGenerator<Found> {
  const base = path.basename(full);
  const shown = visible(display);
  if (base.startsWith('~$')) return yield ignored(shown, 'input.lockFile');
  if (!explicit && base.startsWith('.')) return yield ignored(shown, 'input.hidden');

  let st;
  try {
    st = await stat(full);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    return yield code === 'ENOENT' || code === 'ENOTDIR'
      ? ignored(shown, 'input.notFound')
      : ignored(shown, 'input.unreadable', { code: code ?? '?' });
  }
  // The same file or folder by another path (or a link back up the tree): once only. No
  // realpath per entry: the device and inode that stat gives say the same thing.
  const id = st.ino !== 0 ? `${st.dev}:${st.ino}` : path.resolve(full);
  if (seen.has(id)) return;
  seen.add(id);

  if (st.isDirectory()) {
    if (depth >= opts.maxFolderDepth)
      return yield ignored(shown, 'input.foldersTooDeep', { depth: opts.maxFolderDepth });
    let names: string[];
    try {
      names = [];
      for await (const d of await opendir(full)) names.push(d.name);
    } catch (e) {
      return yield ignored(shown, 'input.unreadableFolder', {
        code: (e as NodeJS.ErrnoException).code ?? '?',
      });
    }
    names.sort(compareCodePoints);
    const present = new Set(names);
    const bookkeeping = (n: string): boolean =>
      n === STATE_FILE || (n.endsWith(SIDECAR_SUFFIX) && present.has(n.slice(0, -SIDECAR_SUFFIX.length)));
    for (const name of names)
      if (!bookkeeping(name))
        yield* visitPath(opts, seen, path.join(full, name), path.join(display, name), false, depth + 1);
    return;
  }
  if (!st.isFile()) return yield ignored(shown, 'input.notRegular');

  const kind = classify(base);
  if (kind.code !== undefined) return yield ignored(shown, kind.code, kind.params);
  if (st.size > opts.maxFileBytes) return yield tooLarge(shown, st.size);
  let buf: Buffer;
  try {
    opts.budget.take(st.size, display);
    buf = await readFile(full);
  } catch (e) {
    if (e instanceof UnusableFileError)
      return yield ignored(shown, 'input.runBudget', {
        limit: `${Math.round(opts.budget.limit / 1024 / 1024)} MB`,
      });
    return yield ignored(shown, 'input.unreadable', { code: (e as NodeJS.ErrnoException).code ?? '?' });
  }
  const bytes = new Uint8Array(buf.buffer, buf.byteOffset, buf.byteLength);
  const server = kind.kind === 'eml' ? await readSidecar(full) : undefined;
  const t = server ? new Date(server.internalDate) : undefined;
  const receivedAt = t && !Number.isNaN(t.getTime()) ? t : undefined;
  yield* expandBytes(opts, kind.kind!, bytes, shown, { mtime: st.mtime, receivedAt }, {}, 0);
}
