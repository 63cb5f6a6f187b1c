import { describe, expect, it } from 'vitest';
import type { Cell, SheetGrid } from '../../../src/core/values/grid.js';
import { PROGRESS, SITE_VISITS, REPORT } from '../../../src/core/schema/report.js';
import { findHeaderRow } from '../../../src/core/table/header.js';
import { locateSheet } from '../../../src/core/table/locate.js';
import { readTable } from '../../../src/core/table/read.js';

const grid = (name: string, rows: Cell[][]): SheetGrid => ({ name, rows });
const codes = (t: { issues: readonly { code: string }[] }) => t.issues.map((i) => i.code);

describe('the header, wherever it is', () => {
  it('reads a group label merged over sub-headers (投资情况 over 本期 / 累计), data below the second row', () => {
    const g = grid('进展情况', [
      ['填报单位', '甲指挥部'],
      ['项目编号', '项目名称', '投资情况（万元）', null, '形象进度'],
      [null, null, '本期', '累计', null],
      ['AY-1', '一期', 10, 20, '施工'],
    ]);
    const h = findHeaderRow(g, PROGRESS);
    expect([h?.first, h?.index]).toEqual([1, 2]);
    expect(Object.fromEntries(h?.columns ?? [])).toMatchObject({
      projectId: 0,
      name: 1,
      current: 2,
      cumulative: 3,
      image: 4,
    });
    const t = readTable(g, PROGRESS);
    expect(t.rows.map((r) => [r.row, r.ok, r.record])).toEqual([
      [4, true, expect.objectContaining({ projectId: 'AY-1', current: 10, cumulative: 20, image: '施工' })],
    ]);
    expect(t.fields.get('reporter')?.value).toBe('甲指挥部');
  });

  it('finds a header below the 25 rows searched first', () => {
    const notes: Cell[][] = Array.from({ length: 40 }, (_, i) => [`说明 ${i}`]);
    const g = grid('一线工作', [...notes, ['日期', '姓名', '职务'], ['2026-11-03', '王', '指挥长']]);
    expect(findHeaderRow(g, SITE_VISITS)?.index).toBe(40);
    expect(readTable(g, SITE_VISITS).rows).toHaveLength(1);
  });

  it('rejects every row of a table whose header lacks a required column: never merged blank', () => {
    const g = grid('进展情况', [
      ['项目编号', '项目名称', '本期完成投资(万元)'],
      ['AY-1', '一期', 10],
    ]);
    const t = readTable(g, PROGRESS);
    expect(t.rows.map((r) => r.ok)).toEqual([false]);
    expect(codes(t).filter((c) => c.startsWith('column.') || c.startsWith('row.'))).toEqual([
      'column.missing',
      'row.columnsMissing',
    ]);
    expect(t.issues.find((i) => i.code === 'row.columnsMissing')?.params).toEqual({
      headers: '年度累计完成投资（万元）',
      project: 'AY-1',
    });
  });
});

describe('a sheet by its name, else by its columns', () => {
  const visits = (name: string, header: Cell[]) => grid(name, [header, ['2026-11-03', '王', '指挥长']]);
  const progress = grid('进展情况', [['项目编号', '本期完成投资(万元)', '年度累计完成投资(万元)']]);

  it('recognises a renamed sheet by its required columns', () => {
    const wb = { sheets: [progress, visits('一线工作(1)', ['日期', '姓名', '职务'])] };
    expect(locateSheet(wb, SITE_VISITS, REPORT.sheets, new Set([progress]))).toMatchObject({
      kind: 'renamed',
      grid: { name: '一线工作(1)' },
    });
  });

  it('calls a look-alike without the headers unrecognised, with its filled rows', () => {
    const wb = { sheets: [progress, visits('一线工作(1)', ['时间', '人员', '身份'])] };
    expect(locateSheet(wb, SITE_VISITS, REPORT.sheets, new Set([progress]))).toMatchObject({
      kind: 'unrecognised',
      rows: [1, 2],
    });
    expect(locateSheet({ sheets: [progress] }, SITE_VISITS, REPORT.sheets, new Set([progress]))).toEqual({
      kind: 'missing',
    });
  });
});
