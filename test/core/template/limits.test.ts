import { describe, expect, it } from 'vitest';
import { withinExcelLimits } from '../../../src/core/bulletin/render.js';
import { PROBLEMS, PROJECT_PROGRESS } from '../../../src/core/schema/bulletin.js';
import { capTable, EXCEL_LIMITS, TABLE_ROW_MARGIN } from '../../../src/core/template/limits.js';
import type { RowValues } from '../../../src/core/template/samples.js';

const problem = (i: number, code: string): RowValues => ({
  seq: i + 1,
  file: 'a.xlsx',
  code,
  message: '行有误',
});
const all = (rows: { length: number; at(i: number): RowValues | undefined }): RowValues[] =>
  Array.from({ length: rows.length }, (_, i) => rows.at(i) as RowValues);

describe('capTable: what Excel can hold', () => {
  it('keeps a table within the limit as it is', () => {
    const rows = [problem(0, 'x'), problem(1, 'y')];
    const t = capTable(PROBLEMS, rows, { maxRows: 2, maxCellChars: 100 });
    expect(t.overflow).toBeUndefined();
    expect(all(t.rows)).toEqual(rows);
  });

  it('writes the rows up to the limit and says in a last row how many were left out, by code', () => {
    const rows = Array.from({ length: 10 }, (_, i) => problem(i, i < 7 ? 'cell.number' : 'ref.project'));
    const t = capTable(PROBLEMS, rows, { maxRows: 4, maxCellChars: 1000 });
    expect(t.overflow).toEqual({ sheet: '数据问题', total: 10, kept: 3 });
    const out = all(t.rows);
    expect(out).toHaveLength(4);
    expect(out.slice(0, 3)).toEqual(rows.slice(0, 3));
    expect(out[3]?.['message']).toBe(
      '……另有 7 行未列出：一张 Excel 工作表最多 1,048,576 行。未列出的按问题代码：cell.number 4、ref.project 3。完整清单见命令的 --json 输出。',
    );
  });

  it('cuts a text past 32,767 characters and says how much was cut, never splitting a surrogate pair', () => {
    const long = '长'.repeat(40_000);
    const t = capTable(PROJECT_PROGRESS, [{ image: long, problems: '短' }]);
    const row = t.rows.at(0) ?? {};
    const image = String(row['image']);
    expect(image.length).toBe(EXCEL_LIMITS.maxCellChars);
    expect(image).toMatch(/^长+……（另有 7,\d{3} 字未写入：Excel 一个单元格最多 32,767 字）$/u);
    expect(row['problems']).toBe('短');
    const emoji = capTable(PROJECT_PROGRESS, [{ image: '😀'.repeat(40) }], { maxRows: 10, maxCellChars: 61 });
    const cut = String(emoji.rows.at(0)?.['image']);
    expect(cut.length).toBeLessThanOrEqual(61);
    expect(cut).toMatch(/^(😀)+……（另有 \d+ 字未写入/u);
    expect(/[\ud800-\udbff](?![\udc00-\udfff])/u.test(cut)).toBe(false);
  });

  it('bounds every table of a document and lists the ones cut', () => {
    const n = EXCEL_LIMITS.maxRows - TABLE_ROW_MARGIN + 5;
    const rows = { length: n, at: (i: number) => (i < n ? problem(i, 'cell.number') : undefined) };
    const s = withinExcelLimits({ placeholders: new Map(), tables: [{ sheet: PROBLEMS, rows }] });
    expect(s.overflow).toEqual([{ sheet: '数据问题', total: n, kept: n - 6 }]);
    expect(s.tables[0]?.rows.length).toBe(EXCEL_LIMITS.maxRows - TABLE_ROW_MARGIN);
  });
});
