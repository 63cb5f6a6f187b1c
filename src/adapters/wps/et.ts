import type { SheetGrid, WorkbookGrid } from '../../core/values/grid.js';
import type { TableWrite } from '../../core/table/merge.js';
import type {
  Delivery,
  HostCapabilities,
  HostSheet,
  WorkbookHost,
  WriteOptions,
} from '../../core/table/host.js';
import { latin1StringPlain } from '../binary.js';
import type { EtApplication, EtRange, EtWorksheet } from './et-api.js';
import { findWorksheet, readSheetRows, readWorkbookGrid } from './read.js';
import { writeTables } from './merge.js';
import { writeResultSheets } from './write.js';

/**
 * WPS 表格 as the host of the task pane: the `Application` object WPS gives a 加载项's pages
 * (window.Application), behind the same WorkbookHost as Excel. The object model is synchronous;
 * the methods are async only because the interface is shared with Office.js.
 */
interface EtHostOptions {
  /** Where a made workbook goes when WPS cannot write files (no FileSystem): a browser download. */
  readonly download?: (bytes: Uint8Array, fileName: string) => void;
}

/** Characters Windows and WPS refuse in a file name. */
const safeFileName = (name: string): string => name.replace(/[\\/:*?"<>|]/gu, '_');

export class EtHost implements WorkbookHost {
  readonly kind = 'wps' as const;
  readonly capabilities: HostCapabilities;

  constructor(
    private readonly app: EtApplication,
    private readonly options: EtHostOptions = {},
  ) {
    this.capabilities = {
      // Validation.Add is part of every WPS 表格 object model (lib.et.d.ts Validation).
      dropDowns: true,
      openWorkbook: app.FileSystem !== undefined && app.Env !== undefined,
      editEvents: app.ApiEvent !== undefined,
      // Range.Merge, ColumnWidth and ActiveWindow.FreezePanes are in every WPS 表格 (lib.et.d.ts).
      mergeAndWidths: true,
      freezePanes: true,
    };
  }

  async readWorkbook(only?: readonly string[]): Promise<WorkbookGrid> {
    return readWorkbookGrid(this.app, only);
  }

  async readRows(sheet: string, from: number, to: number): Promise<SheetGrid> {
    return readSheetRows(this.app, sheet, from, to);
  }

  async writeSheets(
    sheets: readonly HostSheet[],
    placeholders: ReadonlyMap<string, string>,
    options: WriteOptions = {},
  ): Promise<void> {
    writeResultSheets(this.app, sheets, placeholders, { dropDowns: this.dropDowns(options) });
  }

  async writeTables(
    writes: readonly TableWrite[],
    placeholders: ReadonlyMap<string, string>,
    options: WriteOptions = {},
  ): Promise<void> {
    writeTables(this.app, writes, placeholders, { dropDowns: this.dropDowns(options) });
  }

  private dropDowns(options: WriteOptions): boolean {
    return this.capabilities.dropDowns && options.dropDowns !== false;
  }

  async showSheet(name: string): Promise<void> {
    findWorksheet(this.app, name)?.Activate();
  }

  /**
   * A made workbook opened in WPS as a document of its own: its bytes are written to the
   * temporary folder (saveFile) and opened with Workbooks.Open, so the master stays untouched
   * and the clerk saves the new one where they choose.
   */
  async deliver(bytes: Uint8Array, fileName: string): Promise<Delivery> {
    const path = this.saveFile(bytes, fileName);
    if (path === undefined) {
      if (!this.options.download) throw new Error('WPS offers no FileSystem here and no download was given.');
      this.options.download(bytes, fileName);
      return 'downloaded';
    }
    this.app.Workbooks.Open(path);
    return 'opened';
  }

  /**
   * Bytes written to WPS's temporary folder (FileSystem.writeAsBinaryString, one char per byte);
   * a name already taken there gets " (2)", " (3)" … rather than being overwritten. The path
   * written, or undefined where this WPS gives the page no FileSystem.
   */
  saveFile(bytes: Uint8Array, fileName: string): string | undefined {
    const { FileSystem: fs, Env: env } = this.app;
    if (!fs || !env) return undefined;
    const dir = env.GetTempPath().replace(/[\\/]+$/u, '');
    const name = safeFileName(fileName);
    const dot = name.lastIndexOf('.');
    const [stem, ext] = dot > 0 ? [name.slice(0, dot), name.slice(dot)] : [name, ''];
    let path = `${dir}/${name}`;
    for (let n = 2; fs.Exists(path); n++) path = `${dir}/${stem} (${n})${ext}`;
    if (!fs.writeAsBinaryString(path, latin1StringPlain(bytes)))
      throw new Error(`WPS could not write ${path}.`);
    return path;
  }

  /** SheetChange (ApiEvent): the sheet's name and the changed cells' address, e.g. "B5:D7". */
  async onEdit(listener: (sheet: string, address: string) => void): Promise<() => Promise<void>> {
    const events = this.app.ApiEvent;
    if (!events) return async () => {};
    const handler = (sheet: EtWorksheet, target: EtRange): void =>
      listener(sheet.Name, target.Address(false, false));
    events.AddApiEventListener('SheetChange', handler);
    return async () => events.RemoveApiEventListener('SheetChange', handler);
  }
}
