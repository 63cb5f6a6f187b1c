import { randomBytes } from 'node:crypto';
import { unlinkSync } from 'node:fs';
import { mkdir, readdir, readFile, rename, stat, unlink, writeFile } from 'node:fs/promises';
import { basename, dirname, extname, join, resolve } from 'node:path';
import type { SheetGrid } from '../core/values/grid.js';
import { parseCsv } from '../core/values/csv.js';
import { formatMessage, issue, type Issue, type Locale } from '../core/issues/issue.js';
import type { IssueCode } from '../core/issues/codes.js';
import { PARTIAL_WRITE_MARK } from '../core/schema/workbook-meta.js';
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
const TMP_MARK = PARTIAL_WRITE_MARK;
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

/** Why a write failed, by Node's error code, said by code (messages-output.ts). */
const WRITE_FAILURES: Readonly<Record<string, IssueCode>> = {
  EACCES: 'output.why.noPermission',
  EPERM: 'output.why.noPermission',
  EROFS: 'output.why.readOnly',
  ENOSPC: 'output.why.diskFull',
  ENOTDIR: 'output.why.fileInPath',
  EEXIST: 'output.why.fileInPath',
  EISDIR: 'output.why.folderExists',
  EBUSY: 'output.why.busy',
  ENOENT: 'output.why.noFolder',
};

/**
 * An output that could not be written; its message and `reason` are Chinese, for the person who
 * asked for it; `text(locale)` says it in either language.
 */
export class OutputError extends Error {
  override readonly name = 'OutputError';
  readonly reason: string;
  /** Why, as a message code (its params: `code`). */
  readonly why: IssueCode;
  constructor(
    readonly file: string,
    readonly code: string,
  ) {
    const why = WRITE_FAILURES[code] ?? (code ? 'output.why.system' : 'output.why.unknown');
    super(formatMessage('output.cannotWrite', { file, why, code }));
    this.why = why;
    this.reason = formatMessage(why, { code });
  }

  /** The message in `locale`. */
  text(locale: Locale): string {
    return formatMessage('output.cannotWrite', { file: this.file, why: this.why, code: this.code }, locale);
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
