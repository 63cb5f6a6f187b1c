import type ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { buildTemplates } from '../../src/cli/commands/templates.js';
import { columnLetters, type SheetGrid, type WorkbookGrid } from '../../src/core/values/grid.js';
import { TEMPLATES } from '../../src/core/schema/templates.js';
import type { SheetSpec, TemplateSpec } from '../../src/core/schema/types.js';
import { displayWidth, layoutSheet, numberFormat } from '../../src/core/template/layout.js';
import { MIN_TABLE_SCALE, TABLE_MARGINS, tablePrint } from '../../src/core/template/print.js';
import { printableArea, widthPt } from '../../src/core/paper/geometry.js';
import {
  identifyTemplate,
  isIssue,
  META_SHEET,
  TEMPLATE_NAME,
  templateMark,
} from '../../src/core/workbook/identify.js';
import { excelOf, gridOf, sheetOf, worksheetOf } from '../helpers/xlsx.js';

/** The templates people fill, as `kpd templates` writes them, read back by both readers. */
const built = await buildTemplates();
const fillable = await Promise.all(
  TEMPLATES.map(async (spec) => {
    const file = built.find((b) => b.fileName === spec.fileName);
    if (!file) throw new Error(`kpd templates does not write ${spec.fileName}`);
    return { spec, grid: gridOf(file.bytes), excel: await excelOf(file.bytes) };
  }),
);
const sheets = fillable.flatMap(({ spec, grid, excel }) =>
  spec.sheets.map((s) => ({
    name: `${spec.fileName} 「${s.name}」`,
    s,
    grid: sheetOf(grid, s.name),
    ws: worksheetOf(excel, s.name),
  })),
);

const text = (g: SheetGrid, row: number): string[] =>
  (g.rows[row - 1] ?? []).map((c) => (typeof c === 'string' ? c : ''));
const validation = (ws: ExcelJS.Worksheet, ref: string): ExcelJS.DataValidation | undefined =>
  (
    ws as unknown as { dataValidations: { find(a: string): ExcelJS.DataValidation | undefined } }
  ).dataValidations.find(ref);
const layoutOf = (s: SheetSpec) => layoutSheet(s, s.blankRows ?? 1);

describe.each(sheets)('$name', ({ s, grid, ws }) => {
  const l = layoutOf(s);

  it('has a merged, bold title', () => {
    expect(text(grid, 1)[0]).toBe(s.title);
    expect(ws.model.merges).toContain(`A1:${columnLetters(l.lastCol - 1)}1`);
    expect(ws.getCell('A1').font.bold).toBe(true);
  });

  it('has its field rows, "单位：万元" where money is shown, and the header row', () => {
    const above = Array.from({ length: l.headerRow - 1 }, (_, i) => text(grid, i + 1)).flat();
    for (const f of s.fields ?? []) {
      expect(above, f.label).toContain(`${f.label}：`);
      const p = l.fields.find((x) => x.field.key === f.key);
      expect(ws.getCell(p?.row ?? 0, p?.labelCol ?? 0).font.bold, f.label).toBe(true);
    }
    expect(above.includes('单位：万元')).toBe(s.money === true);
    expect(text(grid, l.headerRow).slice(0, s.columns.length)).toEqual(s.columns.map((c) => c.header));
  });

  it('freezes the header and prints it fitted to one page wide on the paper that keeps text ≥ 9 pt', () => {
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: l.headerRow });
    // The widths as written (exceljs reads some back as its default): the spec's, a label's column widened.
    const widths = Array.from({ length: l.lastCol }, (_, i) => s.columns[i]?.width ?? 12);
    for (const f of l.fields)
      widths[f.labelCol - 1] = Math.max(widths[f.labelCol - 1] ?? 12, displayWidth(f.field.label) + 4);
    const print = tablePrint(s, widths);
    // A4 in the sheet's own orientation when it fits; a wide sheet on A4 landscape or A3 landscape,
    // a ledger too wide for A3 on A4 landscape several pages wide.
    expect(print.scale, 'scale as LibreOffice prints').toBeGreaterThanOrEqual(MIN_TABLE_SCALE);
    expect(ws.pageSetup).toMatchObject({
      paperSize: print.paper === 'A3' ? 8 : 9,
      orientation: print.orientation,
      fitToPage: true,
      fitToWidth: print.pagesWide,
      fitToHeight: 0,
    });
    // Its own orientation on A4 whenever that keeps the text ≥ 9 pt.
    const portrait = printableArea('A4', 'portrait', TABLE_MARGINS).w / widthPt(widths);
    if (portrait >= MIN_TABLE_SCALE && s.landscape !== true) expect(print.orientation).toBe('portrait');
    // The header row repeats on every page, except where charts follow the table on a page of their own.
    expect(ws.pageSetup.printTitlesRow).toBe(s.chartsBelow ? undefined : `${l.headerRow}:${l.headerRow}`);
  });

  it('formats dates as dates and money in 万元 with 2 decimals', () => {
    s.columns.forEach((c, i) => {
      const fmt = ws.getCell(l.firstDataRow, i + 1).numFmt;
      if (c.type === 'money') expect(fmt, c.header).toBe('#,##0.00');
      if (c.type === 'date') expect(fmt, c.header).toBe('yyyy-mm-dd');
      expect(fmt, c.header).toBe(numberFormat(c));
    });
    for (const p of l.fields.filter((x) => x.field.type === 'date')) {
      expect(ws.getCell(p.row, p.valueFrom).numFmt, p.field.label).toBe('yyyy"年"m"月"d"日"');
    }
  });

  it('offers a drop-down list for every closed list', () => {
    s.columns.forEach((c, i) => {
      if (c.type !== 'enum') return;
      const v = validation(ws, `${columnLetters(i)}${l.firstDataRow}`);
      expect(v?.type, c.header).toBe('list');
      expect(v?.formulae, c.header).toEqual([`"${(c.values ?? []).join(',')}"`]);
    });
  });
});

describe.each(sheets.filter((x) => x.s.totalRow === true))('$name: the 合计 row', ({ s, grid, ws }) => {
  it('sums the money columns of the prepared rows', () => {
    const l = layoutOf(s);
    const r = l.totalRow ?? 0;
    expect(text(grid, r)[0]).toBe('合计');
    const sums = s.columns.flatMap((c, i) => {
      if (!c.total || c.formula) return [];
      const col = columnLetters(i);
      return [
        [c.header, ws.getCell(r, i + 1).formula, `SUM(${col}${l.firstDataRow}:${col}${l.lastDataRow})`],
      ];
    });
    expect(sums.length).toBeGreaterThan(0);
    for (const [header, formula, expected] of sums) expect(formula, header).toBe(expected);
  });
});

describe.each(fillable.map((f) => ({ ...f, name: f.spec.fileName })))(
  '$name: the template mark',
  ({ spec, grid, excel }) => {
    it('is on the hidden sheet _kpd', () => {
      const meta = sheetOf(grid, META_SHEET);
      expect(meta.hidden).toBe(true);
      expect(worksheetOf(excel, META_SHEET).state).toBe('hidden');
      expect(meta.rows).toEqual(
        expect.arrayContaining([
          ['模板编号', spec.id],
          ['模板版本', spec.version],
        ]),
      );
    });

    it('is the defined name KPD_TEMPLATE, pointing at the id@version', () => {
      const ref = grid.definedNames?.get(TEMPLATE_NAME) ?? '';
      const m = /^'?([^'!]+)'?!\$([A-Z]+)\$(\d+)$/u.exec(ref);
      expect(m, `KPD_TEMPLATE refers to ${ref}`).not.toBeNull();
      const cell = worksheetOf(excel, m?.[1] ?? '').getCell(`${m?.[2]}${m?.[3]}`).value;
      expect(cell).toBe(templateMark(spec));
    });

    it('makes the workbook recognised as its template and version', () => {
      const id = identifyTemplate(grid as WorkbookGrid);
      expect(isIssue(id) ? id.code : [id.template.id, id.version, id.issues]).toEqual([
        spec.id,
        spec.version,
        [],
      ]);
    });
  },
);

describe('the 总台账 template', () => {
  const master = fillable.find((f) => f.spec.id === 'kpd.master') as {
    spec: TemplateSpec;
    grid: WorkbookGrid;
    excel: ExcelJS.Workbook;
  };

  it('has every master sheet in order, then the hidden mark', () => {
    expect(master.grid.sheets.map((s) => s.name)).toEqual([
      ...master.spec.sheets.map((s) => s.name),
      META_SHEET,
    ]);
  });

  it('shows worked-example rows in grey italics', () => {
    const projects = master.spec.sheets[0] as SheetSpec;
    const l = layoutOf(projects);
    expect(text(sheetOf(master.grid, projects.name), l.firstDataRow)[0]).toBe('AY-2026-001');
    const font = worksheetOf(master.excel, projects.name).getCell(l.firstDataRow, 1).font;
    expect([font.italic, font.color?.argb]).toEqual([true, 'FF7F7F7F']);
  });
});
