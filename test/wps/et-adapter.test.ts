import { copyFile, mkdtemp, readdir, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { EtHost } from '../../src/adapters/wps/et.js';
import { ROWS_PER_BLOCK } from '../../src/adapters/wps/write.js';
import { readXlsx } from '../../src/adapters/xlsx-read/index.js';
import { parseRankPeriod } from '../../src/core/calendar/periods.js';
import { WorkCalendar } from '../../src/core/calendar/workdays.js';
import type { WorkbookGrid } from '../../src/core/values/grid.js';
import type { TableJob } from '../../src/core/table/merge.js';
import { planTables } from '../../src/core/table/merge.js';
import { readMaster } from '../../src/core/master/read.js';
import { importBulletin } from '../../src/core/ledger/import.js';
import { PROGRESS_LOG, SITE_WORK_LOG, SUBMISSION_LOG } from '../../src/core/schema/master.js';
import { isIssue } from '../../src/core/workbook/identify.js';
import { defineSheet } from '../../src/core/schema/define.js';
import { isRefused, scoreMaster } from '../../src/core/jobs/score-master.js';
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

/**
 * 计算排名 as the pane runs it: the job over what the host reads, planned against the workbook
 * (planTables), written by the host (writeTables).
 */
async function scoreThrough(host: EtHost): Promise<readonly TableJob[]> {
  const grid = await host.readWorkbook();
  const master = readMaster(grid);
  const period = parseRankPeriod('2026Q3');
  if (!period) throw new Error('period');
  const outcome = scoreMaster({
    data: master.data,
    issues: master.issues,
    period,
    calendar: new WorkCalendar(master.data.holidays),
    locale: 'zh',
  });
  if (isRefused(outcome)) throw new Error(outcome.refused.code);
  const { writes } = planTables(grid, outcome.tables, outcome.placeholders);
  await host.writeTables(writes, outcome.placeholders);
  return outcome.tables;
}

/** 导入台账 as the pane runs it: importBulletin over what the host reads, planTables, writeTables. */
async function importThrough(host: EtHost): Promise<void> {
  const read = await host.readWorkbook();
  const result = importBulletin(bulletin, readMaster(read).data);
  if (isIssue(result)) throw new Error(result.code);
  const { writes } = planTables(read, result.tables, new Map());
  expect(writes.map((w) => w.kind)).toEqual(['merge', 'merge', 'merge']);
  await host.writeTables(writes, new Map());
}

/** Rows of a sheet with more than one cell (the table's header and rows), blanks trimmed. */
const tableRows = (wb: WorkbookGrid, name: string, width = Infinity): unknown[][] =>
  trimmed(
    trimmed(wb.sheets.find((x) => x.name === name)?.rows ?? []).map((row) => row.slice(0, width)),
  ).filter((row) => row.length > 1);

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
      '排名计算说明',
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
      '排名计算说明',
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
    await importThrough(host);
    const after = await host.readWorkbook();
    expect(after.sheets.map((x) => x.name)).toEqual(grid.sheets.map((x) => x.name));
    for (const sheet of [PROGRESS_LOG.name, SUBMISSION_LOG.name, SITE_WORK_LOG.name]) {
      // The history stays: the CLI's sheet has the earlier periods and this one.
      expect(tableRows(cliLedger, sheet).length, sheet).toBeGreaterThan(tableRows(grid, sheet).length);
      expect(sheetRows(after, sheet), sheet).toEqual(sheetRows(cliLedger, sheet));
    }
    // The new rows (one run) get the templates' lists; nothing else is asked of WPS per cell.
    const added =
      tableRows(cliLedger, SUBMISSION_LOG.name).length - tableRows(grid, SUBMISSION_LOG.name).length;
    const top = (grid.sheets.find((x) => x.name === SUBMISSION_LOG.name)?.rows.length ?? 0) + 1;
    expect(app.fake.sheet(SUBMISSION_LOG.name)?.validations).toEqual([
      expect.objectContaining({
        address: `D${top}:D${top + added - 1}`,
        formula1: '邮件时间,登记时间,填报日期,文件修改时间',
      }),
      expect.objectContaining({ address: `E${top}:E${top + added - 1}`, formula1: '按时,迟报,未报' }),
    ]);
    expect(app.fake.sheet(SUBMISSION_LOG.name)?.value2Writes).toBe(1);
  });

  it('keeps a column and a note a person added to 进展记录: rows inserted above the note, the column carried', async () => {
    const book = fakeBookOf(grid);
    const PERSON = '督办意见（人工）';
    const NOTE = '注：本表由通报导入，督办意见一栏由督查室填写，请勿删除。';
    const progress = grid.sheets.find((x) => x.name === PROGRESS_LOG.name)?.rows ?? [];
    const header = progress.findIndex((r) => r[0] === '报告期');
    const width = PROGRESS_LOG.columns.length;
    const own = new Map([
      [header + 1, '已约谈'],
      [header + 40, '限期整改'],
      [progress.length - 1, '跟踪督办'],
    ]);
    const sheets = book.sheets.map((s) =>
      s.name !== PROGRESS_LOG.name
        ? s
        : {
            ...s,
            values: [
              ...(s.values ?? []).map((row, r) => {
                const padded = Array.from({ length: width }, (_, c) => row[c] ?? null);
                return r === header ? [...padded, PERSON] : own.has(r) ? [...padded, own.get(r) ?? ''] : row;
              }),
              [],
              [NOTE],
            ],
          },
    );
    const app = globalThis.KpdFakeWps.create({ workbooks: [{ ...book, sheets }] });
    const host = new EtHost(app);
    await importThrough(host);
    const after = await host.readWorkbook();
    const rows = after.sheets.find((x) => x.name === PROGRESS_LOG.name)?.rows ?? [];
    // The tool's columns hold what kpd ledger import writes; the person's column is where it was.
    expect(tableRows(after, PROGRESS_LOG.name, width)).toEqual(
      tableRows(cliLedger, PROGRESS_LOG.name, width),
    );
    expect(rows[header]?.[width]).toBe(PERSON);
    for (const [r, text] of own) {
      expect(rows[r]?.[width], `row ${r + 1}`).toBe(text);
      expect(rows[r]?.slice(0, 3), `row ${r + 1}`).toEqual(progress[r]?.slice(0, 3));
    }
    // The table grew past the blank row above the note: rows were inserted, the note moved down
    // by as many and still has its blank row above it.
    const last = sheetRows(cliLedger, PROGRESS_LOG.name).length - 1; // the CLI's sheet ends with the table
    expect(rows[last]?.slice(0, width)).toEqual(sheetRows(cliLedger, PROGRESS_LOG.name)[last]);
    expect(rows[last + 1] ?? []).toEqual([]);
    expect(rows[last + 2]).toEqual([NOTE]);
    expect(rows.length).toBe(last + 3);
    // Only the new rows were written, in one run of columns: no cell of the history was sent.
    expect(app.fake.sheet(PROGRESS_LOG.name)?.value2Writes).toBe(1);
  });
});

describe('merging into a table whose rows move (WorkbookHost.writeTables)', () => {
  it('carries the rows after a period that grew: values, dates and formulas moved as WPS moves them; unchanged rows untouched', async () => {
    const header = [
      '报告期',
      '指挥部',
      '项目编号',
      '本期完成投资(万元)',
      '年度累计完成投资(万元)',
      '形象进度',
      '存在问题及需协调事项',
    ];
    const app = globalThis.KpdFakeWps.create({
      workbooks: [
        {
          sheets: [
            {
              name: PROGRESS_LOG.name,
              values: [
                ['项目进展记录（由通报导入）'],
                [...header, '核对日', '两倍'],
                ['2026-10-1', '甲指挥部', 'AY-1', 10, 100, '按计划推进', '', null, null],
                ['2026-10-1', '甲指挥部', 'AY-2', 20, 200, '按计划推进', '', null, null],
                ['2026-10-2', '甲指挥部', 'AY-1', 30, 130, '滞后', '缺资金', 46340, '=D5*2+$D$3'],
              ],
              numberFormat: [
                [],
                [],
                [],
                [],
                [undefined, undefined, undefined, undefined, undefined, undefined, undefined, 'yyyy-mm-dd'],
              ],
            },
          ],
        },
      ],
    });
    const host = new EtHost(app);
    const job: TableJob = {
      sheet: PROGRESS_LOG,
      period: '2026-10-1',
      rows: ['AY-1', 'AY-2', 'AY-3'].map((projectId, i) => ({
        period: '2026-10-1',
        hq: '甲指挥部',
        projectId,
        current: 10 * (i + 1),
        cumulative: 100 * (i + 1),
        image: '按计划推进',
        problems: i === 2 ? '新开工' : '',
      })),
    };
    const read = await host.readWorkbook();
    const { writes } = planTables(read, [job], new Map());
    await host.writeTables(writes, new Map());
    const ws = app.fake.sheet(PROGRESS_LOG.name);
    expect(trimmed(ws?.rows() ?? []).slice(2)).toEqual([
      ['2026-10-1', '甲指挥部', 'AY-1', 10, 100, '按计划推进'],
      ['2026-10-1', '甲指挥部', 'AY-2', 20, 200, '按计划推进'],
      ['2026-10-1', '甲指挥部', 'AY-3', 30, 300, '按计划推进', '新开工'],
      ['2026-10-2', '甲指挥部', 'AY-1', 30, 130, '滞后', '缺资金', 46340],
    ]);
    expect(ws?.cell(5, 8)?.formula).toBe('=D6*2+$D$3');
    expect(ws?.cell(5, 7)?.f).toBe('yyyy-mm-dd');
    expect((await host.readWorkbook()).sheets[0]?.rows[5]?.[7]).toEqual({ kind: 'date', serial: 46340 });
    // AY-1 and AY-2 did not change: only rows 5 and 6 were sent, in one Formula assignment
    // (the carried row has a formula), nothing through Value2.
    expect(ws?.formulaWrites).toBe(1);
    expect(ws?.value2Writes).toBe(0);
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
    expect(host.capabilities).toEqual({
      dropDowns: true,
      openWorkbook: true,
      editEvents: true,
      mergeAndWidths: true,
      freezePanes: true,
    });
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
