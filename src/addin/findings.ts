import type { RejectedRow, Submission } from '../core/bulletin/model.js';
import { formatMessage, type Locale } from '../core/issues/issue.js';
import { JOINERS } from '../core/schema/punctuation.js';
import { addinText } from './messages.js';

export { paneMessage } from './wording.js';

/**
 * The pane's findings made readable: the rows of one file left out for one reason said once
 * (「整份 25 行，已被更正件替换」, not 25 identical lines), and long lists shown a page at a time
 * with the count of all, so every finding stays reachable.
 */

/** How many lines the pane shows at once. */
export const PAGE_LINES = 200;

interface Group {
  readonly first: RejectedRow;
  readonly rows: RejectedRow[];
}

/** 「进展情况」第 5–29 行、「一线工作」第 7 行: where a group's rows are, sheet by sheet. */
function rowsWhere(rows: readonly RejectedRow[], locale: Locale): string {
  const bySheet = new Map<string, number[]>();
  for (const r of rows) {
    const list = bySheet.get(r.sheet ?? '') ?? [];
    if (r.row !== null) list.push(r.row);
    bySheet.set(r.sheet ?? '', list);
  }
  const parts: string[] = [];
  bySheet.forEach((list, sheet) => {
    const from = Math.min(...list);
    const to = Math.max(...list);
    if (list.length === 0) parts.push(sheet);
    else
      parts.push(
        addinText(from === to ? 'findings.rowOfSheet' : 'findings.rowsOfSheet', locale, { sheet, from, to }),
      );
  });
  return parts.join(formatMessage('values.listSeparator', {}, locale));
}

/** One row left out, as the pane always said it. */
const single = (p: RejectedRow, locale: Locale): string =>
  addinText('findings.row', locale, {
    file: p.file,
    where: `${p.sheet ? JOINERS.zh.gap + p.sheet : ''}${p.cell ? `!${p.cell}` : ''}`,
    message: p.message,
  });

/**
 * The rows of the merge left out, grouped: rows of one file with the same finding (the same code
 * and the same rendered sentence) become one line, in the order the first of them came; a file a
 * correction replaced is said as such, with the file that replaced it.
 */
export function groupedRejections(
  rejected: readonly RejectedRow[],
  submissions: readonly Submission[],
  locale: Locale = 'zh',
): string[] {
  const groups = new Map<string, Group>();
  for (const r of rejected) {
    const key = JSON.stringify([r.file, r.code, r.message]);
    const g = groups.get(key);
    if (g) g.rows.push(r);
    else groups.set(key, { first: r, rows: [r] });
  }
  const replacedBy = new Map<string, string>();
  for (const s of submissions) if (s.replacedBy !== undefined) replacedBy.set(s.file, s.replacedBy);
  const out: string[] = [];
  groups.forEach(({ first, rows }) => {
    const by = replacedBy.get(first.file);
    if (rows.length === 1) out.push(single(first, locale));
    else if (first.code === 'merge.replaced' && by !== undefined)
      out.push(addinText('findings.replacedFile', locale, { file: first.file, count: rows.length, by }));
    else
      out.push(
        addinText('findings.rowsOfFile', locale, {
          file: first.file,
          where: rowsWhere(rows, locale),
          count: rows.length,
          message: first.message,
        }),
      );
  });
  return out;
}

/** A page of a result's lines: what to show, and what to say of the rest. */
interface LinesPage {
  readonly shown: readonly string[];
  /** 「共 N 条，显示前 200 条」, or empty when all are shown. */
  readonly note: string;
  /** How many the next page would add (0: none left). */
  readonly more: number;
}

/**
 * The first `count` lines of `lines`, with a note saying how many there are in all when some are
 * not shown (and the sheet that holds them all, when the action wrote one).
 */
export function linesPage(
  lines: readonly string[],
  count: number,
  locale: Locale = 'zh',
  allInSheet?: string,
): LinesPage {
  const shown = lines.slice(0, count);
  const left = lines.length - shown.length;
  if (left <= 0) return { shown, note: '', more: 0 };
  const params = { total: lines.length, shown: shown.length };
  return {
    shown,
    note:
      allInSheet === undefined
        ? addinText('findings.cut', locale, params)
        : addinText('findings.allIn', locale, { ...params, sheet: allInSheet }),
    more: Math.min(left, PAGE_LINES),
  };
}
