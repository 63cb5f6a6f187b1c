import { BULLETIN_ANNEX } from '../schema/bulletin.js';
import type { TableOverflow } from '../template/limits.js';
import type { BulletinSheets, SheetTable } from './render.js';

/**
 * The bulletin's sheets as two workbooks (`kpd merge --annex`): the 通报 that is sent out, and the
 * office's annex (BULLETIN_ANNEX: 数据问题, 来源) with its tables shown under the annex's own specs.
 * Every row goes to exactly one of them; the placeholders serve both.
 */
export function splitAnnex(sheets: BulletinSheets): { bulletin: BulletinSheets; annex: BulletinSheets } {
  const annexSheet = (t: SheetTable) => BULLETIN_ANNEX.sheets.find((s) => s.key === t.sheet.key);
  const inAnnex = (o: TableOverflow): boolean => BULLETIN_ANNEX.sheets.some((s) => s.name === o.sheet);
  const part = (tables: readonly SheetTable[], overflow: readonly TableOverflow[]): BulletinSheets => ({
    placeholders: sheets.placeholders,
    tables,
    ...(overflow.length > 0 && { overflow }),
  });
  const overflow = sheets.overflow ?? [];
  return {
    bulletin: part(
      sheets.tables.filter((t) => annexSheet(t) === undefined),
      overflow.filter((o) => !inAnnex(o)),
    ),
    annex: part(
      sheets.tables.flatMap((t) => {
        const sheet = annexSheet(t);
        return sheet ? [{ ...t, sheet }] : [];
      }),
      overflow.filter(inAnnex),
    ),
  };
}
