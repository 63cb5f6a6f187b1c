/**
 * Turn the paths a clerk hands us (workbooks, folders, saved e-mails, zip archives) into a flat,
 * deterministic list of workbook submissions, plus a list of everything skipped and why
 * (reasons in Chinese: they are shown to the clerk as they are).
 *
 * Decisions:
 * - `.xlsx`, `.xlsm`, `.xltx`, `.xltm` become items. So does `.xls`: the reader then reports
 *   `file.xls` against the right file name, which tells the clerk more than a skip would.
 * - Folders are walked recursively, entries in code-unit order of their names (depth first), so
 *   the output does not depend on the file system. Dot-files/folders and `~$` Office lock files
 *   are skipped with a reason; a path given explicitly is used even if it starts with a dot (but a
 *   lock file never is).
 * - `.eml` files: every attachment is looked at like a file (`.xlsx` → item, `.zip`/`.eml` →
 *   expanded, others skipped with a reason). Items carry the message's `Date` as `receivedAt`
 *   and its `From` as `sender`; for a message attached inside a message, the innermost one's.
 * - `.zip` archives: entries in name order, with the same handling; a workbook inside a zip gets
 *   the entry's modification time as `mtime`. `__MACOSX/` and dot entries are skipped.
 * - Containers (`.zip`, `.eml`) nest at most 3 deep; deeper ones are skipped with a reason.
 * - Inputs are only ever read. The same file reached twice (by two paths) is listed once.
 * - A folder kpd mail fetch filled: each `NAME.eml` has `NAME.eml.json` beside it with the time
 *   the server received it, which becomes the message's time; the sidecars and the fetch's
 *   `.kpd-mail.json` are its bookkeeping, not received files, and are passed over in silence.
 */
import { readFile, readdir, realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import { readSidecar, SIDECAR_SUFFIX, STATE_FILE } from './mail/store.js';
import {
  classify,
  expandContext,
  handleBytes,
  ignore,
  LOCK_FILE,
  type CollectedInputs,
  type CollectOptions,
  type ExpandCtx,
} from './expand.js';
export {
  LOCK_FILE,
  SEP,
  type CollectedInputs,
  type CollectOptions,
  type IgnoredInput,
  type InputItem,
} from './expand.js';

interface Ctx extends ExpandCtx {
  readonly seen: Set<string>;
}

export async function collectInputs(
  paths: readonly string[],
  options: CollectOptions = {},
): Promise<CollectedInputs> {
  const ctx: Ctx = { ...expandContext(options), seen: new Set() };
  for (const p of paths) await visitPath(ctx, p, p, true);
  return { items: ctx.items, ignored: ctx.ignored };
}

async function visitPath(ctx: Ctx, full: string, display: string, explicit: boolean): Promise<void> {
  const base = path.basename(full);
  if (base.startsWith('~$')) return ignore(ctx, display, LOCK_FILE);
  if (!explicit && base.startsWith('.')) return ignore(ctx, display, '隐藏文件，已忽略');

  let st;
  try {
    st = await stat(full);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    return ignore(
      ctx,
      display,
      code === 'ENOENT' || code === 'ENOTDIR' ? '文件不存在' : `无法读取（${code ?? '未知错误'}）`,
    );
  }

  let real = full;
  try {
    real = await realpath(full);
  } catch {
    // keep the given path
  }
  if (ctx.seen.has(real)) return; // reached twice (a folder and a file in it, or a link loop)
  ctx.seen.add(real);

  if (st.isDirectory()) {
    let names: string[];
    try {
      names = await readdir(full);
    } catch (e) {
      return ignore(ctx, display, `无法读取文件夹（${(e as NodeJS.ErrnoException).code ?? '未知错误'}）`);
    }
    names.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    const present = new Set(names);
    const bookkeeping = (n: string): boolean =>
      n === STATE_FILE || (n.endsWith(SIDECAR_SUFFIX) && present.has(n.slice(0, -SIDECAR_SUFFIX.length)));
    for (const name of names)
      if (!bookkeeping(name)) await visitPath(ctx, path.join(full, name), path.join(display, name), false);
    return;
  }
  if (!st.isFile()) return ignore(ctx, display, '不是普通文件，已忽略');

  const kind = classify(base);
  if (kind.reason !== undefined) return ignore(ctx, display, kind.reason);
  if (st.size > ctx.opts.maxFileBytes) {
    return ignore(ctx, display, `文件过大（${Math.round(st.size / 1024 / 1024)} MB），已忽略`);
  }
  let buf: Buffer;
  try {
    buf = await readFile(full);
  } catch (e) {
    return ignore(ctx, display, `无法读取（${(e as NodeJS.ErrnoException).code ?? '未知错误'}）`);
  }
  const bytes = new Uint8Array(buf.buffer, buf.byteOffset, buf.byteLength);
  const server = kind.kind === 'eml' ? await readSidecar(full) : undefined;
  const t = server ? new Date(server.internalDate) : undefined;
  const receivedAt = t && !Number.isNaN(t.getTime()) ? t : undefined;
  handleBytes(ctx, kind.kind!, bytes, display, { mtime: st.mtime, receivedAt }, {}, 0);
}
