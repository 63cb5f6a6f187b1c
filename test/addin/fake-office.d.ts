/** Types of fake-office.js (a classic script that sets globalThis.KpdFakeOffice). */
import type { ExcelHost } from '../../src/adapters/office/requirements.js';

export interface FakeSheetData {
  readonly name: string;
  readonly values: readonly (readonly (string | number | boolean)[])[];
  readonly numberFormat?: readonly (readonly string[])[];
  readonly visibility?: 'Visible' | 'Hidden' | 'VeryHidden';
}
export interface FakeWorkbookData {
  readonly sheets: readonly FakeSheetData[];
  readonly names?: readonly { readonly name: string; readonly formula: string }[];
}
export interface FakeOptions {
  /** The requirement set of each member (test/addin/api-sets.ts). */
  readonly apiSets: Readonly<Record<string, string>>;
  /** The newest ExcelApi set this Excel has, e.g. '1.1' (Excel 2016) or '1.13'. */
  readonly excelApi?: string;
  readonly displayLanguage?: string;
}
export interface FakeSheet {
  readonly id: string;
  readonly name: string;
  readonly merges: string[];
  readonly frozenRows: number;
  readonly columnWidths: Map<number, number>;
  readonly formats: Map<
    string,
    { bold?: boolean; size?: number; fill?: string; wrap?: boolean; align?: string }
  >;
  /** Drop-down lists set on ranges: the range's address and the rule as given. */
  readonly validations: { address: string; rule: { list: { inCellDropDown: boolean; source: string } } }[];
  rows(): (string | number | boolean)[][];
  cell(r: number, c: number): { value: string | number | boolean; format: string } | undefined;
}
export interface FakeWorkbook {
  readonly syncs: number;
  /** JSON bytes of each sync's request and response, in order. */
  readonly payloads: { request: number; response: number }[];
  readonly sheets: FakeSheet[];
  /** The sheet Excel shows (Worksheet.activate, once synced). */
  readonly active: FakeSheet | undefined;
  /** Excel.run over this workbook, with what this Excel supports. */
  readonly excel: ExcelHost;
  sheet(name: string): FakeSheet | undefined;
  isSetSupported(name: string, version?: string): boolean;
  run<T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T>;
  /** A person typing into one cell: the value changes, then the onChanged handlers run. */
  type(sheet: string, address: string, value: string | number): Promise<void>;
  /** A person pasting a block of values at a cell. */
  paste(sheet: string, address: string, values: readonly (readonly (string | number)[])[]): Promise<void>;
  /** A person inserting a row (1-based) with values: the rows below move down. */
  insertRow(sheet: string, row: number, values: readonly (string | number)[]): Promise<void>;
}
export interface KpdFakeOffice {
  readonly FakeWorkbook: new (data: FakeWorkbookData, options: FakeOptions) => FakeWorkbook;
  install(data: FakeWorkbookData, options: FakeOptions): FakeWorkbook;
  /** The workbook install() put behind Office (in the browser test, where the page works on it). */
  readonly book: FakeWorkbook | undefined;
  /** Every workbook Excel.createWorkbook was given (base64 .xlsx), in order. */
  readonly created: string[];
  /** The members the fake offers (each with its set in the table it is given). */
  readonly OFFERS: readonly string[];
  /** The largest request or response of one sync it allows. */
  readonly LIMIT_BYTES: number;
}
declare global {
  var KpdFakeOffice: KpdFakeOffice;
}
