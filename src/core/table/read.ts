import { isBlank, type Cell, type SheetGrid } from '../values/grid.js';
import { cellText } from '../values/parse.js';
import { matchKey } from '../values/text.js';
import { issue, type Issue } from '../issues/issue.js';
import type { ColumnSpec, FieldSpec, RecordOf, SheetSpec } from '../schema/types.js';
import { findHeaderRow } from './header.js';
import { minOf } from '../values/lists.js';
import { FIELD_EXPECTED, readCell, readFieldValue, type CellValue } from './types.js';

/** One data row as read: its 1-based sheet row, the typed record, and whether it had errors. */
interface ReadRow<R> {
  readonly row: number;
  readonly record: R;
  /** False when any cell of the row has an error (the row is rejected by the merge). */
  readonly ok: boolean;
  /** The row's cells as received. */
  readonly raw: readonly Cell[];
}

interface FieldRead {
  readonly value: CellValue | undefined;
  readonly text: string;
  readonly row?: number;
  readonly column?: number;
}

export interface TableRead<R> {
  readonly sheet: string;
  /** 1-based row of the header, 0 when none was found. */
  readonly headerRow: number;
  /** Column key → 1-based column. */
  readonly columns: ReadonlyMap<string, number>;
  readonly fields: ReadonlyMap<string, FieldRead>;
  readonly rows: readonly ReadRow<R>[];
  /** The 合计 row, if any: its 1-based row and its numbers by column key. */
  readonly total?: { readonly row: number; readonly values: ReadonlyMap<string, number> };
  readonly issues: readonly Issue[];
}

/**
 * The record of a row of sheet S: typed from its columns (RecordOf) when S is one sheet of the
 * schema; any key with any cell value when S is only known to be some sheet.
 */
export type TableRecord<S extends SheetSpec> = string extends S['columns'][number]['key']
  ? Readonly<Record<string, CellValue | undefined>>
  : RecordOf<S>;

const TOTAL_WORDS = new Set(['合计', '总计', '合 计']);
/** A subtotal within the table (the bulletin's 小计 heading each HQ): not data, not the end. */
const SUBTOTAL_WORDS = new Set(['小计', '小 计']);
const NOTE_PATTERN = /^(注|填表说明|说明|备注)[:：]|^\d+[.、．]\s*\S{6,}/u;

/** Whether the row is the table's 合计 or a 小计 within it, by its first filled cell. */
function totalKind(row: readonly Cell[]): 'total' | 'subtotal' | undefined {
  for (let i = 0; i < Math.min(row.length, 3); i++) {
    const c = row[i];
    if (isBlank(c)) continue;
    if (typeof c !== 'string') return undefined;
    const k = matchKey(c);
    return TOTAL_WORDS.has(k) ? 'total' : SUBTOTAL_WORDS.has(k) ? 'subtotal' : undefined;
  }
  return undefined;
}

function isNoteRow(row: readonly Cell[]): boolean {
  let only: Cell | undefined;
  for (const c of row) {
    if (isBlank(c)) continue;
    if (only !== undefined) return false; // two filled cells: data, not a note
    only = c;
  }
  return typeof only === 'string' && NOTE_PATTERN.test(only.trim());
}

function readFields(
  grid: SheetGrid,
  fields: readonly FieldSpec[],
  beforeRow: number,
): Map<string, FieldRead> {
  const out = new Map<string, FieldRead>();
  const labels = new Map(fields.map((f) => [matchKey(f.label), f]));
  for (let r = 0; r < beforeRow; r++) {
    const row = grid.rows[r] ?? [];
    for (let c = 0; c < row.length; c++) {
      const cell = row[c];
      if (typeof cell !== 'string') continue;
      const text = cell.normalize('NFKC');
      let f = labels.get(matchKey(text));
      let value: Cell | undefined;
      let at = { row: r + 1, column: c + 1 };
      if (f) {
        // The value is the next filled cell to the right, unless that is another label.
        for (let k = c + 1; k < Math.min(row.length, c + 5); k++) {
          const v = row[k];
          if (isBlank(v)) continue;
          if (typeof v === 'string' && labels.has(matchKey(v))) break;
          value = v;
          at = { row: r + 1, column: k + 1 };
          break;
        }
        if (value === undefined) at = { row: r + 1, column: c + 2 };
      } else {
        // "填报单位：某某指挥部" typed into a single cell.
        const m = /^([^:]+):(.+)$/u.exec(text.trim());
        if (!m) continue;
        f = labels.get(matchKey(m[1] ?? ''));
        if (!f) continue;
        value = (m[2] ?? '').trim();
      }
      if (out.has(f.key) && out.get(f.key)?.value !== undefined) continue;
      const typed = readFieldValue(value, f.type);
      out.set(f.key, {
        value: typed.ok ? typed.value : undefined,
        text: cellText(value),
        ...at,
      });
    }
  }
  return out;
}

function fieldIssues(
  sheet: string,
  fields: readonly FieldSpec[],
  read: ReadonlyMap<string, FieldRead>,
): Issue[] {
  const issues: Issue[] = [];
  for (const f of fields) {
    const got = read.get(f.key);
    const where = { sheet, row: got?.row, column: got?.column };
    if (!got || got.text === '') {
      if (f.blankCode) issues.push(issue(f.blankCode, where, { label: f.label }));
      else if (f.required) issues.push(issue('field.required', where, { label: f.label }));
    } else if (got.value === undefined) {
      issues.push(
        issue('field.invalid', where, { label: f.label, value: got.text, expected: FIELD_EXPECTED[f.type] }),
      );
    }
  }
  return issues;
}

/** A cell as the person typed it, for messages (full-width digits and all). */
const typed = (cell: Cell | undefined): string => (typeof cell === 'string' ? cell.trim() : cellText(cell));

/** How a row is named in messages: by its first column's value (项目编号), else its number. */
function rowLabel(raw: readonly Cell[], columns: ReadonlyMap<string, number>, rowNo: number): string {
  const first = minOf(columns.values(), 0);
  return cellText(raw[first]) || `第${rowNo}行`;
}

/**
 * Reads one table sheet against its schema: finds the header row by its texts (column order
 * and extra columns do not matter), reads the form fields above it, then every data row up
 * to the 合计 row, typing each cell. Blank rows and 填表说明 lines are not data.
 */
export function readTable<const S extends SheetSpec>(grid: SheetGrid, spec: S): TableRead<TableRecord<S>> {
  type R = TableRecord<S>;
  const sheet = grid.name;
  const issues: Issue[] = [];
  const header = findHeaderRow(grid, spec);
  const fieldsSpec = spec.fields ?? [];
  if (!header) {
    issues.push(
      issue(
        'sheet.headerNotFound',
        { sheet },
        {
          sheet,
          expected: spec.columns
            .slice(0, 3)
            .map((c) => c.header)
            .join('、'),
        },
      ),
    );
    const fields = readFields(grid, fieldsSpec, Math.min(grid.rows.length, 10));
    issues.push(...fieldIssues(sheet, fieldsSpec, fields));
    return { sheet, headerRow: 0, columns: new Map(), fields, rows: [], issues };
  }
  const headerRow = header.index + 1;
  const { present, missing } = headerColumns(spec, header, sheet, issues);
  const fields = readFields(grid, fieldsSpec, header.first);
  issues.push(...fieldIssues(sheet, fieldsSpec, fields));

  const inputs = present.filter((c) => !c.formula);
  const rc: RowContext = {
    sheet,
    inputs,
    // 0-based column of each input, looked up once rather than per cell.
    inputCols: inputs.map((c) => header.columns.get(c.key) ?? -1),
    headerColumns: header.columns,
    missing,
    firstSeen: new Map(),
    issues,
  };
  const rows: ReadRow<R>[] = [];
  let total: TableRead<R>['total'];
  let warnedAfterTotal = false;
  for (let r = header.index + 1; r < grid.rows.length; r++) {
    const raw = grid.rows[r] ?? [];
    const rowNo = r + 1;
    if (rc.inputCols.every((i) => isBlank(raw[i]))) continue;
    const kind = totalKind(raw);
    if (kind === 'subtotal') continue;
    if (kind === 'total') {
      total ??= { row: rowNo, values: totalValues(raw, present, header.columns) };
      continue;
    }
    if (isNoteRow(raw)) continue;
    if (total && !warnedAfterTotal) {
      issues.push(issue('report.rowsAfterTotal', { sheet, row: rowNo }));
      warnedAfterTotal = true;
    }
    const { record, ok } = readRecord(raw, rowNo, rc);
    rows.push({ row: rowNo, record: record as R, ok, raw });
  }
  const columns = new Map([...header.columns].map(([k, i]) => [k, i + 1]));
  return { sheet, headerRow, columns, fields, rows, ...(total && { total }), issues };
}

/** The header's columns: those present, the required ones missing (said), and duplicates said. */
function headerColumns(
  spec: SheetSpec,
  header: NonNullable<ReturnType<typeof findHeaderRow>>,
  sheet: string,
  issues: Issue[],
): { present: ColumnSpec[]; missing: string[] } {
  const headerRow = header.index + 1;
  for (const [key, idx] of header.duplicates) {
    const c = spec.columns.find((x) => x.key === key);
    issues.push(
      issue('column.duplicate', { sheet, row: headerRow, column: idx + 1 }, { header: c?.header ?? key }),
    );
  }
  const present: ColumnSpec[] = [];
  const missing: string[] = [];
  for (const c of spec.columns) {
    if (header.columns.has(c.key)) present.push(c);
    else if (c.required) {
      issues.push(issue('column.missing', { sheet, row: headerRow }, { header: c.header }));
      missing.push(c.header);
    }
  }
  return { present, missing };
}

/** The numbers of the 合计 row, by column key. */
function totalValues(
  raw: readonly Cell[],
  present: readonly ColumnSpec[],
  columns: ReadonlyMap<string, number>,
): Map<string, number> {
  const values = new Map<string, number>();
  for (const c of present) {
    const v = raw[columns.get(c.key) ?? -1];
    if (typeof v === 'number') values.set(c.key, v);
  }
  return values;
}

/** What reading the data rows of one table shares: its columns, the values seen, its findings. */
interface RowContext {
  readonly sheet: string;
  readonly inputs: readonly ColumnSpec[];
  readonly inputCols: readonly number[];
  readonly headerColumns: ReadonlyMap<string, number>;
  readonly missing: readonly string[];
  /** Column key → value (matchKey) → first row: the unique columns' values seen. */
  readonly firstSeen: Map<string, Map<string, number>>;
  readonly issues: Issue[];
}

/** One data row typed cell by cell; not ok when a cell is wrong or a required column is missing. */
function readRecord(
  raw: readonly Cell[],
  rowNo: number,
  rc: RowContext,
): { record: Record<string, CellValue | undefined>; ok: boolean } {
  // Keys come from our schema, never from the file, so a plain object is safe (and fast).
  const record: Record<string, CellValue | undefined> = {};
  let ok = true;
  for (let i = 0; i < rc.inputs.length; i++) {
    const c = rc.inputs[i] as ColumnSpec;
    const col = Math.max(0, rc.inputCols[i] as number) + 1;
    const cell = raw[col - 1];
    const res = readCell(cell, c);
    if (res.ok) {
      record[c.key] = res.value;
      if (res.note === undefined && !c.unique) continue; // the usual cell: nothing to say
    } else record[c.key] = undefined;
    if (!cellFindings(res, { cell, c, raw, rowNo, col }, rc)) ok = false;
  }
  // Without a required column no row is whole: each is rejected, never taken with a blank.
  if (rc.missing.length > 0) {
    rc.issues.push(
      issue(
        'row.columnsMissing',
        { sheet: rc.sheet, row: rowNo, column: Math.max(0, rc.inputCols[0] ?? 0) + 1 },
        { headers: rc.missing.join('、'), project: rowLabel(raw, rc.headerColumns, rowNo) },
      ),
    );
    ok = false;
  }
  return { record, ok };
}

/** What one cell's reading says (a note, a duplicate, a blank required, a wrong value); false when it rejects the row. */
function cellFindings(
  res: ReturnType<typeof readCell>,
  at: { cell: Cell | undefined; c: ColumnSpec; raw: readonly Cell[]; rowNo: number; col: number },
  rc: RowContext,
): boolean {
  const { cell, c, raw, rowNo } = at;
  const where = { sheet: rc.sheet, row: rowNo, column: at.col };
  if (res.ok) {
    if (res.note) rc.issues.push(issue(res.note, where, { header: c.header, value: typed(cell) }));
    if (!c.unique) return true;
    const seen = rc.firstSeen.get(c.key) ?? new Map<string, number>();
    rc.firstSeen.set(c.key, seen);
    const k = matchKey(String(res.value));
    const first = seen.get(k);
    if (first === undefined) {
      seen.set(k, rowNo);
      return true;
    }
    rc.issues.push(
      issue('cell.duplicate', where, { header: c.header, value: String(res.value), firstRow: first }),
    );
    return false;
  }
  if (res.blank) {
    if (!c.required) return true;
    rc.issues.push(
      issue(c.requiredCode ?? 'cell.required', where, {
        header: c.header,
        project: rowLabel(raw, rc.headerColumns, rowNo),
      }),
    );
    // A specific code (五个一) flags the row for people; the record itself stays usable.
    return c.requiredCode !== undefined;
  }
  rc.issues.push(
    issue(res.code, where, {
      header: c.header,
      value: typed(cell),
      allowed: (c.values ?? []).join('、'),
      ...res.params,
    }),
  );
  return false;
}
