import { isAbsolute, relative } from 'node:path';
import { cellRef, location, message, SEVERITY_LABEL, type Issue, type Locale } from '../core/issues/issue.js';
import { displayWidth } from '../core/template/layout.js';
import type { TableWrite } from '../core/table/merge.js';
import { maxOf } from '../core/values/lists.js';

/** Pure formatting of results for the terminal and for --json; the commands only print. */

interface IssueJson {
  readonly severity: Issue['severity'];
  readonly code: string;
  readonly sheet: string | null;
  readonly cell: string | null;
  readonly row: number | null;
  readonly column: number | null;
  readonly message: string;
}

export function issueJson(i: Issue, locale: Locale = 'zh'): IssueJson {
  return {
    severity: i.severity,
    code: i.code,
    sheet: i.sheet ?? null,
    cell: cellRef(i) || null,
    row: i.row ?? null,
    column: i.column ?? null,
    message: message(i, locale),
  };
}

function padEnd(s: string, width: number): string {
  return s + ' '.repeat(Math.max(0, width - displayWidth(s)));
}

/** One line per issue: severity, place, message. */
export function formatIssues(issues: readonly Issue[], locale: Locale, indent = '  '): string {
  const places = issues.map((i) => location(i, locale));
  const w = Math.min(24, maxOf(places.map(displayWidth), 0));
  return issues
    .map(
      (i, k) =>
        `${indent}${padEnd(SEVERITY_LABEL[i.severity][locale], 6)}${padEnd(places[k] ?? '', w)}  ${message(i, locale)}\n`,
    )
    .join('');
}

export function countBySeverity(issues: readonly Issue[]): Record<Issue['severity'], number> {
  const n = { error: 0, warning: 0, info: 0 };
  for (const i of issues) n[i.severity]++;
  return n;
}

/** A plain text table with CJK-aware column widths. */
export function table(headers: readonly string[], rows: readonly (readonly (string | number)[])[]): string {
  const cells = [headers, ...rows.map((r) => r.map(String))];
  const widths = headers.map((_, c) =>
    maxOf(
      cells.map((r) => displayWidth(r[c] ?? '')),
      0,
    ),
  );
  const line = (r: readonly string[]): string =>
    r
      .map((c, i) => padEnd(c, widths[i] ?? 0))
      .join('  ')
      .trimEnd() + '\n';
  return line(headers) + line(widths.map((w) => '-'.repeat(w))) + cells.slice(1).map(line).join('');
}

/**
 * A path as the person will recognise it: relative to the working folder when inside it, else
 * as given; the part after a container (`a.eml › 表.xlsx`) is kept.
 */
export function displayPath(cwd: string, f: string): string {
  const [first = f, ...inner] = f.split(' › ');
  const r = relative(cwd, first);
  return [r === '' || r.startsWith('..') || isAbsolute(r) ? first : r, ...inner].join(' › ');
}

/** What each table of a run did in the workbook it was written into (ledger import, score). */
export function tablesJson(writes: readonly TableWrite[]) {
  return writes.map((w) =>
    w.kind === 'fresh'
      ? { sheet: w.job.sheet.name, written: 'new', added: w.job.rows.length }
      : {
          sheet: w.plan.sheetName,
          written: 'merged',
          added: w.plan.counts.added,
          updated: w.plan.counts.updated,
          unchanged: w.plan.counts.unchanged,
          removed: w.plan.removed.map((r) => ({ row: r.row, label: r.label })),
          keptColumns: w.plan.keptColumns,
          keptRows: w.plan.keptRows,
          addedColumns: w.plan.headerCells.map((h) => h.text),
        },
  );
}
