import { copyFile, mkdtemp, readdir, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { EtHost } from '../../src/adapters/wps/et.js';
import { ROWS_PER_BLOCK } from '../../src/adapters/wps/write.js';
import { readXlsx } from '../../src/adapters/xlsx-read/index.js';
import { parseRankPeriod } from '../../src/core/calendar/periods.js';
import { WorkCalendar } from '../../src/core/calendar/workdays.js';
import type { WorkbookGrid } from '../../src/core/grid.js';
import type { HostSheet } from '../../src/core/host.js';
import { readMaster } from '../../src/core/master/read.js';
import { importBulletin } from '../../src/core/ledger/import.js';
import { PROGRESS_LOG, SITE_WORK_LOG, SUBMISSION_LOG } from '../../src/core/schema/master.js';
import { isIssue } from '../../src/core/workbook/identify.js';
import { defineSheet } from '../../src/core/schema/define.js';
import { scoreMaster } from '../../src/core/score/run.js';
import { runKpd } from '../helpers/cli.js';
import { exampleMaster } from '../helpers/merge-results.js';
import { trimmed } from '../helpers/office.js';
import { repoPath } from '../helpers/paths.js';
import { fakeBookOf, fakeWps } from '../helpers/wps.js';

/**
 * The WPS 表格 adapter against a strict fake of WPS's object model holding the example 总台账:
 * read through the model, the workbook is the grid our .xlsx reader gives; the result sheets of
 * kpd score, written through it, hold cell for cell what the CLI writes.
 */
let grid: WorkbookGrid;
let cli: WorkbookGrid;
/** The CLI's bulletin of 2026-11-1, and the master kpd ledger import made from it. */
let bulletin: WorkbookGrid;
let cliLedger: WorkbookGrid;

beforeAll(async () => {
  grid = readXlsx(await readFile(repoPath('examples', '总台账.xlsx'))).workbook;
  const dir = await mkdtemp(join(tmpdir(), 'kpd-wps-'));
  await exampleMaster(dir);
  const r = await runKpd(['score', '总台账.xlsx', '--period', '2026Q3', '--out', '结果.xlsx'], dir);
  expect(r.code, r.err).toBe(0);
  cli = readXlsx(await readFile(join(dir, '结果.xlsx'))).workbook;
  const from = repoPath('examples', 'reports', '2026-11-1');
  const names = (await readdir(from)).sort();
  for (const n of names) await copyFile(join(from, n), join(dir, n));
  const m = await runKpd(
    ['merge', ...names, '--master', '总台账.xlsx', '--period', '2026-11-1', '--out', '通报.xlsx'],
    dir,
  );
  expect(m.code, m.err).toBe(0);
  bulletin = readXlsx(await readFile(join(dir, '通报.xlsx'))).workbook;
  const l = await runKpd(
    ['ledger', 'import', '通报.xlsx', '--into', '总台账.xlsx', '--out', '新总台账.xlsx'],
    dir,
  );
  expect(l.code, l.err).toBe(0);
  cliLedger = readXlsx(await readFile(join(dir, '新总台账.xlsx'))).workbook;
}, 120_000);

const sheetRows = (wb: WorkbookGrid, name: string): unknown[][] =>
  trimmed(wb.sheets.find((s) => s.name === name)?.rows ?? []);

/** kpd score's job over what the host reads: the sheets the pane writes for 计算排名. */
async function scoreThrough(host: EtHost): Promise<readonly HostSheet[]> {
  const master = readMaster(await host.readWorkbook());
  const period = parseRankPeriod('2026Q3');
  if (!period) throw new Error('period');
  const outcome = scoreMaster({
    data: master.data,
    issues: master.issues,
    period,
    calendar: new WorkCalendar(master.data.holidays),
    locale: 'zh',
  });
  await host.writeSheets(outcome.tables, outcome.placeholders);
  return outcome.tables;
}

describe('reading the open workbook (Application.ActiveWorkbook → the core’s grid)', () => {
  it('gives the grid our .xlsx reader gives: values, dates by number format, hidden sheets, names', async () => {
    const read = await new EtHost(fakeWps(grid)).readWorkbook();
    expect(read.sheets.map((s) => [s.name, s.hidden ?? false])).toEqual(
      grid.sheets.map((s) => [s.name, s.hidden ?? false]),
    );
    for (const s of grid.sheets) expect(sheetRows(read, s.name), s.name).toEqual(trimmed(s.rows));
    expect(read.definedNames).toEqual(grid.definedNames);
  });

  it('reads only the sheets asked for', async () => {
    const read = await new EtHost(fakeWps(grid)).readWorkbook(['项目登记']);
    expect(read.sheets.map((s) => s.name)).toEqual(['项目登记']);
  });

  it('tells dates from numbers where one column mixes formats, asking a few ranges, not each cell', async () => {
    const app = globalThis.KpdFakeWps.create({
      workbooks: [
        {
          sheets: [
            {
              name: '表',
              values: [['日期', '金额'], ...Array.from({ length: 40 }, (_, i) => [46000 + i, i + 0.5])],
              // Row 30's "date" is a plain number; every amount is a plain number.
              numberFormat: [
                [],
                ...Array.from({ length: 40 }, (_, i) => [
                  i === 28 ? '0.00' : 'yyyy"年"m"月"d"日"',
                  '#,##0.00',
                ]),
              ],
            },
          ],
        },
      ],
    });
    const host = new EtHost(app);
    const read = await host.readWorkbook();
    const rows = read.sheets[0]?.rows ?? [];
    expect(rows[1]).toEqual([{ kind: 'date', serial: 46000 }, 0.5]);
    expect(rows[29]).toEqual([46028, 28.5]);
    expect(rows[40]).toEqual([{ kind: 'date', serial: 46039 }, 39.5]);
    // An error cell as Value2 passes it (a CVErr code) beside a text that only looks like one.
    const withError = globalThis.KpdFakeWps.create({
      workbooks: [
        { sheets: [{ name: 'E', values: [[globalThis.KpdFakeWps.CVERR['#DIV/0!'] ?? 0, '#N/A']] }] },
      ],
    });
    expect((await new EtHost(withError).readWorkbook()).sheets[0]?.rows).toEqual([
      [{ kind: 'error', code: '#DIV/0!' }, '#N/A'],
    ]);
  });

  it('reads the rows of an edit (readRows), placed where they are on the sheet', async () => {
    const host = new EtHost(fakeWps(grid));
    const rows = await host.readRows('项目登记', 5, 6);
    const whole = grid.sheets.find((s) => s.name === '项目登记')?.rows ?? [];
    expect(rows.name).toBe('项目登记');
    expect(trimmed(rows.rows)).toEqual(trimmed([[], [], [], [], whole[4] ?? [], whole[5] ?? []]));
    expect((await host.readRows('没有这张表', 1, 3)).rows).toEqual([]);
  });
});

describe('writing result sheets (计算排名 through the WPS adapter)', () => {
  it('writes the values kpd score writes, cell for cell, every result sheet', async () => {
    const app = fakeWps(grid);
    const host = new EtHost(app);
    const tables = await scoreThrough(host);
    const after = await host.readWorkbook();
    for (const t of tables)
      expect(sheetRows(after, t.sheet.name), t.sheet.name).toEqual(sheetRows(cli, t.sheet.name));
    expect(tables.map((t) => t.sheet.name)).toEqual([
      '代办员考核结果',
      '扣分明细',
      '单位考评排名',
      '排名历史',
      '数据问题',
    ]);
  });

  it('keeps a sheet written again in its tab position; new ones go last; the master’s own sheets stay', async () => {
    const app = fakeWps(grid);
    const host = new EtHost(app);
    await scoreThrough(host);
    const names = (app.fake.book?.sheets ?? []).map((s) => s.name);
    expect(names.slice(0, grid.sheets.length)).toEqual(grid.sheets.map((s) => s.name));
    expect(names.slice(grid.sheets.length)).toEqual([
      '代办员考核结果',
      '扣分明细',
      '单位考评排名',
      '数据问题',
    ]);
    await scoreThrough(host); // again: every result sheet is replaced where it now is
    expect((app.fake.book?.sheets ?? []).map((s) => s.name)).toEqual(names);
    expect(app.DisplayAlerts).toBe(true);
    expect(app.ScreenUpdating).toBe(true);
  });

  it('lays a sheet out as the templates do: merged title, grey bold header, widths, frozen header, A4 print set-up', async () => {
    const app = fakeWps(grid);
    await scoreThrough(new EtHost(app));
    const ws = app.fake.sheet('单位考评排名');
    expect(ws?.merges[0]).toMatch(/^A1:[A-Z]+1$/u);
    expect(ws?.styles.get('0,0')).toMatchObject({ bold: true, size: 16, align: -4108 });
    const header = ws?.freeze?.rows ?? 0;
    expect(header).toBeGreaterThan(1);
    expect(ws?.freeze).toEqual({ rows: header, cols: 0 });
    expect(ws?.styles.get(`${header - 1},0`)).toMatchObject({ bold: true, color: 0xd9d9d9, wrap: true });
    expect(ws?.rows()[header - 1]?.[0]).toBe('名次');
    expect(ws?.widths.size).toBeGreaterThan(5);
    expect(ws?.page).toMatchObject({
      Orientation: 2,
      PaperSize: 9,
      Zoom: false,
      FitToPagesWide: 1,
      FitToPagesTall: false,
      CenterHorizontally: true,
      PrintTitleRows: `$${header}:$${header}`,
    });
  });
});

describe('导入台账 through the WPS adapter', () => {
  it('writes 进展记录, 报送记录 and 一线工作记录 as kpd ledger import does, in their places, with their drop-downs', async () => {
    const app = fakeWps(grid);
    const host = new EtHost(app);
    const master = readMaster(await host.readWorkbook());
    const result = importBulletin(bulletin, master.data);
    if (isIssue(result)) throw new Error(result.code);
    await host.writeSheets(result.tables, new Map());
    const after = await host.readWorkbook();
    expect(after.sheets.map((x) => x.name)).toEqual(grid.sheets.map((x) => x.name));
    const rows = (wb: WorkbookGrid, name: string): unknown[][] =>
      trimmed(wb.sheets.find((x) => x.name === name)?.rows ?? []).filter((row) => row.length > 1);
    for (const sheet of [PROGRESS_LOG.name, SUBMISSION_LOG.name, SITE_WORK_LOG.name]) {
      expect(rows(cliLedger, sheet).length, sheet).toBeGreaterThan(5);
      expect(rows(after, sheet), sheet).toEqual(rows(cliLedger, sheet));
    }
    expect(app.fake.sheet(SUBMISSION_LOG.name)?.validations.map((v) => v.formula1)).toEqual([
      '邮件时间,登记时间,填报日期,文件修改时间',
      '按时,迟报,未报',
    ]);
  });
});

describe('writing in blocks, formats by runs, text kept text', () => {
  const LONG = defineSheet({
    key: 'long',
    name: '长表',
    title: '长表（{{期}}）',
    output: true,
    money: true,
    columns: [
      { key: 'no', header: '序号', type: 'integer', width: 6 },
      { key: 'code', header: '编号', type: 'text', width: 10 },
      { key: 'note', header: '说明', type: 'any', width: 20 },
      { key: 'day', header: '日期', type: 'date', width: 12 },
      { key: 'status', header: '状态', type: 'enum', values: ['正常', '滞后'], width: 8 },
    ],
  });
  const rows = Array.from({ length: 4500 }, (_, i) => ({
    no: i + 1,
    code: String(i % 7).padStart(3, '0'),
    note:
      i % 3 === 0
        ? '2026-11-1'
        : i % 3 === 1
          ? '=SUM(A1)'
          : i === 2
            ? { kind: 'date' as const, serial: 46000 }
            : '12.50',
    day: '2026-11-14',
    status: i % 2 === 0 ? '正常' : '滞后',
  }));

  it('sends one Value2 per block of rows, never one per cell, and the values read back as given', async () => {
    const app = globalThis.KpdFakeWps.create({ workbooks: [{ sheets: [{ name: '总台账' }] }] });
    const host = new EtHost(app);
    await host.writeSheets([{ sheet: LONG, rows }], new Map([['期', '2026Q3']]));
    const ws = app.fake.sheet('长表');
    const frame = 3; // the title, "单位：万元" and the header
    expect(ws?.value2Writes).toBe(frame + Math.ceil(rows.length / ROWS_PER_BLOCK));
    const got = ws?.rows() ?? [];
    expect(got[0]?.[0]).toBe('长表（2026Q3）');
    expect(got[1]?.[3]).toBe('单位：万元');
    expect(got[3]).toEqual([1, '000', '2026-11-1', 46340, '正常']);
    expect(got[4]).toEqual([2, '001', '=SUM(A1)', 46340, '滞后']);
    expect(got[5]?.slice(0, 3)).toEqual([3, '002', 46000]);
    expect(got[6]?.[2]).toBe('2026-11-1');
    expect(got[7]?.[2]).toBe('=SUM(A1)');
    expect(got[8]?.[2]).toBe('12.50');
    expect(got.length).toBe(3 + rows.length);
    expect(ws?.cell(3, 3)?.f).toBe('yyyy-mm-dd');
    expect(ws?.cell(5, 2)?.f).toBe('yyyy-mm-dd');
    expect(ws?.cell(4, 1)?.f).toBe('@');
    // Formats go by runs of a column: a handful per column and block, not one per cell.
    expect(ws?.formatWrites).toBeLessThan(5 * 3 + 4);
  });

  it('keeps a title or a header that reads as a date or a number as text', async () => {
    const DATED = defineSheet({
      key: 'dated',
      name: '按日',
      title: '{{日}}',
      output: true,
      columns: [
        { key: 'a', header: '2026-11', type: 'text' },
        { key: 'b', header: '100', type: 'number' },
      ],
    });
    const app = globalThis.KpdFakeWps.create({ workbooks: [{ sheets: [{ name: '总台账' }] }] });
    await new EtHost(app).writeSheets(
      [{ sheet: DATED, rows: [{ a: 'x', b: 1 }] }],
      new Map([['日', '2026-11-14']]),
    );
    expect(app.fake.sheet('按日')?.rows().slice(0, 3)).toEqual([
      ['2026-11-14', ''],
      ['2026-11', '100'],
      ['x', 1],
    ]);
  });

  it('sets the drop-down lists of the written rows with Validation.Add (ledgers keep the templates’ lists)', async () => {
    const app = globalThis.KpdFakeWps.create({ workbooks: [{ sheets: [{ name: '总台账' }] }] });
    await new EtHost(app).writeSheets([{ sheet: LONG, rows: rows.slice(0, 10) }], new Map());
    expect(app.fake.sheet('长表')?.validations).toEqual([
      expect.objectContaining({ address: 'E4:E13', type: 3, formula1: '正常,滞后', inCellDropdown: true }),
    ]);
    const ledger = globalThis.KpdFakeWps.create({ workbooks: [fakeBookOf(grid)] });
    await new EtHost(ledger).writeSheets([{ sheet: PROGRESS_LOG, rows: [] }], new Map());
    expect(ledger.fake.sheet(PROGRESS_LOG.name)?.validations).toEqual([]);
  });
});

describe('a made workbook (the bulletin, the agenda) delivered in WPS', () => {
  it('is written to the temporary folder as bytes and opened as a workbook of its own; a name taken gets (2)', async () => {
    const app = fakeWps(grid);
    const host = new EtHost(app);
    expect(host.capabilities).toEqual({ dropDowns: true, openWorkbook: true, editEvents: true });
    const bytes = new Uint8Array(await readFile(repoPath('templates', '重点项目情况通报.xlsx')));
    expect(await host.deliver(bytes, '重点项目情况通报-第21期.xlsx')).toBe('opened');
    expect(await host.deliver(bytes, '重点项目情况通报-第21期.xlsx')).toBe('opened');
    const dir = 'C:\\Users\\clerk\\AppData\\Local\\Temp';
    expect([...app.fake.files.keys()]).toEqual([
      `${dir}/重点项目情况通报-第21期.xlsx`,
      `${dir}/重点项目情况通报-第21期 (2).xlsx`,
    ]);
    expect(app.fake.files.get(`${dir}/重点项目情况通报-第21期.xlsx`)).toEqual(bytes);
    expect(app.fake.books.map((b) => b.name)).toEqual([
      '总台账.xlsx',
      '重点项目情况通报-第21期.xlsx',
      '重点项目情况通报-第21期 (2).xlsx',
    ]);
    expect(app.ActiveWorkbook?.Name).toBe('重点项目情况通报-第21期 (2).xlsx');
    expect(app.fake.books[0]?.sheets.map((s) => s.name)).toEqual(grid.sheets.map((s) => s.name));
  });

  it('is offered as a download where WPS gives no FileSystem', async () => {
    const app = fakeWps(grid);
    const got: string[] = [];
    const bare = new Proxy(app, {
      get: (t, p) => (p === 'FileSystem' || p === 'Env' ? undefined : Reflect.get(t, p)),
    });
    const host = new EtHost(bare, { download: (_b, name) => got.push(name) });
    expect(host.capabilities.openWorkbook).toBe(false);
    expect(await host.deliver(new Uint8Array([80, 75]), '周例会议程.xlsx')).toBe('downloaded');
    expect(got).toEqual(['周例会议程.xlsx']);
  });
});

describe('the live check: edits through ApiEvent SheetChange', () => {
  it('calls back with the sheet and the address typed into, until unsubscribed', async () => {
    const app = fakeWps(grid);
    const host = new EtHost(app);
    const seen: string[] = [];
    const stop = await host.onEdit((sheet, address) => seen.push(`${sheet}!${address}`));
    app.fake.type('项目登记', 'C5', '张三');
    await stop();
    app.fake.type('项目登记', 'C6', '李四');
    expect(seen).toEqual(['项目登记!C5']);
    const rows = await host.readRows('项目登记', 5, 5);
    expect(rows.rows[4]?.[2]).toBe('张三');
  });
});

describe('the fake is as strict as WPS', () => {
  it('1-based Item, missing sheets, wrong-shape Value2, read-only members, members it does not hold', () => {
    const app = fakeWps(grid);
    const sheets = app.ActiveWorkbook?.Sheets;
    expect(() => sheets?.Item(0)).toThrow(/subscript out of range/u);
    expect(sheets?.Item(1).Name).toBe(grid.sheets[0]?.name);
    expect(() => sheets?.Item('没有这张表')).toThrow(/no such sheet/u);
    const ws = sheets?.Item(1);
    if (!ws) throw new Error('no sheet');
    expect(() => (ws.Range('A1:C2').Value2 = [[1, 2, 3]])).toThrow(/2×3.*1 rows/u);
    expect(() => (ws.Range('A1:C1').Value2 = [[1, 2]])).toThrow(/1×3/u);
    expect(() => (ws.Range('A1:B1').Value2 = 'x')).toThrow(/one value/u);
    expect(() => ((ws as { Index: number }).Index = 3)).toThrow(/read-only/u);
    expect(() => (ws as unknown as { Cells: unknown }).Cells).toThrow(/not a member/u);
    expect(() => ws.Delete()).toThrow(/DisplayAlerts/u);
    expect(() => ws.Range('A1:B2').Validation.Add(3, 1, 1, 'a'.repeat(256))).toThrow(/255/u);
  });
});
