import type { Cell } from '../values/grid.js';
import type { SheetSpec } from '../schema/types.js';
import { formatMessage, joinNames } from '../issues/issue.js';
import { PROBLEM_COLUMNS } from '../schema/bulletin.js';
import type { RowValues } from './samples.js';
import { compareText } from '../values/collate.js';

/** Excel's limits for one sheet (and one cell): a file beyond them is one Excel cannot open. */
export const EXCEL_LIMITS = { maxRows: 1_048_576, maxCols: 16_384, maxCellChars: 32_767 } as const;

/** Rows of a sheet left for a table's title, fields, header, 合计 and notes. */
export const TABLE_ROW_MARGIN = 1_000;

/** Rows of a table: an array, or made on demand by `at` (the big tables, never held twice). */
export type RowSource = Pick<readonly RowValues[], 'length' | 'at'>;

export interface TableOverflow {
  readonly sheet: string;
  readonly total: number;
  readonly kept: number;
}

const cutNote = (count: number): string =>
  formatMessage('output.textCut', { count: count.toLocaleString('en-US') }, 'zh');

/** `s` cut to `max` characters, the note of how much was cut included (`max` long in all). */
const cutText = (s: string, max: number): string => {
  if (s.length <= max) return s;
  let end = max - cutNote(s.length - max).length;
  if (end <= 0) return s.slice(0, max);
  // The note's length depends on the count it states: settle both.
  for (let i = 0; i < 3; i++) {
    const next = max - cutNote(s.length - end).length;
    if (next === end) break;
    end = next;
  }
  const c = s.charCodeAt(end - 1);
  if (c >= 0xd800 && c <= 0xdbff) end--; // never split a surrogate pair
  return s.slice(0, end) + cutNote(s.length - end);
};

function capRow(row: RowValues, maxChars: number): RowValues {
  let out: Record<string, Cell | undefined> | undefined;
  for (const k in row) {
    const v = row[k];
    if (typeof v === 'string' && v.length > maxChars) {
      out ??= { ...row };
      out[k] = cutText(v, maxChars);
    }
  }
  return out ?? row;
}

/**
 * A table as Excel can hold it: every text at most 32,767 characters (the rest said in the cell),
 * and at most `maxRows` rows; beyond that, the last row says how many rows were left out and, for
 * a table with a 问题代码 column, how many of each code. `overflow` is set when rows were left out.
 */
export function capTable(
  sheet: SheetSpec,
  rows: RowSource,
  limits: { readonly maxRows: number; readonly maxCellChars: number } = {
    maxRows: EXCEL_LIMITS.maxRows - TABLE_ROW_MARGIN,
    maxCellChars: EXCEL_LIMITS.maxCellChars,
  },
): { rows: RowSource; overflow?: TableOverflow } {
  const total = rows.length;
  const capped = (i: number): RowValues | undefined => {
    const r = rows.at(i);
    return r === undefined ? undefined : capRow(r, limits.maxCellChars);
  };
  if (total <= limits.maxRows) return { rows: { length: total, at: capped } };
  const kept = limits.maxRows - 1;
  // A 数据问题 table (the bulletin's, the agenda's): what was left out counted by 问题代码.
  const codeHeader = PROBLEM_COLUMNS.find((c) => c.key === 'code')?.header;
  const codeKey = sheet.columns.find((c) => c.header === codeHeader)?.key;
  let detail = '';
  if (codeKey !== undefined) {
    const counts = new Map<string, number>();
    for (let i = kept; i < total; i++) {
      const code = String(rows.at(i)?.[codeKey] ?? '');
      counts.set(code, (counts.get(code) ?? 0) + 1);
    }
    const list = joinNames(
      [...counts]
        .sort((a, b) => b[1] - a[1] || compareText(a[0], b[0]))
        .map(([code, n]) => `${code} ${n.toLocaleString('en-US')}`),
    );
    detail = formatMessage('output.rowsOmittedByCode', { counts: list }, 'zh');
  }
  const note = formatMessage(
    'output.rowsOmitted',
    { count: (total - kept).toLocaleString('en-US'), detail },
    'zh',
  );
  // The note goes where a reader looks for text: the 问题说明-like column, else the first text one.
  const textCol =
    sheet.columns.find((c) => c.key === 'message') ??
    sheet.columns.find((c) => c.type === 'text' && c.key !== 'seq') ??
    sheet.columns[0];
  const noteRow: RowValues = textCol ? { [textCol.key]: note } : {};
  return {
    rows: { length: kept + 1, at: (i: number) => (i < kept ? capped(i) : i === kept ? noteRow : undefined) },
    overflow: { sheet: sheet.name, total, kept },
  };
}
