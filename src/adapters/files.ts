import { randomBytes } from 'node:crypto';
import { mkdir, readFile, rename, stat, unlink, writeFile } from 'node:fs/promises';
import { basename, dirname, extname, join, resolve } from 'node:path';
import type { WorkbookGrid } from '../core/grid.js';
import type { SheetGrid } from '../core/grid.js';
import { parseCsv } from '../core/values/csv.js';
import { issue, type Issue } from '../core/validate/issue.js';
import type { IssueCode } from '../core/validate/codes.js';
import { readXlsx, UnusableFileError, type PackageFlags } from './xlsx-read/index.js';

/** A workbook read from a file, with what the package itself says about it. */
export interface LoadedWorkbook {
  readonly file: string;
  readonly workbook: WorkbookGrid;
  readonly flags: PackageFlags;
  /** Package-level findings: macros, external links, truncated sheets. */
  readonly issues: readonly Issue[];
  readonly mtime?: Date;
}

export type LoadResult =
  { readonly ok: true; readonly value: LoadedWorkbook } | { readonly ok: false; readonly issue: Issue };

/** Findings about the package, as issues the person can act on. */
export function packageIssues(flags: PackageFlags): Issue[] {
  const out: Issue[] = [];
  if (flags.macros) out.push(issue('file.macro', {}));
  if (flags.externalLinks) out.push(issue('file.externalLinks', {}));
  for (const t of flags.truncated)
    out.push(issue('file.truncated', { sheet: t.sheet }, { sheet: t.sheet, detail: t.reason }));
  return out;
}

/** Bytes → workbook, or the reason it cannot be used (never throws for bad input). */
export function loadWorkbookBytes(file: string, bytes: Uint8Array, mtime?: Date): LoadResult {
  try {
    const { workbook, flags } = readXlsx(bytes);
    return {
      ok: true,
      value: { file, workbook, flags, issues: packageIssues(flags), ...(mtime && { mtime }) },
    };
  } catch (e) {
    if (e instanceof UnusableFileError) {
      return { ok: false, issue: issue(e.code as IssueCode, {}, { detail: e.detail }) };
    }
    throw e;
  }
}

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
  const tmp = join(dirname(resolve(file)), `.${basename(file)}.${randomBytes(4).toString('hex')}.tmp`);
  await mkdir(dirname(resolve(file)), { recursive: true });
  try {
    await writeFile(tmp, bytes);
    await rename(tmp, file);
  } catch (e) {
    await unlink(tmp).catch(() => undefined);
    throw e;
  }
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
