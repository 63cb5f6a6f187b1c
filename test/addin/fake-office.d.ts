/** Types of fake-office.js (a classic script that sets globalThis.KpdFakeOffice). */
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
export interface FakeSheet {
  readonly name: string;
  readonly merges: string[];
  readonly frozenRows: number;
  readonly columnWidths: Map<number, number>;
  readonly formats: Map<string, { bold?: boolean; size?: number; fill?: string; wrap?: boolean }>;
  /** Drop-down lists set on ranges: the range's address and the rule as given. */
  readonly validations: { address: string; rule: { list: { inCellDropDown: boolean; source: string } } }[];
  rows(): (string | number | boolean)[][];
  cell(r: number, c: number): { value: string | number | boolean; format: string } | undefined;
}
export interface FakeWorkbook {
  readonly syncs: number;
  readonly sheets: FakeSheet[];
  sheet(name: string): FakeSheet | undefined;
  run<T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T>;
  /** A person typing into one cell: the value changes, then the onChanged handlers run. */
  type(sheet: string, address: string, value: string | number): Promise<void>;
}
export interface KpdFakeOffice {
  readonly FakeWorkbook: new (data: FakeWorkbookData) => FakeWorkbook;
  install(data: FakeWorkbookData, options?: { displayLanguage?: string; maxExcelApi?: number }): FakeWorkbook;
  /** The workbook install() put behind Office (in the browser test, where the page works on it). */
  readonly book: FakeWorkbook | undefined;
  /** Every workbook Excel.createWorkbook was given (base64 .xlsx), in order. */
  readonly created: string[];
}
declare global {
  var KpdFakeOffice: KpdFakeOffice;
}
