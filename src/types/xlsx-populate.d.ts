/** The part of xlsx-populate's API this project uses (the package ships no typings). */
declare module 'xlsx-populate' {
  type Value = string | number | boolean | Date | null | undefined;
  interface Style {
    bold?: boolean;
    italic?: boolean;
    fontSize?: number;
    fontFamily?: string;
    fontColor?: string;
    fill?: string | { type: 'solid'; color: string };
    border?: boolean | Record<string, unknown>;
    horizontalAlignment?: 'left' | 'center' | 'right';
    verticalAlignment?: 'top' | 'center' | 'bottom';
    wrapText?: boolean;
    numberFormat?: string;
  }
  interface Cell {
    value(): Value;
    value(v: Value | Value[][]): Cell;
    style(s: Style): Cell;
    style(name: string, v: unknown): Cell;
  }
  interface Range {
    value(v: Value[][]): Range;
    style(s: Style): Range;
    merged(m: boolean): Range;
  }
  interface Column {
    width(w: number): Column;
  }
  interface Row {
    height(h: number): Row;
  }
  interface Sheet {
    name(): string;
    name(n: string): Sheet;
    cell(ref: string): Cell;
    cell(row: number, col: number): Cell;
    range(ref: string): Range;
    range(r1: number, c1: number, r2: number, c2: number): Range;
    column(c: string | number): Column;
    row(r: number): Row;
    freezePanes(xSplit: number, ySplit: number): Sheet;
    printOptions(name: string, v: boolean): Sheet;
    pageMarginsPreset(name: 'normal' | 'wide' | 'narrow'): Sheet;
    usedRange(): Range | undefined;
    tabSelected(s: boolean): Sheet;
    hidden(): boolean | 'very';
  }
  interface Workbook {
    sheet(name: string | number): Sheet | undefined;
    sheets(): Sheet[];
    addSheet(name: string, indexOrBefore?: number | string | Sheet): Sheet;
    deleteSheet(name: string | Sheet): Workbook;
    moveSheet(sheet: string | Sheet, indexOrBefore?: number | string | Sheet): Workbook;
    activeSheet(sheet: string | Sheet): Workbook;
    outputAsync(): Promise<Uint8Array>;
  }
  const XlsxPopulate: {
    fromDataAsync(data: Uint8Array): Promise<Workbook>;
  };
  export default XlsxPopulate;
}
