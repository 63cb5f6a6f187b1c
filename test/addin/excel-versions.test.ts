import { readdir, readFile } from 'node:fs/promises';
import { beforeAll, describe, expect, it } from 'vitest';
import { readWorkbookGrid } from '../../src/adapters/office/excel.js';
import { EXCEL_FEATURES, has } from '../../src/adapters/office/requirements.js';
import { readXlsx } from '../../src/adapters/xlsx-read/index.js';
import { LiveCheck } from '../../src/addin/live-check.js';
import { addinText } from '../../src/addin/messages.js';
import {
  buildMeetingAgenda,
  checkEdit,
  checkWorkbook,
  computeRanking,
  importLedger,
  mergeReports,
  type PaneResult,
  type PickedFile,
} from '../../src/addin/pane.js';
import type { WorkbookGrid } from '../../src/core/values/grid.js';
import { EXCEL_API_LEVELS, fakeWorkbook, trimmed } from '../helpers/office.js';
import { repoPath } from '../helpers/paths.js';
import type { FakeWorkbook } from './fake-office.js';

/**
 * Every action of the pane in the Excel versions county offices have, from Excel 2016 (ExcelApi
 * 1.1) to Microsoft 365: the fake refuses any member above the set declared, so an action that
 * used one would fail here. What each must do at each level is asserted; the content written is
 * the same at every level (and is the CLI's: excel-adapter.test.ts compares it at 1.13).
 */
let grid: WorkbookGrid;
let reports: PickedFile[];
let template: Uint8Array;

beforeAll(async () => {
  grid = readXlsx(await readFile(repoPath('examples', '总台账.xlsx'))).workbook;
  const dir = repoPath('examples', 'reports', '2026-11-1');
  reports = await Promise.all(
    (await readdir(dir)).sort().map(async (name) => ({
      name,
      bytes: new Uint8Array(await readFile(`${dir}/${name}`)),
      lastModified: Date.UTC(2026, 10, 12, 9),
    })),
  );
  template = new Uint8Array(await readFile(repoPath('templates', '重点项目情况通报.xlsx')));
});

const minor = (v: string): number => Number(v.split('.')[1]);
const sheetRows = (book: FakeWorkbook, name: string): unknown[][] => trimmed(book.sheet(name)?.rows() ?? []);

/**
 * The content a level wrote, to compare across levels. 单位：万元 is set apart: merged over the
 * header's last columns from ExcelApi 1.2, in the last column alone (right-aligned) before.
 */
const written = (book: FakeWorkbook, names: readonly string[]): Record<string, unknown[][]> =>
  Object.fromEntries(
    names.map((n) => [
      n,
      trimmed(sheetRows(book, n).map((r) => r.map((c) => (c === '单位：万元' ? '' : c)))),
    ]),
  );

/** What the result sheets look like at this level: merged title, widths, frozen header. */
function layoutAt(book: FakeWorkbook, name: string) {
  const ws = book.sheet(name);
  return {
    merged: (ws?.merges.length ?? 0) > 0,
    titleAlign: ws?.formats.get('0,0')?.align,
    widths: ws?.columnWidths.size ?? 0,
    frozen: ws?.frozenRows ?? 0,
  };
}

/** The sentence a level must add about the layout, if any. */
const layoutNote = (level: string): string[] =>
  minor(level) < 2 ? [addinText('api.basicLayout')] : minor(level) < 7 ? [addinText('api.noFreeze')] : [];

const RANKING = ['代办员考核结果', '扣分明细', '单位考评排名', '排名历史', '数据问题'];
const AGENDA = ['议程', '督办落实', '议题及滞后项目'];
const LEDGERS = ['进展记录', '报送记录', '一线工作记录'];

const at13: Record<string, unknown> = {};

describe.each([...EXCEL_API_LEVELS].reverse())('ExcelApi %s', (level) => {
  const book = (): FakeWorkbook => fakeWorkbook(grid, level);

  it('计算排名 writes the same results; the layout is what this Excel can do, and the pane says what it could not', async () => {
    const b = book();
    const r: PaneResult = await computeRanking(b.excel, '2026Q3');
    expect(r.ok, r.summary).toBe(true);
    const content = written(b, RANKING);
    if (level === '1.13') at13['rank'] = content;
    else expect(content).toEqual(at13['rank']);
    const layout = layoutAt(b, '单位考评排名');
    expect(layout).toEqual({
      merged: minor(level) >= 2,
      titleAlign: minor(level) >= 2 ? 'Center' : 'CenterAcrossSelection',
      widths: minor(level) >= 2 ? expect.any(Number) : 0,
      frozen: minor(level) >= 7 ? expect.any(Number) : 0,
    });
    if (minor(level) >= 2) expect(layout.widths).toBeGreaterThan(5);
    if (minor(level) >= 7) expect(layout.frozen).toBeGreaterThan(1);
    expect(r.lines.filter((l) => l.startsWith('此版本的 Excel'))).toEqual(layoutNote(level));
  });

  it('汇总通报 opens the bulletin as a new workbook from ExcelApi 1.8, and downloads it before, saying so', async () => {
    const b = book();
    const opened: Uint8Array[] = [];
    const downloaded: string[] = [];
    const r = await mergeReports(
      b.excel,
      '2026-11-1',
      reports,
      { bytes: template },
      {
        open: async (bytes) => void opened.push(bytes),
        download: (bytes, name) => void downloaded.push(`${name} ${bytes.length > 10_000}`),
      },
    );
    expect(r.ok, r.summary).toBe(true);
    if (minor(level) >= 8) {
      expect([opened.length, downloaded]).toEqual([1, []]);
      expect(r.summary).toContain('已在新工作簿中打开，请另存为「重点项目情况通报-第21期.xlsx」');
      expect(r.lines).not.toContain(addinText('api.downloaded'));
    } else {
      expect([opened.length, downloaded]).toEqual([0, ['重点项目情况通报-第21期.xlsx true']]);
      expect(r.summary).toContain('已下载为「重点项目情况通报-第21期.xlsx」');
      expect(r.lines.at(-1)).toBe(addinText('api.downloaded'));
    }
    // The master is only read.
    expect(b.sheets.map((s) => s.name)).toEqual(grid.sheets.map((s) => s.name));
    const made = opened[0];
    if (made) at13['bulletin'] = made;
  });

  it('导入台账 writes the ledgers; drop-down lists from ExcelApi 1.8, before that a sentence saying to type the options', async () => {
    const bulletin = at13['bulletin'] as Uint8Array;
    const b = book();
    const r = await importLedger(b.excel, [{ name: '通报.xlsx', bytes: bulletin }]);
    expect(r.ok, r.summary).toBe(true);
    expect(r.summary).toMatch(/^已导入 2026-11-1：进展记录 \d+ 行，报送记录 8 行/u);
    const content = written(b, LEDGERS);
    if (level === '1.13') at13['ledger'] = content;
    else expect(content).toEqual(at13['ledger']);
    const progress = sheetRows(b, '进展记录');
    const header = progress.findIndex((r) => r.includes('报告期'));
    const unitAt = progress[header - 1]?.indexOf('单位：万元');
    // The ledger is merged into the sheet as the master has it (issue 18): its 单位：万元 line stays
    // where it was, at every level.
    const before = trimmed(grid.sheets.find((x) => x.name === '进展记录')?.rows ?? []);
    const beforeHeader = before.findIndex((r) => r.includes('报告期'));
    expect(unitAt).toBe(before[beforeHeader - 1]?.indexOf('单位：万元'));
    expect(unitAt).toBeGreaterThan(0);
    const lists = b.sheet('报送记录')?.validations.map((v) => v.rule.list.source) ?? [];
    if (minor(level) >= 8) {
      expect(lists).toEqual(['邮件时间,登记时间,填报日期,文件修改时间', '按时,迟报,未报']);
      expect(r.lines).not.toContain(addinText('api.noDropDowns'));
    } else {
      expect(lists).toEqual([]);
      expect(r.lines).toContain(addinText('api.noDropDowns'));
    }
  });

  it('生成议程 writes the same agenda, with the layout notes of this level', async () => {
    const b = book();
    const r = await buildMeetingAgenda(b.excel, '2026-11-14');
    expect(r.ok, r.summary).toBe(true);
    const content = written(b, AGENDA);
    if (level === '1.13') at13['agenda'] = content;
    else expect(content).toEqual(at13['agenda']);
    expect(r.lines.filter((l) => l.startsWith('此版本的 Excel'))).toEqual(layoutNote(level));
  });

  it('检查 finds the same, reading the workbook the way this Excel can', async () => {
    const b = book();
    const r = await checkWorkbook(b.excel);
    if (level === '1.13') at13['check'] = r;
    else expect(r).toEqual(at13['check']);
    const read = await b.run((ctx) => readWorkbookGrid(ctx, b.excel));
    for (const s of grid.sheets)
      expect(trimmed(read.sheets.find((x) => x.name === s.name)?.rows ?? []), s.name).toEqual(
        trimmed(s.rows),
      );
  });

  it('输入时检查 from ExcelApi 1.9 (the pane registers it only then); before, this Excel refuses the event', async () => {
    const b = book();
    expect(has(b.excel, 'liveCheck')).toBe(minor(level) >= 9);
    if (minor(level) < 9) {
      await expect(b.run(async (ctx) => ctx.workbook.worksheets.onChanged)).rejects.toThrow(/ApiNotFound/u);
      return;
    }
    const live = new LiveCheck();
    const results: PaneResult[] = [];
    await b.run(async (ctx) => {
      ctx.workbook.worksheets.onChanged.add(
        async (e) => void results.push(await checkEdit(b.excel, live, e)),
      );
      await ctx.sync();
    });
    await b.type('项目登记', 'N4', '王小二');
    expect(results.at(-1)?.summary).toBe('「项目登记」N4：有 1 处问题，请修改。');
    await b.type('项目登记', 'N4', '张伟');
    expect(results.at(-1)?.summary).toBe('「项目登记」N4：已检查，没有问题。');
  });
});

describe('the requirement sets the pane asks for', () => {
  it('are those @types/office-js gives the members each feature uses', async () => {
    const { installedExcelApiSets } = await import('./api-sets.js');
    const sets = installedExcelApiSets();
    for (const [feature, { version, members }] of Object.entries(EXCEL_FEATURES)) {
      const highest = members
        .map((m) => sets[m] ?? 'missing')
        .reduce((a, b) => (b === 'missing' || minor(b) > minor(a) ? b : a), '1.1');
      expect(highest, feature).toBe(version);
    }
  });
});
