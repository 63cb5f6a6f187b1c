import { randomBytes } from 'node:crypto';
import { unlinkSync } from 'node:fs';
import { mkdir, readdir, readFile, rename, stat, unlink, writeFile } from 'node:fs/promises';
import { basename, dirname, extname, join, resolve } from 'node:path';
import type { SheetGrid } from '../core/values/grid.js';
import { parseCsv } from '../core/values/csv.js';
import { issue, type Issue } from '../core/issues/issue.js';
import type { ByteBudget } from './budget.js';
import { UnusableFileError } from './errors.js';
import { loadWorkbookBytes, type LoadResult } from './received.js';
export { loadWorkbookBytes, packageIssues, type LoadedWorkbook, type LoadResult } from './received.js';

export async function loadWorkbook(file: string, budget?: ByteBudget): Promise<LoadResult> {
  let bytes: Uint8Array;
  let mtime: Date | undefined;
  try {
    const st = await stat(file);
    budget?.take(st.size, file);
    bytes = await readFile(file);
    mtime = st.mtime;
  } catch (e) {
    if (e instanceof UnusableFileError) return { ok: false, issue: budgetIssue(budget) };
    return { ok: false, issue: issue('file.notFound', {}) };
  }
  return loadWorkbookBytes(file, bytes, mtime, budget);
}

const budgetIssue = (budget: ByteBudget | undefined): Issue =>
  issue('file.runBudget', {}, { limit: `${Math.round((budget?.limit ?? 0) / 1024 / 1024)} MB`, detail: '' });

/** Text files people make in Excel or WPS: UTF-8 (with or without BOM), else GBK. */
export function decodeText(bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder('gbk').decode(bytes);
  }
}

/** A CSV file as a one-sheet workbook, so the same readers apply. */
export async function loadCsv(file: string): Promise<SheetGrid> {
  const text = decodeText(await readFile(file));
  return { name: basename(file, extname(file)), rows: parseCsv(text) };
}

/**
 * The temporary file a result is written to before it is renamed into place: beside the result,
 * named so that a person who finds one knows what it is (`通报.xlsx.kpd-部分写入-1234-ab12cd34.tmp`:
 * "partly written by kpd", with the writing process's id).
 */
const TMP_MARK = '.kpd-部分写入-';
const tmpName = (target: string): string =>
  `${target}${TMP_MARK}${process.pid}-${randomBytes(4).toString('hex')}.tmp`;

/** Temporary files being written now: removed if the process is interrupted (Ctrl+C, kill). */
const writing = new Set<string>();

/** Removes the temporary files of writes in progress; for the signal handlers of the CLI. */
export function removePartialWrites(): void {
  for (const f of writing) {
    try {
      unlinkSync(f);
    } catch {
      // already gone
    }
  }
  writing.clear();
}

function processAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Temporary files a killed run left beside `target` (a process that no longer runs wrote
 * them): removed before the next write of the same result. Returns their names.
 */
export async function removeLeftovers(target: string): Promise<string[]> {
  const dir = dirname(target);
  const prefix = `${basename(target)}${TMP_MARK}`;
  let names: string[];
  try {
    names = await readdir(dir);
  } catch {
    return [];
  }
  const removed: string[] = [];
  for (const name of names) {
    if (!name.startsWith(prefix) || !name.endsWith('.tmp')) continue;
    const pid = Number(name.slice(prefix.length).split('-')[0]);
    if (processAlive(pid)) continue;
    try {
      await unlink(join(dir, name));
      removed.push(name);
    } catch {
      // not ours to remove after all (permissions): left as it is
    }
  }
  return removed;
}

/**
 * Writes a result file atomically: to a temporary file beside it, then renamed over it. A
 * reader never sees half a file, and a failed write leaves the old one intact. Leftovers of an
 * earlier run that was killed are removed first; their names are returned.
 */
export async function writeAtomic(file: string, bytes: Uint8Array | string): Promise<string[]> {
  const target = resolve(file);
  const tmp = tmpName(target);
  let removed: string[] = [];
  try {
    await ensureDir(dirname(target));
    removed = await removeLeftovers(target);
    writing.add(tmp);
    await writeFile(tmp, bytes);
    await rename(tmp, target);
    writing.delete(tmp);
  } catch (e) {
    await unlink(tmp).catch(() => undefined);
    writing.delete(tmp);
    throw new OutputError(file, (e as NodeJS.ErrnoException).code ?? '');
  }
  return removed;
}

/** An output that could not be written; `reason` is Chinese, for the person who asked for it. */
export class OutputError extends Error {
  override readonly name = 'OutputError';
  readonly reason: string;
  constructor(
    readonly file: string,
    readonly code: string,
  ) {
    const reason =
      {
        EACCES: '没有写入权限',
        EPERM: '没有写入权限',
        EROFS: '所在的盘是只读的',
        ENOSPC: '磁盘空间不足',
        ENOTDIR: '路径中有一段是文件而不是文件夹',
        EEXIST: '路径中有一段是文件而不是文件夹',
        EISDIR: '同名的文件夹已存在',
        EBUSY: '文件正被其他程序（如 Excel、WPS）打开，请先关闭',
        ENOENT: '文件夹无法创建',
      }[code] ?? `系统错误 ${code || '未知'}`;
    super(`无法写入「${file}」：${reason}。`);
    this.reason = reason;
  }
}

/**
 * Creates a folder and its missing parents one level at a time (Node 20's recursive mkdir can
 * spin forever under /proc); a part of the path that exists but is a file stops it.
 */
async function ensureDir(dir: string): Promise<void> {
  const missing: string[] = [];
  let d = dir;
  for (let i = 0; i < 64; i++) {
    try {
      if (!(await stat(d)).isDirectory())
        throw Object.assign(new Error('not a directory'), { code: 'ENOTDIR' });
      break;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
      missing.push(d);
      const up = dirname(d);
      if (up === d) break;
      d = up;
    }
  }
  for (const m of missing.reverse()) await mkdir(m);
}

/** True when two paths name the same file (so an output would overwrite an input). */
export async function sameFile(a: string, b: string): Promise<boolean> {
  if (resolve(a) === resolve(b)) return true;
  try {
    const [sa, sb] = await Promise.all([stat(a), stat(b)]);
    return sa.ino === sb.ino && sa.dev === sb.dev;
  } catch {
    return false;
  }
}
