import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { readWorkbookGrid } from '../../src/adapters/office/excel.js';
import { readXlsx } from '../../src/adapters/xlsx-read/index.js';
import { progressChartPaper } from '../../src/addin/pane.js';
import type { WorkbookGrid } from '../../src/core/values/grid.js';
import { runKpd } from '../helpers/cli.js';
import { fakeWorkbook, trimmed } from '../helpers/office.js';
import { repoPath } from '../helpers/paths.js';

/**
 * The task pane's 进度图 (挂图作战) against the strict fake of Office.js holding the example
 * 总台账: the chart it opens is the one `kpd chart` writes, and the master is not changed.
 */
let grid: WorkbookGrid;
let cli: WorkbookGrid;

beforeAll(async () => {
  grid = readXlsx(await readFile(repoPath('examples', '总台账.xlsx'))).workbook;
  const dir = await mkdtemp(join(tmpdir(), 'kpd-chart-pane-'));
  const r = await runKpd(
    ['chart', '--master', repoPath('examples', '总台账.xlsx'), '--on', '2026-11-13', '--out', '进度图.xlsx'],
    dir,
  );
  expect(r.code, r.err).toBe(0);
  cli = readXlsx(await readFile(join(dir, '进度图.xlsx'))).workbook;
}, 60_000);

describe('task pane 进度图', () => {
  it('opens the chart kpd chart writes, sheet for sheet and cell for cell; the master stays as it was', async () => {
    const book = fakeWorkbook(grid);
    const before = await book.run((ctx) => readWorkbookGrid(ctx, book.excel));
    const opened: { bytes: Uint8Array }[] = [];
    const r = await progressChartPaper(book.excel, ' 2026-11-13 ', {
      open: async (bytes) => void opened.push({ bytes }),
      download: () => {
        throw new Error('opened, not downloaded, in this Excel');
      },
    });
    expect(r.ok).toBe(true);
    expect(r.summary).toBe(
      '进度图（挂图作战，截至 2026-11-13）已在新工作簿中打开，请另存为「进度图-2026-11-13.xlsx」：8 个指挥部，30 个项目，90 个节点：已完成 54，逾期未完成 6，未到期 30。每个指挥部一张表，A3 横向打印。',
    );
    expect(r.lines[0]).toBe('「高端装备产业园指挥部」：4 个项目，12 个节点，按月，1 页');
    const made = readXlsx(opened[0]?.bytes ?? new Uint8Array()).workbook;
    expect(made.sheets.map((s) => s.name)).toEqual(cli.sheets.map((s) => s.name));
    for (const s of cli.sheets.filter((x) => !x.hidden))
      expect(trimmed(made.sheets.find((x) => x.name === s.name)?.rows ?? []), s.name).toEqual(
        trimmed(s.rows),
      );
    expect(await book.run((ctx) => readWorkbookGrid(ctx, book.excel))).toEqual(before);
  });

  it('says when it was downloaded instead, in English when Office speaks English', async () => {
    const book = fakeWorkbook(grid, '1.7');
    const r = await progressChartPaper(
      book.excel,
      '2026-11-13',
      { open: async () => undefined, download: () => undefined },
      'en',
    );
    expect(r.summary).toContain(
      'Progress chart (as of 2026-11-13) downloaded as "进度图-2026-11-13.xlsx": 8 HQs',
    );
  });

  it('refuses a day it cannot read, and a workbook that is not the master', async () => {
    const never = {
      open: async (): Promise<void> => {
        throw new Error('nothing to open');
      },
      download: (): void => {
        throw new Error('nothing to download');
      },
    };
    const bad = await progressChartPaper(fakeWorkbook(grid).excel, '11月13日后', never);
    expect(bad).toMatchObject({ ok: false, summary: '截至日期「11月13日后」无法识别，请写成 2026-11-13。' });
    const other = fakeWorkbook({ sheets: [{ name: 'Sheet1', rows: [['x']] }] });
    const r = await progressChartPaper(other.excel, '2026-11-13', never);
    expect(r.ok).toBe(false);
    expect(r.summary).toContain('不是总台账');
  });
});
