import { formatMessage, joinNames, type Locale } from '../issues/issue.js';
import type { IssueCode } from '../issues/codes.js';
import { fileName } from '../values/file-name.js';
import type { RejectedRow } from './model.js';

/** A line of a printed 数据问题 list: one finding, or the same finding on many rows of one file. */
interface FindingLine {
  /** The file's name, never the folder it came from. */
  readonly file: string;
  readonly sheet: string | null;
  readonly cell: string | null;
  readonly code: string;
  readonly message: string;
  readonly severity: RejectedRow['severity'];
  readonly rejected: boolean;
  /** Rows (or cells) the line stands for. */
  readonly count: number;
}

/**
 * Findings said of a whole file, and how they read when every row of it carries them: a replaced
 * report is "整份 25 行：已被更正件替换", not 25 identical lines.
 */
const WHOLE_FILE: Readonly<Partial<Record<string, IssueCode>>> = {
  'merge.replaced': 'findings.replacedFile',
  'merge.fileNotMerged': 'findings.fileNotMerged',
};

/** Cells named on a grouped line before "等". */
const CELLS_SHOWN = 5;

/**
 * The findings as the printed list says them: the same finding (file, code, words, handling)
 * on several rows is one line, in the place of its first row; file names without folders.
 * @example groupFindings(bulletin.problems, 'zh') // 22 rows of a replaced file → 1 line
 */
export function groupFindings(rows: readonly RejectedRow[], locale: Locale = 'zh'): FindingLine[] {
  const groups = new Map<string, RejectedRow[]>();
  for (const r of rows) {
    const key = [r.file, r.code, r.message, r.rejected ? 1 : 0].join('\u0000');
    const g = groups.get(key);
    if (g) g.push(r);
    else groups.set(key, [r]);
  }
  return [...groups.values()].map((g) => {
    const first = g[0] as RejectedRow;
    const line = {
      file: fileName(first.file),
      code: first.code,
      severity: first.severity,
      rejected: first.rejected,
      count: g.length,
    };
    if (g.length === 1) return { ...line, sheet: first.sheet, cell: first.cell, message: first.message };
    const sheets = [...new Set(g.map((r) => r.sheet).filter((s): s is string => s !== null))];
    const whole = WHOLE_FILE[first.code];
    if (whole !== undefined)
      return {
        ...line,
        sheet: joinNames(sheets, locale) || null,
        cell: null,
        message: formatMessage(whole, { ...first.params, rows: g.length }, locale),
      };
    const cells = g.map((r) => r.cell).filter((c): c is string => c !== null);
    const shown = joinNames(cells.slice(0, CELLS_SHOWN), locale);
    return {
      ...line,
      sheet: joinNames(sheets, locale) || null,
      cell: first.cell,
      message: formatMessage(
        'findings.repeated',
        {
          message: first.message,
          rows: g.length,
          cells:
            cells.length > CELLS_SHOWN
              ? formatMessage('findings.cellsMore', { cells: shown }, locale)
              : shown,
        },
        locale,
      ),
    };
  });
}
