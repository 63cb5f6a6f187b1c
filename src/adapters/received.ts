/**
 * A received file's bytes → the workbook it holds (or why it has none), with every time known
 * for it. No file system and no Node-only API: the CLI and the task pane (which reads the topic
 * forms the clerk picks) share it.
 */
import { instantToCst } from '../core/values/dates.js';
import type { ReceivedFile } from '../core/bulletin/index.js';
import type { WorkbookGrid } from '../core/values/grid.js';
import { issue, type Issue } from '../core/issues/issue.js';
import type { IssueCode } from '../core/issues/codes.js';
import type { ByteBudget } from './budget.js';
import { readXlsx, UnusableFileError, type PackageFlags } from './xlsx-read/index.js';
import { openZip } from './zip.js';

/** A workbook read from a file, with what the package itself says about it. */
export interface LoadedWorkbook {
  readonly file: string;
  /** The package as read (not to be modified). */
  readonly bytes: Uint8Array;
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
  for (const t of flags.truncated) {
    const where = { sheet: t.sheet };
    if (t.kind === 'far') out.push(issue('file.truncatedFar', where, { sheet: t.sheet, cell: t.cell ?? '' }));
    else
      out.push(
        issue(t.kind === 'rows' ? 'file.truncatedRows' : 'file.truncatedCols', where, {
          sheet: t.sheet,
          limit: t.limit ?? 0,
        }),
      );
  }
  return out;
}

/** Bytes → workbook, or the reason it cannot be used (never throws for bad input). */
export function loadWorkbookBytes(
  file: string,
  bytes: Uint8Array,
  mtime?: Date,
  budget?: ByteBudget,
): LoadResult {
  try {
    const { workbook, flags } = readXlsx(bytes, budget ? { budget } : {});
    return {
      ok: true,
      value: { file, bytes, workbook, flags, issues: packageIssues(flags), ...(mtime && { mtime }) },
    };
  } catch (e) {
    if (e instanceof UnusableFileError) {
      const limit = budget ? `${Math.round(budget.limit / 1024 / 1024)} MB` : '';
      return { ok: false, issue: issue(e.code as IssueCode, {}, { detail: e.detail, limit }) };
    }
    throw e;
  }
}

/** One input ready to read: display name, bytes and every time known for it (plain data, sendable to a worker). */
export interface PreparedItem {
  readonly file: string;
  readonly bytes: Uint8Array;
  readonly receivedAt?: Date;
  readonly clerkTime?: string;
  readonly mtime?: Date;
  readonly sender?: string;
  /** The carrying message's Date header when it named no real moment. */
  readonly badMailDate?: string;
}

/** Unzips and parses one input: its workbook, or why it has none, and every time known for it. */
export function loadPrepared(item: PreparedItem, budget?: ByteBudget): ReceivedFile {
  const loaded = loadWorkbookBytes(item.file, item.bytes, undefined, budget);
  const mailIssues =
    item.badMailDate !== undefined ? [issue('mail.dateInvalid', {}, { value: item.badMailDate })] : [];
  const base = {
    file: item.file,
    ...(item.receivedAt && { emailTime: instantToCst(item.receivedAt) }),
    ...(item.clerkTime !== undefined && { clerkTime: item.clerkTime }),
    ...(item.mtime && { mtime: instantToCst(item.mtime) }),
    ...(item.sender !== undefined && { sender: item.sender }),
  };
  return loaded.ok
    ? { ...base, workbook: loaded.value.workbook, packageIssues: [...mailIssues, ...loaded.value.issues] }
    : { ...base, unusable: loaded.issue, packageIssues: mailIssues };
}

/**
 * A package we are about to copy parts of (a --template to fill, a master to write results
 * into) checked first as every received file is: readable as a workbook, and every entry —
 * pictures and all — inflating to exactly the size it declares, within the limits and the run's
 * budget. Only then is it handed to a writer that unzips it whole. Undefined when it is fine.
 */
export function verifyPackage(bytes: Uint8Array, budget?: ByteBudget): Issue | undefined {
  const loaded = loadWorkbookBytes('', bytes, undefined, budget);
  if (!loaded.ok) return loaded.issue;
  try {
    const zip = openZip(bytes, undefined, budget);
    for (const e of zip.entries) if (!e.isDirectory || e.size > 0) zip.readTransient(e);
  } catch (e) {
    if (!(e instanceof UnusableFileError)) throw e;
    const limit = budget ? `${Math.round(budget.limit / 1024 / 1024)} MB` : '';
    return issue(e.code as IssueCode, {}, { detail: e.detail, limit });
  }
  return undefined;
}
