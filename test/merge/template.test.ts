import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { readXlsx } from '../../src/adapters/xlsx-read/index.js';
import { gridSheet } from '../helpers/merge-bulletin.js';
import { COLUMNS, DATA, FOOTER, HEADER, MASTHEAD, officeTemplate } from '../helpers/merge-template.js';
import { HQ, merge, reportFill, scenario, writeReport, type MergeRun } from '../helpers/merge-world.js';
import { useTempDir } from '../helpers/tmp.js';
import { excelOf, worksheetOf } from '../helpers/xlsx.js';

/**
 * The office's own styled bulletin template (--template): a masthead above the table, columns
 * in its own order, a column of its own, a footer below, its own fills. The merge fills the
 * table by its headers and keeps everything else; the footer moves down below the data.
 */
const tmp = useTempDir('kpd-merge-template-');

let run: MergeRun;
let template: Uint8Array;

beforeAll(async () => {
  const dir = await scenario(tmp(), 'office');
  template = await officeTemplate();
  await writeFile(join(dir, '本办通报模板.xlsx'), template);
  await writeReport(
    dir,
    'a.xlsx',
    reportFill(HQ.a, [
      { projectId: 'AY-2026-101', current: 500, cumulative: 10_500 },
      { projectId: 'AY-2026-102', current: 300, cumulative: 6_000 },
    ]),
  );
  await writeReport(
    dir,
    'b.xlsx',
    reportFill(HQ.b, [{ projectId: 'AY-2026-104', current: 400, cumulative: 5_400 }]),
  );
  run = await merge(dir, ['a.xlsx', 'b.xlsx'], ['--template', '本办通报模板.xlsx']);
  expect(await readFile(join(dir, '本办通报模板.xlsx'))).toEqual(Buffer.from(template));
});

describe('kpd merge --template (the office’s own styled template)', () => {
  it('fills the table under its own header order, leaving its extra column empty', () => {
    const rows = gridSheet(readXlsx(run.bulletin).workbook, '项目进展').rows;
    expect(rows[2]).toEqual(COLUMNS);
    // Grouped by HQ: a subtotal line (this template has no 序号 column for the word 小计) heads each.
    expect(
      rows
        .slice(3, 13)
        .map((r) => [
          r[0] ?? null,
          r[2],
          r[3] ?? null,
          r[4] ?? null,
          r[5] ?? null,
          r[6] ?? null,
          r[7] ?? null,
          r[8],
        ]),
    ).toEqual([
      [null, HQ.a, 16_500, null, null, 800, null, 24_000],
      ['AY-2026-101', HQ.a, 10_500, 0.875, '正常', 500, null, 12_000],
      ['AY-2026-102', HQ.a, 6_000, 0.75, '滞后', 300, null, 8_000],
      ['AY-2026-103', HQ.a, null, null, '未报', null, null, 4_000],
      [null, HQ.b, 5_400, null, null, 400, null, 8_000],
      ['AY-2026-104', HQ.b, 5_400, 0.9, '正常', 400, null, 6_000],
      ['AY-2026-105', HQ.b, null, null, '未报', null, null, 2_000],
      [null, HQ.c, null, null, null, null, null, 15_000],
      ['AY-2026-106', HQ.c, null, null, '未报', null, null, 10_000],
      ['AY-2026-107', HQ.c, null, null, '未报', null, null, 5_000],
    ]);
    expect(rows[3]?.[1]).toBe('共 3 个项目，1 个滞后，1 个无本期数据');
    expect(rows[4]?.[1]).toBe('甲园区标准厂房');
  });

  it('keeps the masthead with its fill and merge, and fills its placeholders', async () => {
    const ws = worksheetOf(await excelOf(run.bulletin), '项目进展');
    expect(ws.getCell('A1').value).toBe('安阳县重点项目情况通报');
    expect((ws.getCell('A1').fill as ExcelJS.FillPattern).fgColor?.argb).toBe(MASTHEAD);
    expect(ws.getCell('A1').font.color?.argb).toBe('FFC00000');
    expect(ws.getCell('I1').master.address).toBe('A1');
    expect([ws.getCell('A2').value, ws.getCell('E2').value]).toEqual([
      '第21期',
      '发展改革局重点项目办公室　2026年11月13日',
    ]);
    expect((ws.getCell('C3').fill as ExcelJS.FillPattern).fgColor?.argb).toBe(HEADER);
  });

  it('gives every data cell the prepared row’s fill and number format', async () => {
    const ws = worksheetOf(await excelOf(run.bulletin), '项目进展');
    for (let r = 4; r <= 13; r++) {
      for (let c = 1; c <= COLUMNS.length; c++)
        expect((ws.getCell(r, c).fill as ExcelJS.FillPattern).fgColor?.argb, `${r},${c}`).toBe(DATA);
      expect(ws.getCell(r, 5).numFmt, `row ${r}`).toBe('0.00%');
    }
  });

  it('moves the footer below the data, keeping its fill and merge', async () => {
    const ws = worksheetOf(await excelOf(run.bulletin), '项目进展');
    expect(ws.getCell('A14').value).toBe('报：县委、县政府');
    expect((ws.getCell('A14').fill as ExcelJS.FillPattern).fgColor?.argb).toBe(FOOTER);
    expect(ws.getCell('I14').master.address).toBe('A14');
    expect(ws.getCell('A15').value).toBe('送：各指挥部、各责任单位');
    expect(ws.getCell('A5').value).toBe('AY-2026-101');
    expect(ws.getCell('I5').isMerged).toBe(false);
  });

  it('fills the other tables and placeholders, and warns about the table the template lacks', () => {
    const grid = readXlsx(run.bulletin).workbook;
    expect(gridSheet(grid, '汇总').rows[0]).toEqual(['发展改革局重点项目办公室：汇总（第21期）']);
    expect(
      gridSheet(grid, '报送情况')
        .rows.slice(2)
        .map((r) => [r[1], r[3]]),
    ).toEqual([
      [HQ.a, '按时'],
      [HQ.b, '按时'],
      [HQ.c, '未报'],
    ]);
    expect(run.err).toContain('警告：通报模板中没有「来源」表（或找不到其表头），该部分未写入。');
    expect(grid.sheets.map((s) => s.name)).not.toContain('来源');
  });
});
