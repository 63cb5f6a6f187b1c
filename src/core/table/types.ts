import { isErrorCell, NO_CACHED_VALUE, type Cell } from '../values/grid.js';
import { parseReportPeriod, reportPeriodId, parseRankPeriod, rankPeriodId } from '../calendar/periods.js';
import { cellText, parseDate, parseDateTime, parseNumber, type Parsed } from '../values/parse.js';
import { MESSAGES, type IssueCode } from '../issues/codes.js';
import { joinNames } from '../issues/issue.js';
import type { ColumnSpec, ColumnType, FieldType } from '../schema/types.js';
import { matchKey } from '../values/text.js';
import { hasHidden } from '../values/visible.js';

/**
 * What each column type accepts and produces. The reader asks the type; it never looks at
 * which column it holds.
 */
export type CellValue = string | number | Cell;

type TypedResult =
  | { readonly ok: true; readonly value: CellValue; readonly note?: IssueCode }
  | { readonly ok: false; readonly blank: true }
  | {
      readonly ok: false;
      readonly blank: false;
      readonly code: IssueCode;
      readonly params?: Record<string, string | number>;
    };

const BLANK: TypedResult = { ok: false, blank: true };
const bad = (code: IssueCode, params: Record<string, string | number> = {}): TypedResult => ({
  ok: false,
  blank: false,
  code,
  params,
});

function numeric(p: Parsed<number>, col: ColumnSpec, integer: boolean): TypedResult {
  if (!p.ok) return p.reason === 'blank' ? BLANK : bad(integer ? 'cell.integer' : 'cell.number');
  if (integer && !Number.isInteger(p.value)) return bad('cell.integer');
  if (col.min !== undefined && p.value < col.min) return bad('cell.min', { min: col.min, value: p.value });
  if (col.max !== undefined && p.value > col.max) return bad('cell.max', { max: col.max, value: p.value });
  return p.coerced ? { ok: true, value: p.value, note: 'cell.numberAsText' } : { ok: true, value: p.value };
}

function enumValue(
  cell: Cell | undefined,
  values: readonly string[],
  aliases?: Readonly<Record<string, string>>,
): TypedResult {
  const t = cellText(cell);
  if (t === '') return BLANK;
  const k = matchKey(t);
  const hit =
    values.find((v) => matchKey(v) === k) ?? (aliases && Object.hasOwn(aliases, k) ? aliases[k] : undefined);
  return hit !== undefined ? { ok: true, value: hit } : bad('cell.enum', { allowed: joinNames(values) });
}

const COLUMN_TYPES: Readonly<Record<ColumnType, (cell: Cell | undefined, col: ColumnSpec) => TypedResult>> = {
  // Text is kept as typed (only trimmed): 「按计划推进，主体施工中」 must not become ASCII
  // punctuation. Matching (project ids, names) folds full-width forms itself, via matchKey.
  text: (cell) => {
    const t = typeof cell === 'string' ? cell.trim() : cellText(cell);
    if (t === '') return BLANK;
    // Kept as typed (an ID with a zero-width space is not the registered ID), and said.
    return hasHidden(t) ? { ok: true, value: t, note: 'cell.invisible' } : { ok: true, value: t };
  },
  integer: (cell, col) => numeric(parseNumber(cell), col, true),
  number: (cell, col) => numeric(parseNumber(cell), col, false),
  money: (cell, col) => numeric(parseNumber(cell), col, false),
  percent: (cell, col) => numeric(parseNumber(cell), col, false),
  date: (cell) => {
    const p = parseDate(cell);
    return p.ok ? { ok: true, value: p.value } : p.reason === 'blank' ? BLANK : bad('cell.date');
  },
  datetime: (cell) => {
    const p = parseDateTime(cell);
    return p.ok ? { ok: true, value: p.value } : p.reason === 'blank' ? BLANK : bad('cell.date');
  },
  enum: (cell, col) => enumValue(cell, col.values ?? [], col.aliases),
  period: (cell) => {
    // A period typed into a number cell (2026.10 → 2026.1) has lost its month: never guess.
    if (typeof cell === 'number') return bad('cell.period');
    const t = cellText(cell);
    if (t === '') return BLANK;
    const p = parseReportPeriod(t);
    return p ? { ok: true, value: reportPeriodId(p) } : bad('cell.period');
  },
  rankPeriod: (cell) => {
    const t = cellText(cell);
    if (t === '') return BLANK;
    const p = parseRankPeriod(t);
    return p ? { ok: true, value: rankPeriodId(p) } : bad('cell.rankPeriod');
  },
  any: (cell) =>
    cell === null || cell === undefined || cellText(cell) === '' ? BLANK : { ok: true, value: cell },
};

/** A single cell through its column type, with formula errors caught first. */
export function readCell(cell: Cell | undefined, col: ColumnSpec): TypedResult {
  if (isErrorCell(cell)) return bad(cell.code === NO_CACHED_VALUE ? 'cell.formulaNoValue' : 'cell.error');
  return COLUMN_TYPES[col.type](cell, col);
}

export const FIELD_EXPECTED: Readonly<Record<FieldType, string>> = {
  text: MESSAGES['field.expected.text'].zh,
  date: MESSAGES['field.expected.date'].zh,
  datetime: MESSAGES['field.expected.datetime'].zh,
  period: MESSAGES['field.expected.period'].zh,
};

export function readFieldValue(cell: Cell | undefined, type: FieldType): TypedResult {
  const asColumn: ColumnSpec = { key: '', header: '', type };
  return readCell(cell, asColumn);
}
