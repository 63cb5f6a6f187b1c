import { columnIndex, columnLetters } from '../values/grid.js';

/** Excel's last column (XFD, 0-based) and row. */
const MAX_COL = 16_383;
const MAX_ROW = 1_048_576;

export interface CellPosition {
  /** 0-based column. */
  readonly col: number;
  /** 1-based row. */
  readonly row: number;
  readonly colAbs: boolean;
  readonly rowAbs: boolean;
}

export interface FormulaRef {
  /** The sheet it names (unquoted), if qualified. */
  readonly sheet?: string;
  readonly start: CellPosition;
  readonly end?: CellPosition;
}

// A text literal, or an optionally sheet-qualified A1 reference or range. What may not stand
// before a reference (a letter, digit, _ . $: it is part of a name) is checked in the replacer,
// not by a lookbehind, which the task pane's ES5 build (IE11) cannot run.
const TOKEN =
  /("(?:[^"]|"")*")|((?:'(?:[^']|'')+'|[^\s!'"(),;:=+\-*/&<>^%{}[\]]+)!)?(\$?)([A-Za-z]{1,3})(\$?)(\d{1,7})(?::(\$?)([A-Za-z]{1,3})(\$?)(\d{1,7}))?(?![A-Za-z0-9_(.!])/gu;
const NAME_CHAR = /[A-Za-z0-9_.$]/u;

const position = (c$: string, col: string, r$: string, row: string): CellPosition | undefined => {
  const p = { col: columnIndex(col), row: Number(row), colAbs: c$ === '$', rowAbs: r$ === '$' };
  return p.col > MAX_COL || p.row < 1 || p.row > MAX_ROW ? undefined : p;
};

/** A1 text of a position ($ kept); undefined when it fell off the sheet. */
function positionText(p: CellPosition): string | undefined {
  if (p.col < 0 || p.col > MAX_COL || p.row < 1 || p.row > MAX_ROW) return undefined;
  return `${p.colAbs ? '$' : ''}${columnLetters(p.col)}${p.rowAbs ? '$' : ''}${p.row}`;
}

/**
 * Each reference of a formula replaced by what `fn` returns for it (the reference's own text
 * when undefined). Text in double quotes is never touched; sheet names may be quoted.
 */
export function mapFormulaRefs(
  formula: string,
  fn: (ref: FormulaRef) => FormulaRef | 'ref-error' | undefined,
): string {
  return formula.replace(
    TOKEN,
    (all, literal: string | undefined, qual: string | undefined, ...g: (string | undefined)[]) => {
      if (literal !== undefined) return all;
      const offset = g[8] as unknown as number;
      const input = g[9] as unknown as string;
      if (qual === undefined && offset > 0 && NAME_CHAR.test(input.charAt(offset - 1))) return all;
      const start = position(g[0] ?? '', g[1] ?? '', g[2] ?? '', g[3] ?? '');
      const end = g[5] === undefined ? undefined : position(g[4] ?? '', g[5], g[6] ?? '', g[7] ?? '');
      if (!start || (g[5] !== undefined && !end)) return all; // a name like TAX2026, not a cell
      const sheet =
        qual === undefined
          ? undefined
          : qual.startsWith("'")
            ? qual.slice(1, -2).replace(/''/gu, "'")
            : qual.slice(0, -1);
      const ref: FormulaRef = { ...(sheet !== undefined && { sheet }), start, ...(end && { end }) };
      const moved = fn(ref);
      if (moved === undefined) return all;
      if (moved === 'ref-error') return '#REF!';
      const a = positionText(moved.start);
      const b = moved.end ? positionText(moved.end) : '';
      if (a === undefined || b === undefined) return '#REF!';
      return `${qual ?? ''}${a}${moved.end ? `:${b}` : ''}`;
    },
  );
}

/**
 * A formula as it reads after its cell moved `rows` down and `cols` right, as Excel copies and
 * sorts formulas: relative references move with it; `$`-anchored parts, text in quotes and
 * sheet names stay. A reference pushed off the sheet becomes #REF!.
 * @example shiftFormula('D5*2+$E$1', 2, 0) === 'D7*2+$E$1'
 */
export function shiftFormula(formula: string, rows: number, cols = 0): string {
  if (rows === 0 && cols === 0) return formula;
  const move = (p: CellPosition): CellPosition => ({
    ...p,
    row: p.rowAbs ? p.row : p.row + rows,
    col: p.colAbs ? p.col : p.col + cols,
  });
  return mapFormulaRefs(formula, (r) => ({ ...r, start: move(r.start), ...(r.end && { end: move(r.end) }) }));
}
