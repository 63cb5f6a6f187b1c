import type { SheetGrid, WorkbookGrid } from '../../core/values/grid.js';
import type {
  Delivery,
  HostCapabilities,
  HostSheet,
  WorkbookHost,
  WriteOptions,
} from '../../core/table/host.js';
import type { TableWrite } from '../../core/table/merge.js';
import { listSheets, readBoxes, readSheetRows, writeResultSheets, writeTables } from './excel.js';
import { has, type ExcelHost } from './requirements.js';

/**
 * Excel as the host of the task pane: the WorkbookHost over Office.js, each call one Excel.run
 * of the functions in excel.ts (so the ExcelApi 1.1 fallbacks, the requirement checks and the
 * 2 MB pieces stay exactly as they are). WPS 表格's is src/adapters/wps/et.ts.
 */

/** How a workbook the pane made reaches the clerk in Excel. */
export interface WorkbookDelivery {
  /** Opened in Excel as a new workbook (Excel.createWorkbook, ExcelApi 1.8). */
  open(bytes: Uint8Array): Promise<void>;
  /** Offered as a file to save, where Excel cannot open it. */
  download(bytes: Uint8Array, fileName: string): void;
}

export class OfficeHost implements WorkbookHost {
  readonly kind = 'excel' as const;
  readonly capabilities: HostCapabilities;

  constructor(
    /** Excel.run and what this Excel supports (Office.context.requirements), or a fake of both. */
    readonly excel: ExcelHost,
    private readonly delivery?: WorkbookDelivery,
  ) {
    this.capabilities = {
      dropDowns: has(excel, 'dropDowns'),
      openWorkbook: has(excel, 'createWorkbook') && delivery !== undefined,
      editEvents: has(excel, 'liveCheck'),
      mergeAndWidths: has(excel, 'mergeAndWidths'),
      freezePanes: has(excel, 'freezePanes'),
    };
  }

  async readWorkbook(only?: readonly string[]): Promise<WorkbookGrid> {
    const excel = this.excel;
    return excel.run(async (context) => {
      const listed = await listSheets(context, excel);
      const sheets = only ? listed.sheets.filter((s) => only.includes(s.name)) : listed.sheets;
      const rows = await readSheetRows(context, excel, sheets);
      return {
        sheets: sheets.map((s, i) => ({
          name: s.name,
          rows: rows[i] ?? [],
          ...(s.hidden && { hidden: true }),
        })),
        definedNames: listed.definedNames,
      };
    });
  }

  async readRows(sheet: string, from: number, to: number): Promise<SheetGrid> {
    const excel = this.excel;
    return excel.run(async (context) => {
      const { sheets } = await listSheets(context, excel);
      const info = sheets.find((s) => s.name === sheet);
      if (!info || to < from) return { name: sheet, rows: [] };
      const ws = context.workbook.worksheets.getItem(info.id);
      const used = has(excel, 'valuesOnlyUsedRange') ? ws.getUsedRange(true) : ws.getUsedRange();
      used.load('columnIndex,columnCount');
      await context.sync();
      const right = used.columnIndex + used.columnCount - 1;
      const [rows] = await readBoxes(context, [{ ws, top: from - 1, left: 0, bottom: to - 1, right }]);
      return { name: sheet, rows: rows ?? [] };
    });
  }

  async writeSheets(
    sheets: readonly HostSheet[],
    placeholders: ReadonlyMap<string, string>,
    options: WriteOptions = {},
  ): Promise<void> {
    const excel = this.excel;
    await excel.run((context) =>
      writeResultSheets(context, excel, sheets, placeholders, { dropDowns: options.dropDowns !== false }),
    );
  }

  async writeTables(
    writes: readonly TableWrite[],
    placeholders: ReadonlyMap<string, string>,
    options: WriteOptions = {},
  ): Promise<void> {
    const excel = this.excel;
    await excel.run((context) =>
      writeTables(context, excel, writes, placeholders, { dropDowns: options.dropDowns !== false }),
    );
  }

  async showSheet(name: string): Promise<void> {
    const excel = this.excel;
    await excel.run(async (context) => {
      const { sheets } = await listSheets(context, excel);
      const info = sheets.find((s) => s.name === name);
      if (!info) return;
      context.workbook.worksheets.getItem(info.id).activate();
      await context.sync();
    });
  }

  /** Opened as a new workbook where this Excel can (ExcelApi 1.8), else downloaded. */
  async deliver(bytes: Uint8Array, fileName: string): Promise<Delivery> {
    if (!this.delivery) throw new Error('No way to hand a made workbook to the clerk was given.');
    if (this.capabilities.openWorkbook) {
      await this.delivery.open(bytes);
      return 'opened';
    }
    this.delivery.download(bytes, fileName);
    return 'downloaded';
  }

  /** Edits are watched by the page itself (taskpane.ts with LiveCheck: ids, change types, sheets added). */
  async onEdit(listener: (sheet: string, address: string) => void): Promise<() => Promise<void>> {
    const excel = this.excel;
    if (!this.capabilities.editEvents) return async () => {};
    const handlers = await excel.run(async (context) => {
      const sheets = context.workbook.worksheets;
      sheets.load('items/id,items/name');
      await context.sync();
      const names = new Map(sheets.items.map((s) => [s.id, s.name]));
      const changed = sheets.onChanged.add(async (e) => {
        listener(names.get(e.worksheetId) ?? '', e.address);
      });
      await context.sync();
      return changed;
    });
    return async () => {
      handlers.remove();
      await handlers.context.sync();
    };
  }
}
