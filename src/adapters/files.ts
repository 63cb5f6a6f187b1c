import { randomBytes } from 'node:crypto';
import { mkdir, readFile, rename, stat, unlink, writeFile } from 'node:fs/promises';
import { basename, dirname, extname, join, resolve } from 'node:path';
import type { SheetGrid } from '../core/grid.js';
import { parseCsv } from '../core/values/csv.js';
import { issue } from '../core/validate/issue.js';
import { loadWorkbookBytes, type LoadResult } from './received.js';
export { loadWorkbookBytes, packageIssues, type LoadedWorkbook, type LoadResult } from './received.js';

export async function loadWorkbook(file: string): Promise<LoadResult> {
  let bytes: Uint8Array;
  let mtime: Date | undefined;
  try {
    bytes = await readFile(file);
    mtime = (await stat(file)).mtime;
  } catch {
    return { ok: false, issue: issue('file.notFound', {}) };
  }
  return loadWorkbookBytes(file, bytes, mtime);
}

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
 * Writes a result file atomically: to a temporary file beside it, then renamed over it. A
 * reader never sees half a file, and a failed write leaves the old one intact.
 */
export async function writeAtomic(file: string, bytes: Uint8Array | string): Promise<void> {
  const target = resolve(file);
  const tmp = join(dirname(target), `.${basename(target)}.${randomBytes(4).toString('hex')}.tmp`);
  try {
    await ensureDir(dirname(target));
    await writeFile(tmp, bytes);
    await rename(tmp, target);
  } catch (e) {
    await unlink(tmp).catch(() => undefined);
    throw new OutputError(file, (e as NodeJS.ErrnoException).code ?? '');
  }
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
