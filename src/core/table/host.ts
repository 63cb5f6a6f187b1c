import type { SheetGrid, WorkbookGrid } from '../values/grid.js';
import type { SheetSpec } from '../schema/types.js';
import type { TableWrite } from './merge.js';
import type { RowValues } from '../template/samples.js';

/**
 * The spreadsheet program the task pane runs in, declared once; one implementation per host
 * (Excel through Office.js, WPS 表格 through its JS object model), as Actual Budget declares its
 * platform interface once with one file per platform. The jobs never see which host it is.
 */

/** A result sheet: its one description (title, columns, widths, formats) and its rows. */
export interface HostSheet {
  readonly sheet: SheetSpec;
  readonly rows: readonly RowValues[];
}

/** What this host (and this version of it) can do; the pane says what is missing, never fails. */
export interface HostCapabilities {
  /** Drop-down lists can be written on result rows (Excel: ExcelApi 1.8; WPS: Validation.Add). */
  readonly dropDowns: boolean;
  /** A made workbook can be opened as a new document (Excel: ExcelApi 1.8 createWorkbook). */
  readonly openWorkbook: boolean;
  /** Edits by the person can be observed (Excel: ExcelApi 1.9 onChanged; WPS: SheetChange). */
  readonly editEvents: boolean;
  /** Result sheets get merged titles and column widths (Excel: ExcelApi 1.2; else centred across). */
  readonly mergeAndWidths: boolean;
  /** Result sheets get a frozen header (Excel: ExcelApi 1.7; WPS: ActiveWindow.FreezePanes). */
  readonly freezePanes: boolean;
}

/** How a run's rows are written. */
export interface WriteOptions {
  /**
   * Drop-down lists on the written rows of columns with a fixed vocabulary, where the host can
   * (capabilities.dropDowns). Default true: the ledgers keep the templates' lists; the pane turns
   * them off for result sheets nobody types into (the ranking, the agenda), as the Office pane did.
   */
  readonly dropDowns?: boolean;
}

export type Delivery = 'opened' | 'saved' | 'downloaded';

export interface WorkbookHost {
  readonly kind: 'excel' | 'wps';
  readonly capabilities: HostCapabilities;
  /** The open workbook as the core sees every workbook; only the named sheets when given. */
  readWorkbook(only?: readonly string[]): Promise<WorkbookGrid>;
  /** Rows `from`..`to` (1-based, inclusive) of one sheet, placed at their sheet position. */
  readRows(sheet: string, from: number, to: number): Promise<SheetGrid>;
  /** Writes result sheets laid out as our templates are; a sheet of the same name is replaced in place. */
  writeSheets(
    sheets: readonly HostSheet[],
    placeholders: ReadonlyMap<string, string>,
    options?: WriteOptions,
  ): Promise<void>;
  /**
   * Writes a run's tables as planTables (core/table/merge.ts) planned them against this workbook,
   * as kpd writes them into a file: a `merge` into the sheet as a person left it (their columns,
   * rows and notes kept; only the cells that change are written; rows inserted only when the table
   * outgrows the blank rows under it), a `fresh` one as a new sheet laid out as our templates are.
   */
  writeTables(
    writes: readonly TableWrite[],
    placeholders: ReadonlyMap<string, string>,
    options?: WriteOptions,
  ): Promise<void>;
  /** Brings a sheet to the front, so the person sees what was written. */
  showSheet(name: string): Promise<void>;
  /** A workbook the job made (.xlsx bytes): opened as a new document where the host can, else saved or downloaded. */
  deliver(bytes: Uint8Array, fileName: string): Promise<Delivery>;
  /** Calls back on each edit a person makes (sheet name, A1 address); resolves to an unsubscribe. */
  onEdit(listener: (sheet: string, address: string) => void): Promise<() => Promise<void>>;
}
