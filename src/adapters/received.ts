/**
 * A received file's bytes → the workbook it holds (or why it has none), with every time known
 * for it. No file system and no Node-only API: the CLI and the task pane (which reads the topic
 * forms the clerk picks) share it.
 */
import { instantToCst } from '../core/calendar/dates.js';
import type { ReceivedFile } from '../core/bulletin/index.js';
import type { WorkbookGrid } from '../core/grid.js';
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

/** One input ready to read: display name, bytes and every time known for it (plain data, sendable to a worker). */
export interface PreparedItem {
  readonly file: string;
  readonly bytes: Uint8Array;
  readonly receivedAt?: Date;
  readonly clerkTime?: string;
  readonly mtime?: Date;
  readonly sender?: string;
}

/** Unzips and parses one input: its workbook, or why it has none, and every time known for it. */
export function loadPrepared(item: PreparedItem): ReceivedFile {
  const loaded = loadWorkbookBytes(item.file, item.bytes);
  const base = {
    file: item.file,
    ...(item.receivedAt && { emailTime: instantToCst(item.receivedAt) }),
    ...(item.clerkTime !== undefined && { clerkTime: item.clerkTime }),
    ...(item.mtime && { mtime: instantToCst(item.mtime) }),
    ...(item.sender !== undefined && { sender: item.sender }),
  };
  return loaded.ok
    ? { ...base, workbook: loaded.value.workbook, packageIssues: loaded.value.issues }
    : { ...base, unusable: loaded.issue, packageIssues: [] };
}
