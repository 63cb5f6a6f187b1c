import { copyFile, mkdtemp, readFile, readdir, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { readWorkbookGrid, writeResultSheets } from '../../src/adapters/office/excel.js';
import { AGENDA_DECISIONS } from '../../src/core/schema/agenda.js';
import { readXlsx } from '../../src/adapters/xlsx-read/index.js';
import {
  buildMeetingAgenda,
  checkEdit,
  checkWorkbook,
  computeRanking,
  currentReportPeriod,
  importHolidayNotice,
  importLedger,
  mergeReports,
  PANE_AGENDA_PROBLEMS,
  rowsOfAddress,
  type PickedFile,
  type WorkbookDelivery,
} from '../../src/addin/pane.js';
import { LiveCheck } from '../../src/addin/live-check.js';
import type { WorkbookGrid } from '../../src/core/values/grid.js';
import { runKpd } from '../helpers/cli.js';
import { exampleMaster, type ScoreJson } from '../helpers/merge-results.js';
import { fakeWorkbook, trimmed } from '../helpers/office.js';
import { checkOoxml, OOXML_TIMEOUT_MS, OOXML_TOOLS } from '../helpers/ooxml.js';
import { officeTemplate } from '../helpers/merge-template.js';
import { repoPath } from '../helpers/paths.js';
import { requireTool } from '../helpers/tools.js';

/**
 * The task pane's side of Excel, against a strict fake of Office.js holding the example 总台账:
 * the workbook read through Office.js is the grid our file reader gives, and 计算排名 writes the
 * same result sheets as `kpd score`.
 */
let grid: WorkbookGrid;
let cli: { json: ScoreJson; grid: WorkbookGrid };
let cliAgenda: WorkbookGrid;
/** kpd agenda with the example topic forms and a stray file, and the same files as the pane is given them. */
let cliWithTopics: WorkbookGrid;
let picked: PickedFile[];

beforeAll(async () => {
  grid = readXlsx(await readFile(repoPath('examples', '总台账.xlsx'))).workbook;
  const dir = await mkdtemp(join(tmpdir(), 'kpd-addin-'));
  await exampleMaster(dir);
  const r = await runKpd(['score', '总台账.xlsx', '--period', '2026Q3', '--out', '结果.xlsx', '--json'], dir);
  expect(r.code, r.err).toBe(0);
  cli = {
    json: JSON.parse(r.out) as ScoreJson,
    grid: readXlsx(await readFile(join(dir, '结果.xlsx'))).workbook,
  };
  const a = await runKpd(
    ['agenda', '--master', '总台账.xlsx', '--meeting', '2026-11-14', '--out', '议程.xlsx'],
    dir,
  );
  expect(a.code, a.err).toBe(0);
  cliAgenda = readXlsx(await readFile(join(dir, '议程.xlsx'))).workbook;

  const names = (await readdir(repoPath('examples', 'topics'))).sort();
  for (const n of names) await copyFile(repoPath('examples', 'topics', n), join(dir, n));
  await writeFile(join(dir, '会议通知.txt'), '周六上午九时开会');
  names.push('会议通知.txt');
  const t = await runKpd(
    ['agenda', ...names, '--master', '总台账.xlsx', '--meeting', '2026-11-14', '--out', '议程-议题.xlsx'],
    dir,
  );
  expect(t.code, t.err).toBe(0);
  cliWithTopics = readXlsx(await readFile(join(dir, '议程-议题.xlsx'))).workbook;
  picked = await Promise.all(
    names.map(async (name) => ({
      name,
      bytes: new Uint8Array(await readFile(join(dir, name))),
      lastModified: (await stat(join(dir, name))).mtimeMs,
    })),
  );
}, 60_000);

const table = (wb: WorkbookGrid, sheet: string): unknown[][] => {
  const rows = trimmed(wb.sheets.find((s) => s.name === sheet)?.rows ?? []);
  const h = rows.findIndex((r) => r.includes('名次') || r.includes('序号') || r.includes('考评期'));
  return rows.slice(h);
};

describe('readWorkbookGrid (Office.js → the core’s grid)', () => {
  it('reads every sheet as our .xlsx reader does: values, dates (by number format), names, hidden sheets', async () => {
    const book = fakeWorkbook(grid);
    const read = await book.run((ctx) => readWorkbookGrid(ctx, book.excel));
    expect(read.sheets.map((s) => [s.name, s.hidden ?? false])).toEqual(
      grid.sheets.map((s) => [s.name, s.hidden ?? false]),
    );
    for (const s of grid.sheets)
      expect(trimmed(read.sheets.find((x) => x.name === s.name)?.rows ?? []), s.name).toEqual(
        trimmed(s.rows),
      );
    expect(read.definedNames?.get('KPD_TEMPLATE')).toBe(grid.definedNames?.get('KPD_TEMPLATE'));
  });

  it('loads before it reads, in three round trips for the example master’s fifteen sheets', async () => {
    const book = fakeWorkbook(grid);
    await book.run((ctx) => readWorkbookGrid(ctx, book.excel));
    // The sheets and names, their used ranges, then every cell (small sheets share a round trip).
    expect(book.syncs).toBe(3);
  });
});

describe('计算排名 in the task pane (pane.ts over the fake)', () => {
  it('writes the same result sheets as kpd score, after the master’s own sheets (排名历史 stays in its place)', async () => {
    const book = fakeWorkbook(grid);
    const result = await computeRanking(book.excel, '2026Q3');
    expect(result.ok).toBe(true);
    expect(result.summary).toContain('2026年第3季度已计算：代办员');
    const names = book.sheets.map((s) => s.name);
    expect(names.slice(0, grid.sheets.length)).toEqual(grid.sheets.map((s) => s.name));
    expect(names.slice(grid.sheets.length)).toEqual([
      '代办员考核结果',
      '扣分明细',
      '单位考评排名',
      '排名计算说明',
      '数据问题',
    ]);
    const after = await book.run((ctx) => readWorkbookGrid(ctx, book.excel));
    for (const sheet of ['代办员考核结果', '单位考评排名', '排名历史', '扣分明细', '数据问题'])
      expect(table(after, sheet), sheet).toEqual(table(cli.grid, sheet));
  });

  it('names the praised, the criticised and the escalated as the CLI ranks them', async () => {
    const book = fakeWorkbook(grid);
    const result = await computeRanking(book.excel, '2026Q3');
    const praised = cli.json.units.filter((u) => u.outcome === 'praise').map((u) => u.unit);
    expect(result.lines[0]).toBe(`通报表扬：${praised.join('、')}`);
  });

  it('lays out the result like our templates: merged title, bold grey header, frozen, widths', async () => {
    const book = fakeWorkbook(grid);
    await computeRanking(book.excel, '2026Q3');
    const ws = book.sheet('单位考评排名');
    expect(ws?.merges[0]).toMatch(/^A1:[A-Z]+1$/u);
    expect(ws?.frozenRows).toBeGreaterThan(1);
    const header = ws?.frozenRows ?? 0;
    expect(ws?.formats.get(`${header - 1},0`)).toMatchObject({ bold: true, fill: '#D9D9D9' });
    expect(ws?.columnWidths.size).toBeGreaterThan(5);
  });

  it('refuses a period it cannot read, and a workbook that is not the master, in Chinese', async () => {
    const book = fakeWorkbook(grid);
    expect((await computeRanking(book.excel, '上个季度')).summary).toBe(
      '考评期「上个季度」无法识别，请写成 2026Q3（季度）或 2026H2（半年）。',
    );
    const report = readXlsx(
      await readFile(
        repoPath('examples', 'reports', '2026-11-1', '城区棚户区改造指挥部-2026年11月上半月进展.xlsx'),
      ),
    ).workbook;
    const other = fakeWorkbook(report);
    const r = await computeRanking(other.excel, '2026Q3');
    expect([r.ok, r.summary]).toEqual([
      false,
      '当前工作簿是「重点项目半月进展报表」，不是总台账。请在总台账中使用本功能。',
    ]);
    expect(other.sheets.map((s) => s.name)).toEqual(report.sheets.map((s) => s.name));
  });

  it('refuses a period with no data (2025Q1 of the example), writing nothing, 排名历史 untouched', async () => {
    const book = fakeWorkbook(grid);
    const before = await book.run((ctx) => readWorkbookGrid(ctx, book.excel));
    const r = await computeRanking(book.excel, '2025Q1');
    expect(r.ok).toBe(false);
    expect(r.summary).toMatch(/^2025Q1（2025-01-01 至 2025-03-31）没有可考评的数据：/u);
    expect(r.summary).toContain('本期未排名，也未写入「排名历史」');
    const after = await book.run((ctx) => readWorkbookGrid(ctx, book.excel));
    expect(after.sheets.map((s) => s.name)).toEqual(before.sheets.map((s) => s.name));
    expect(table(after, '排名历史')).toEqual(table(before, '排名历史'));
  });
});

describe('the task pane in English (Office in English)', () => {
  it('says the same things in English, the findings included', async () => {
    const book = fakeWorkbook(grid);
    const r = await checkWorkbook(book.excel, 'en');
    expect(r.summary).toMatch(/^Master workbook checked: \d+ errors, \d+ warnings, \d+ notes\.$/u);
    expect(r.lines[0]).toMatch(/^Error　\S+ [A-Z]+\d+　[\x20-\x7e「」]+/u);
    expect((await computeRanking(book.excel, 'next quarter', 'en')).summary).toBe(
      'Period "next quarter" not understood: write 2026Q3 (a quarter) or 2026H2 (a half-year).',
    );
  });
});

describe('检查总台账 in the task pane', () => {
  it('lists the master’s findings with sheet and cell, errors first', async () => {
    const book = fakeWorkbook(grid);
    const r = await checkWorkbook(book.excel);
    expect(r.summary).toMatch(/^总台账检查完毕：错误 \d+ 处，提醒 \d+ 处，提示 \d+ 处。$/u);
    expect(r.lines.length).toBeGreaterThan(0);
    expect(r.lines[0]).toMatch(/^错误　\S+ [A-Z]+\d+　/u);
  });
});

describe('检查 in an HQ’s 半月进展报表 (the pane in the form people fill)', () => {
  const reportGrid = async (): Promise<WorkbookGrid> =>
    readXlsx(
      await readFile(
        repoPath('examples', 'reports', '2026-11-1', '文旅康养小镇指挥部-2026年11月上半月进展.xlsx'),
      ),
    ).workbook;

  it('lists what kpd validate finds in the report, and says what only the office can check', async () => {
    const book = fakeWorkbook(await reportGrid());
    const r = await checkWorkbook(book.excel);
    expect(r).toEqual({
      summary: '半月进展报表检查完毕：错误 2 处，提醒 0 处，提示 1 处。',
      lines: [
        '错误　进展情况 D7　本期完成投资 99999 万元大于年度累计完成投资 13410.6 万元。请核对（累计应包含本期）。',
        '错误　一线工作 C8　「职务」只能填写：指挥长、成员；现为「副指挥长」。请从下拉列表中选择。',
        '（未对照总台账：项目是否登记、是否属于本指挥部，由重点办汇总时检查。）',
      ],
      ok: false,
    });
  });

  it('checks an edit of the report where it is typed, and says nothing of a workbook that is not a form', async () => {
    const book = fakeWorkbook(await reportGrid());
    const live = new LiveCheck();
    const edit = (sheet: string, address: string) => ({
      worksheetId: book.sheet(sheet)?.id ?? '',
      address,
      changeType: 'RangeEdited',
    });
    const bad = await checkEdit(book.excel, live, edit('一线工作', 'C8'));
    expect([bad.summary, bad.lines.length]).toEqual(['「一线工作」C8：有 1 处问题，请修改。', 1]);
    await book.type('一线工作', 'C8', '成员');
    expect((await checkEdit(book.excel, live, edit('一线工作', 'C8'))).summary).toBe(
      '「一线工作」C8：已检查，没有问题。',
    );
    const bulletin = readXlsx(await readFile(repoPath('templates', '重点项目情况通报.xlsx'))).workbook;
    const other = fakeWorkbook(bulletin);
    const otherLive = new LiveCheck();
    const otherEdit = (sheet: string, address: string) => ({
      worksheetId: other.sheet(sheet)?.id ?? '',
      address,
    });
    expect((await checkEdit(other.excel, otherLive, otherEdit('项目进展', 'C9'))).summary).toBe('');
    const syncs = other.syncs;
    expect((await checkEdit(other.excel, otherLive, otherEdit('汇总', 'A1'))).summary).toBe('');
    expect(other.syncs).toBe(syncs); // an edit of a sheet no form has is not even read
    expect((await checkWorkbook(other.excel)).summary).toBe(
      '当前工作簿是「重点项目情况通报」。「检查」用于总台账、半月进展报表和周例会议题申报表。',
    );
  });
});

describe('rowsOfAddress (what an edit event says was changed)', () => {
  it('reads single cells, ranges, sheet-qualified and absolute addresses', () => {
    expect(rowsOfAddress('C9')).toEqual({ from: 9, to: 9 });
    expect(rowsOfAddress('项目登记!B5:D7')).toEqual({ from: 5, to: 7 });
    expect(rowsOfAddress('$A$3:$B$4')).toEqual({ from: 3, to: 4 });
    expect(rowsOfAddress('5:7')).toEqual({ from: 5, to: 7 });
    expect(rowsOfAddress('A:C')).toBeUndefined();
  });
});

describe('生成议程 in the task pane', () => {
  it('writes 议程, 督办落实 and 议题及滞后项目 as kpd agenda does for the same master (no topic files)', async () => {
    const book = fakeWorkbook(grid);
    const r = await buildMeetingAgenda(book.excel, '2026-11-14');
    expect(r.ok).toBe(true);
    expect(r.summary).toMatch(
      /^2026-11-14 例会议程已写入「议程」「督办落实」「议题及滞后项目」：督办事项 \d+ 项/u,
    );
    const after = await book.run((ctx) => readWorkbookGrid(ctx, book.excel));
    for (const sheet of ['议程', '督办落实', '议题及滞后项目'])
      expect(table(after, sheet), sheet).toEqual(table(cliAgenda, sheet));
    expect(book.sheet('数据问题')).toBeUndefined();
  });

  it('with the topic forms the clerk picked: the topics, and every file or row not used in 议题数据问题, as kpd agenda gives them', async () => {
    const book = fakeWorkbook(grid);
    const r = await buildMeetingAgenda(book.excel, '2026-11-14', 'zh', picked);
    expect(r.ok).toBe(true);
    expect(r.summary).toMatch(
      /^2026-11-14 例会议程已写入「议程」「督办落实」「议题及滞后项目」「议题数据问题」：.*议题 [1-9]\d* 项/u,
    );
    expect(r.lines[0]).toBe(
      '所选文件 3 个，其中议题申报表 2 份，列入本次会议 1 份，议题 2 项；未列入的文件和行及提示 2 条，见「议题数据问题」。',
    );
    // The form sent after Tuesday 17:00 is named with where it went (the next meeting).
    expect(
      r.lines.some((l) => /^水系连通工程指挥部-议题申报-1114\.xlsx　.*转入 2026-11-21 的例会/u.test(l)),
    ).toBe(true);
    const after = await book.run((ctx) => readWorkbookGrid(ctx, book.excel));
    for (const sheet of ['议程', '督办落实', '议题及滞后项目'])
      expect(table(after, sheet), sheet).toEqual(table(cliWithTopics, sheet));
    // Title apart (the pane's sheet has its own name), 议题数据问题 is kpd agenda's 数据问题.
    const problems = (wb: WorkbookGrid, name: string): unknown[][] =>
      trimmed(wb.sheets.find((x) => x.name === name)?.rows ?? []).slice(1);
    expect(problems(after, PANE_AGENDA_PROBLEMS)).toEqual(problems(cliWithTopics, '数据问题'));
    expect(problems(after, PANE_AGENDA_PROBLEMS).flat()).toContain('会议通知.txt');
    // The topics differ from the agenda without forms, and 计算排名's 数据问题 is not touched.
    expect(table(after, '议题及滞后项目')).not.toEqual(table(cliAgenda, '议题及滞后项目'));
    expect(book.sheet('数据问题')).toBeUndefined();
  });

  it('refuses a day that is not the meeting day', async () => {
    const book = fakeWorkbook(grid);
    const r = await buildMeetingAgenda(book.excel, '2026-11-13');
    expect([r.ok, r.summary]).toEqual([
      false,
      '2026-11-13 不是例会日（「规则」表中的例会日为星期六，另召开的例会填在「例会」表中）。请给出例会当天的日期。',
    ]);
  });

  it('says on 2027’s first meeting that the year has no holiday data, as the agenda’s first sheet does', async () => {
    const book = fakeWorkbook(grid);
    const r = await buildMeetingAgenda(book.excel, '2027-01-09');
    expect(r.ok).toBe(true);
    expect(r.lines.at(-1)).toMatch(/^提醒　　没有 2027 年的法定节假日和调休数据：只按周末推算/u);
    const first = (await book.run((ctx) => readWorkbookGrid(ctx, book.excel))).sheets.find(
      (s) => s.name === '议程',
    );
    expect(first?.rows.flat().join('')).toContain('节假日依据：没有 2027 年的法定节假日和调休数据');
  });

  it('refuses a Saturday that is a statutory rest day (国庆 10/3), naming the meetings around it', async () => {
    const book = fakeWorkbook(grid);
    const r = await buildMeetingAgenda(book.excel, '2026-10-03');
    // The example's 督办事项 has decisions of a meeting on 9/26 (中秋): that meeting was held.
    expect([r.ok, r.summary]).toEqual([
      false,
      '2026-10-03 是法定节假日（国庆节），不召开例会。如确实召开，请在总台账「例会」表中填写该日期；否则请给出其他例会日期（上一次例会 2026-09-26，下一次例会 2026-10-10）。',
    ]);
  });
});

const ooxml = requireTool(...OOXML_TOOLS);

describe('汇总通报 in the task pane', () => {
  /** The example period's reports as the clerk picks them, and kpd merge run on the same files. */
  let reports: PickedFile[];
  let cliBulletin: WorkbookGrid;
  /** An office's own styled template, and what kpd merge --template makes with it. */
  let office: Uint8Array;
  let cliOwn: WorkbookGrid;
  let paneBulletin: Uint8Array | undefined;
  /** The CLI's bulletin file, and the master kpd ledger import made from it. */
  let bulletinFile: PickedFile;
  let cliLedger: WorkbookGrid;
  const template = (): Promise<Buffer> => readFile(repoPath('templates', '重点项目情况通报.xlsx'));

  beforeAll(async () => {
    const dir = await mkdtemp(join(tmpdir(), 'kpd-addin-merge-'));
    await exampleMaster(dir);
    const from = repoPath('examples', 'reports', '2026-11-1');
    const names = (await readdir(from)).sort();
    for (const n of names) await copyFile(join(from, n), join(dir, n));
    const r = await runKpd(
      ['merge', ...names, '--master', '总台账.xlsx', '--period', '2026-11-1', '--out', '通报.xlsx'],
      dir,
    );
    expect(r.code, r.err).toBe(0);
    cliBulletin = readXlsx(await readFile(join(dir, '通报.xlsx'))).workbook;
    office = await officeTemplate();
    await writeFile(join(dir, '本单位模板.xlsx'), office);
    const o = await runKpd(
      [
        'merge',
        ...names,
        '--master',
        '总台账.xlsx',
        '--period',
        '2026-11-1',
        '--template',
        '本单位模板.xlsx',
        '--out',
        '通报-本单位.xlsx',
      ],
      dir,
    );
    expect(o.code, o.err).toBe(0);
    cliOwn = readXlsx(await readFile(join(dir, '通报-本单位.xlsx'))).workbook;
    bulletinFile = { name: '通报.xlsx', bytes: new Uint8Array(await readFile(join(dir, '通报.xlsx'))) };
    const l = await runKpd(
      ['ledger', 'import', '通报.xlsx', '--into', '总台账.xlsx', '--out', '新总台账.xlsx'],
      dir,
    );
    expect(l.code, l.err).toBe(0);
    cliLedger = readXlsx(await readFile(join(dir, '新总台账.xlsx'))).workbook;
    reports = await Promise.all(
      names.map(async (name) => ({
        name,
        bytes: new Uint8Array(await readFile(join(dir, name))),
        lastModified: (await stat(join(dir, name))).mtimeMs,
      })),
    );
  }, 60_000);

  it('opens the bulletin kpd merge writes for the same files, as a new workbook; the master is not changed', async () => {
    const book = fakeWorkbook(grid);
    const before = await book.run((ctx) => readWorkbookGrid(ctx, book.excel));
    const opened: { bytes: Uint8Array; name: string }[] = [];
    const r = await mergeReports(
      book.excel,
      '2026-11-1',
      reports,
      { bytes: await template() },
      {
        open: async (bytes) => void opened.push({ bytes, name: 'opened' }),
        download: () => expect.unreachable('Excel 1.8 opens it'),
      },
    );
    expect(r.ok).toBe(true);
    expect(r.summary).toBe(
      '重点项目情况通报（第21期）（2026年11月上半月，报送截止 2026-11-12）已在新工作簿中打开，请另存为「重点项目情况通报-第21期.xlsx」：应报 8 个指挥部，按时 6、迟报 1、未报 1；滞后项目 18 个；数据行 195 = 并入 166 + 未并入 29。',
    );
    expect(r.lines.slice(0, 3)).toEqual([
      '未报：水系连通工程指挥部',
      '迟报：现代物流园指挥部',
      '未经指挥长签字：城区棚户区改造指挥部',
    ]);
    expect(opened.map((o) => o.name)).toEqual(['opened']);
    const made = readXlsx(opened[0]?.bytes ?? new Uint8Array()).workbook;
    expect(made.sheets.map((x) => x.name)).toEqual(cliBulletin.sheets.map((x) => x.name));
    for (const sheet of cliBulletin.sheets)
      expect(trimmed(made.sheets.find((x) => x.name === sheet.name)?.rows ?? []), sheet.name).toEqual(
        trimmed(sheet.rows),
      );
    expect(await book.run((ctx) => readWorkbookGrid(ctx, book.excel))).toEqual(before);
    paneBulletin = opened[0]?.bytes;
  });

  ooxml.it(
    'zips a package Excel opens without repair (ECMA-376 schemas)',
    async () => {
      expect(paneBulletin).toBeDefined();
      const dir = await mkdtemp(join(tmpdir(), 'kpd-addin-ooxml-'));
      await writeFile(join(dir, '通报.xlsx'), paneBulletin ?? new Uint8Array());
      const r = await checkOoxml([join(dir, '通报.xlsx')]);
      expect(r.status, r.output).toBe(0);
    },
    OOXML_TIMEOUT_MS,
  );

  it('fills the office’s own template as kpd merge --template does, and says which table it lacks', async () => {
    const book = fakeWorkbook(grid);
    let made: Uint8Array | undefined;
    const r = await mergeReports(
      book.excel,
      '2026-11-1',
      reports,
      { bytes: office, ownName: '本单位模板.xlsx' },
      { open: async (bytes) => void (made = bytes), download: () => undefined },
    );
    expect(r.ok).toBe(true);
    expect(r.lines).toContain('警告：通报模板中没有「来源」表（或找不到其表头），该部分未写入。');
    const wb = readXlsx(made ?? new Uint8Array()).workbook;
    expect(wb.sheets.map((x) => x.name)).toEqual(cliOwn.sheets.map((x) => x.name));
    for (const sheet of cliOwn.sheets)
      expect(trimmed(wb.sheets.find((x) => x.name === sheet.name)?.rows ?? []), sheet.name).toEqual(
        trimmed(sheet.rows),
      );
    const broken = await mergeReports(
      book.excel,
      '2026-11-1',
      reports,
      { bytes: new Uint8Array([80, 75, 1, 2]), ownName: '坏模板.xlsx' },
      { open: async () => undefined, download: () => undefined },
    );
    expect([broken.ok, broken.summary]).toEqual([false, '通报模板「坏模板.xlsx」不是可用的 .xlsx 工作簿。']);
  });

  it('asks for the files and a period it can read, in Chinese, before touching anything', async () => {
    const book = fakeWorkbook(grid);
    const never: WorkbookDelivery = {
      open: () => expect.unreachable('nothing is opened'),
      download: () => expect.unreachable('nothing is downloaded'),
    };
    const run = book.excel;
    expect(await mergeReports(run, '2026-11-1', [], { bytes: await template() }, never)).toMatchObject({
      ok: false,
      summary: '请先选择收到的半月进展报表（可多选：.xlsx、.eml 邮件或 .zip 压缩包）。',
    });
    expect(await mergeReports(run, '11月上半月', reports, { bytes: await template() }, never)).toMatchObject({
      ok: false,
      summary: '报告期「11月上半月」无法识别：上半月写 2026-11-1，当月写 2026-11-2。',
    });
    expect(book.syncs).toBe(0);
  });

  it('导入台账 writes 进展记录, 报送记录 and 一线工作记录 as kpd ledger import does, each in its place; again, it replaces', async () => {
    const book = fakeWorkbook(grid);
    const run = book.excel;
    const r = await importLedger(run, [bulletinFile]);
    expect([r.ok, r.summary]).toEqual([
      true,
      '已导入 2026-11-1：进展记录 26 行，报送记录 8 行，一线工作记录 139 行。',
    ]);
    const after = await book.run((ctx) => readWorkbookGrid(ctx, book.excel));
    expect(after.sheets.map((x) => x.name)).toEqual(grid.sheets.map((x) => x.name));
    const rows = (wb: WorkbookGrid, name: string): unknown[][] =>
      trimmed(wb.sheets.find((x) => x.name === name)?.rows ?? []).filter((row) => row.length > 1);
    for (const sheet of ['进展记录', '报送记录', '一线工作记录'])
      expect(rows(after, sheet), sheet).toEqual(rows(cliLedger, sheet));
    // The ledgers keep the templates' drop-downs (状态, 时间来源, 职务) on the rows written.
    expect(book.sheet('报送记录')?.validations.map((v) => v.rule.list.source)).toEqual([
      '邮件时间,登记时间,填报日期,文件修改时间',
      '按时,迟报,未报',
    ]);
    const again = await importLedger(run, [bulletinFile]);
    expect(again.summary).toMatch(/^已导入 2026-11-1：.*（替换了该期原有的 173 行）。$/u);
    const twice = await book.run((ctx) => readWorkbookGrid(ctx, book.excel));
    for (const sheet of ['进展记录', '报送记录', '一线工作记录'])
      expect(rows(twice, sheet), sheet).toEqual(rows(after, sheet));
  });

  it('导入台账 refuses what is not one bulletin, saying what to do', async () => {
    const book = fakeWorkbook(grid);
    const run = book.excel;
    expect((await importLedger(run, [])).summary).toBe(
      '请选择一份《重点项目情况通报》（.xlsx，由「汇总通报」或 kpd merge 生成）。',
    );
    const report = reports.find((x) => x.name.endsWith('.xlsx')) as PickedFile;
    const r = await importLedger(run, [report]);
    expect(r.ok).toBe(false);
    expect(r.summary).toMatch(new RegExp(`^「${report.name}」：`, 'u'));
    expect(
      (await importLedger(run, [{ name: '坏.xlsx', bytes: new Uint8Array([1, 2, 3]) }])).summary,
    ).toMatch(/^「坏\.xlsx」：/u);
  });

  it('proposes the period whose bulletin is due: from the 13th the first half, from the 26th the month', () => {
    expect(currentReportPeriod(new Date(2026, 10, 12))).toBe('2026-10-2');
    expect(currentReportPeriod(new Date(2026, 10, 13))).toBe('2026-11-1');
    expect(currentReportPeriod(new Date(2026, 10, 28))).toBe('2026-11-2');
    expect(currentReportPeriod(new Date(2026, 0, 5))).toBe('2025-12-2');
  });
});

describe('writeResultSheets', () => {
  it('sends a long table in blocks of about 2 MB, every row in place, dates as dates, formulas as text', async () => {
    const book = fakeWorkbook(grid);
    const rows = Array.from({ length: 4_500 }, (_, i) => ({
      seq: i + 1,
      itemId: `DB-${i}`,
      meetingDate: '2026-11-07',
      content: i === 0 ? '=HYPERLINK("http://x")' : `事项${i}：${'协调征地拆迁遗留问题'.repeat(20)}`,
    }));
    const before = book.syncs;
    await book.run((ctx) =>
      writeResultSheets(ctx, book.excel, [{ sheet: AGENDA_DECISIONS, rows }], new Map()),
    );
    // About 6 MB of rows (CJK counted as \\uXXXX): the old sheet looked for, three blocks, the end.
    const sent = book.payloads.slice(before).map((p) => p.request);
    expect(sent.reduce((a, b) => a + b, 0)).toBeGreaterThan(5_000_000);
    expect(Math.max(...sent)).toBeLessThanOrEqual(2_100_000);
    expect(book.syncs - before).toBeLessThanOrEqual(1 + 4 + 1);
    const read = await book.run((ctx) => readWorkbookGrid(ctx, book.excel));
    const data = table(read, '督办落实').slice(1);
    expect(data).toHaveLength(4_500);
    expect(data[4_499]?.[1]).toBe('DB-4499');
    expect(data[0]?.[2]).toEqual({ kind: 'date', serial: 46333 });
    expect(data[0]?.[3]).toBe('\'=HYPERLINK("http://x")');
  });
});

describe('导入放假通知 in the task pane', () => {
  const notice = (year: number) =>
    readFile(repoPath('test', 'fixtures', 'holiday-notices', `${year}.txt`), 'utf8');

  it('writes the pasted notice into 节假日 as kpd holidays import writes it into a copy', async () => {
    const book = fakeWorkbook(grid);
    const run = book.excel;
    const r = await importHolidayNotice(run, await notice(2025));
    expect([r.ok, r.summary]).toEqual([
      true,
      '已把 2025 年放假安排写入「节假日」表：放假 28 天、调休上班 5 天（表中共 33 行）。',
    ]);
    expect(r.lines).toContain(
      '春节：2025-01-28 至 2025-02-04 放假，共 8 天；调休上班 2025-01-26、2025-02-08。',
    );
    // The same rows as the CLI writes into a copy of the same master.
    const dir = await mkdtemp(join(tmpdir(), 'kpd-addin-holidays-'));
    await exampleMaster(dir);
    await writeFile(join(dir, '通知.txt'), await notice(2025));
    const c = await runKpd(
      ['holidays', 'import', '通知.txt', '--into', '总台账.xlsx', '--out', '新.xlsx'],
      dir,
    );
    expect(c.code, c.err).toBe(0);
    const cliGrid = readXlsx(await readFile(join(dir, '新.xlsx'))).workbook;
    const after = await book.run((ctx) => readWorkbookGrid(ctx, book.excel));
    const rows = (wb: WorkbookGrid) =>
      trimmed(wb.sheets.find((x) => x.name === '节假日')?.rows ?? []).filter((row) => row.length > 1);
    expect(rows(after)).toEqual(rows(cliGrid));
  });

  it('changes nothing for a notice with errors, and says where they are', async () => {
    const book = fakeWorkbook(grid);
    const run = book.excel;
    const before = await book.run((ctx) => readWorkbookGrid(ctx, book.excel));
    const r = await importHolidayNotice(run, (await notice(2026)).replace('共9天', '共10天'));
    expect([r.ok, r.summary]).toEqual([
      false,
      '通知有 1 处问题（见下），「节假日」表未改动。请对照国务院办公厅通知原文改正后重新导入。',
    ]);
    expect(r.lines[0]).toContain('第 9 行：春节 2026-02-15 至 2026-02-23 是 9 天，通知写的是共 10 天。');
    const after = await book.run((ctx) => readWorkbookGrid(ctx, book.excel));
    expect(after).toEqual(before);
    expect((await importHolidayNotice(run, '  ')).summary).toContain('请先把国务院办公厅放假通知的全文');
    expect((await importHolidayNotice(run, await notice(2026), '26年')).summary).toBe(
      '「年份」应是四位年份，如 2027，而不是「26年」。',
    );
  });
});
