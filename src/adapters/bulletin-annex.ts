import { splitAnnex } from '../core/bulletin/annex.js';
import type { BulletinSheets } from '../core/bulletin/render.js';
import { BULLETIN_ANNEX, BULLETIN_WITHOUT_ANNEX } from '../core/schema/bulletin.js';
import { OpcPackage } from './opc/package.js';
import { WorkbookXml } from './opc/workbook.js';
import { fillWorkbook, type FillResult } from './xlsx-fill/index.js';
import { formatMessage } from '../core/issues/issue.js';

/**
 * `kpd merge --annex FILE`: the 通报 and the office's annex (数据问题, 来源) as two workbooks. The
 * 通报 is filled into the office's own template when one is given, else into the bundled
 * template without the annex sheets; the annex into its own template (made here with exceljs,
 * loaded only then: no file in templates/ is needed).
 */
interface AnnexApart {
  /** The template and sheets of the 通报 (without the annex's tables). */
  readonly template: Uint8Array;
  readonly sheets: BulletinSheets;
  /** The annex workbook, filled. */
  readonly annex: () => Promise<FillResult>;
  /**
   * Annex sheets the office's own template holds: left as the template has them (empty), since
   * their rows are in the annex; the clerk is told to take them out of the template.
   */
  readonly leftInTemplate: readonly string[];
}

export async function annexApart(
  sheets: BulletinSheets,
  /** The office's own 通报 template (--template), if any. */
  custom: Uint8Array | undefined,
): Promise<AnnexApart> {
  const { writeTemplate } = await import('./exceljs/write-template.js');
  const parts = splitAnnex(sheets);
  return {
    template: custom ?? (await writeTemplate(BULLETIN_WITHOUT_ANNEX)),
    sheets: parts.bulletin,
    annex: async () => fillWorkbook(await writeTemplate(BULLETIN_ANNEX), parts.annex),
    leftInTemplate: custom === undefined ? [] : annexSheetsIn(custom),
  };
}

/** The names of the annex's sheets, as said when it is written. */
export const ANNEX_SHEET_NAMES = BULLETIN_ANNEX.sheets
  .map((s) => s.name)
  .join(formatMessage('values.listSeparator', {}));

/** The annex's sheet names a workbook holds (none when it cannot be read: the fill says so). */
function annexSheetsIn(bytes: Uint8Array): string[] {
  try {
    const names = new Set(new WorkbookXml(new OpcPackage(bytes)).sheets().map((s) => s.name));
    return BULLETIN_ANNEX.sheets.map((s) => s.name).filter((n) => names.has(n));
  } catch {
    return [];
  }
}
