import { copyFile, mkdtemp, readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { EtHost } from '../../src/adapters/wps/et.js';
import { LiveCheck } from '../../src/addin/live-check.js';
import { readXlsx } from '../../src/adapters/xlsx-read/index.js';
import {
  buildMeetingAgenda,
  checkEdit,
  checkEditedRows,
  checkWorkbook,
  computeRanking,
  importHolidayNotice,
  importLedger,
  mergeReports,
  PANE_AGENDA_PROBLEMS,
  progressChartPaper,
  type PickedFile,
} from '../../src/addin/pane.js';
import type { WorkbookGrid } from '../../src/core/values/grid.js';
import { PROGRESS_LOG } from '../../src/core/schema/master.js';
import { runKpd } from '../helpers/cli.js';
import { exampleMaster, LEDGER_SHEETS, RESULT_SHEETS } from '../helpers/merge-results.js';
import { fakeWorkbook, trimmed } from '../helpers/office.js';
import { repoPath } from '../helpers/paths.js';
import { fakeBookOf, fakeWps } from '../helpers/wps.js';
import type { FakeWps } from './fake-wps.js';

/**
 * The task pane's actions (src/addin/pane.ts) in WPS 表格: each run through the WPS host over
 * the strict fake of WPS's object model holding the example 总台账, and its sheets compared with
 * what the CLI writes for the same inputs — kpd score, merge, ledger import, agenda, holidays
 * import, chart: the same rows, the same values.
 */
let grid: WorkbookGrid;
const cli: Record<'score' | 'bulletin' | 'ledger' | 'agenda' | 'holidays' | 'chart', WorkbookGrid> = {
  score: { sheets: [] },
  bulletin: { sheets: [] },
  ledger: { sheets: [] },
  agenda: { sheets: [] },
  holidays: { sheets: [] },
  chart: { sheets: [] },
};
let reports: PickedFile[];
let topics: PickedFile[];
let bulletinFile: PickedFile;
let notice: string;

const files = async (dir: string, names: readonly string[]): Promise<PickedFile[]> =>
  Promise.all(
    names.map(async (name) => ({
      name,
      bytes: new Uint8Array(await readFile(join(dir, name))),
      lastModified: (await stat(join(dir, name))).mtimeMs,
    })),
  );

beforeAll(async () => {
  grid = readXlsx(await readFile(repoPath('examples', '总台账.xlsx'))).workbook;
  const dir = await mkdtemp(join(tmpdir(), 'kpd-wps-pane-'));
  await exampleMaster(dir);
  const kpd = async (args: string[], out: string): Promise<WorkbookGrid> => {
    const r = await runKpd(args, dir);
    expect(r.code, `kpd ${args.join(' ')}: ${r.err}`).toBe(0);
    return readXlsx(await readFile(join(dir, out))).workbook;
  };
  cli.score = await kpd(['score', '总台账.xlsx', '--period', '2026Q3', '--out', '结果.xlsx'], '结果.xlsx');
  const from = repoPath('examples', 'reports', '2026-11-1');
  const names = (await readdir(from)).sort();
  for (const n of names) await copyFile(join(from, n), join(dir, n));
  reports = await files(dir, names);
  cli.bulletin = await kpd(
    ['merge', ...names, '--master', '总台账.xlsx', '--period', '2026-11-1', '--out', '通报.xlsx'],
    '通报.xlsx',
  );
  bulletinFile = (await files(dir, ['通报.xlsx']))[0] as PickedFile;
  cli.ledger = await kpd(
    ['ledger', 'import', '通报.xlsx', '--into', '总台账.xlsx', '--out', '新总台账.xlsx'],
    '新总台账.xlsx',
  );
  const topicNames = (await readdir(repoPath('examples', 'topics'))).sort();
  for (const n of topicNames) await copyFile(repoPath('examples', 'topics', n), join(dir, n));
  topics = await files(dir, topicNames);
  cli.agenda = await kpd(
    ['agenda', ...topicNames, '--master', '总台账.xlsx', '--meeting', '2026-11-14', '--out', '议程.xlsx'],
    '议程.xlsx',
  );
  notice = await readFile(repoPath('test', 'fixtures', 'holiday-notices', '2025.txt'), 'utf8');
  await writeFile(join(dir, '通知.txt'), notice);
  cli.holidays = await kpd(
    ['holidays', 'import', '通知.txt', '--into', '总台账.xlsx', '--out', '节假日.xlsx'],
    '节假日.xlsx',
  );
  cli.chart = await kpd(
    ['chart', '--master', '总台账.xlsx', '--on', '2026-11-13', '--out', '进度图.xlsx'],
    '进度图.xlsx',
  );
}, 180_000);

/** A sheet's table: from its header row (名次, 序号, 考评期 … or the first row of more than one cell). */
const table = (wb: WorkbookGrid, sheet: string): unknown[][] => {
  const rows = trimmed(wb.sheets.find((s) => s.name === sheet)?.rows ?? []);
  return rows.slice(
    Math.max(
      0,
      rows.findIndex((r) => r.length > 1),
    ),
  );
};

/** The workbook WPS was asked to open (written to its temporary folder), as our reader reads it. */
const opened = (app: FakeWps, index = 0): WorkbookGrid =>
  readXlsx([...app.fake.files.values()].filter((_, i) => i === index)[0] ?? new Uint8Array()).workbook;

describe('the pane’s actions in WPS 表格 give the CLI’s sheets', () => {
  it('计算排名 writes kpd score’s result sheets into the open master', async () => {
    const app = fakeWps(grid);
    const r = await computeRanking(new EtHost(app), '2026Q3');
    expect([r.ok, r.summary]).toEqual([
      true,
      expect.stringMatching(/^2026年第3季度已计算：代办员 \d+ 名，责任单位 \d+ 个。结果已写入/u),
    ]);
    const after = await new EtHost(app).readWorkbook();
    for (const sheet of RESULT_SHEETS) expect(table(after, sheet), sheet).toEqual(table(cli.score, sheet));
    // No note of a missing layout: WPS merges, sets widths, freezes and sets lists.
    expect(r.lines.join('\n')).not.toMatch(/ExcelApi/u);
  });

  it('汇总通报 opens kpd merge’s bulletin as a workbook of its own; the master stays as it was', async () => {
    const app = fakeWps(grid);
    const host = new EtHost(app);
    const before = app.fake.books[0]?.sheets.map((s) => [s.name, s.rows()]);
    const r = await mergeReports(
      host,
      '2026-11-1',
      reports,
      { bytes: new Uint8Array(await readFile(repoPath('templates', '重点项目情况通报.xlsx'))) },
      undefined,
      'zh',
      async (_doc, name) => `公文已存为「${host.saveFile(new Uint8Array([1, 2, 3]), name) ?? ''}」`,
    );
    expect([r.ok, r.summary]).toEqual([
      true,
      '重点项目情况通报（第21期）（2026年11月上半月，报送截止 2026-11-12）已在新工作簿中打开，请另存为「重点项目情况通报-第21期.xlsx」：应报 8 个指挥部，按时 6、迟报 1、未报 1；滞后项目 18 个；数据行 195 = 并入 166 + 未并入 29。',
    ]);
    expect(r.lines[0]).toMatch(/^公文已存为「C:.*[\\/]重点项目情况通报-第21期\.docx」$/u);
    expect(app.fake.books.map((b) => b.name)).toEqual(['总台账.xlsx', '重点项目情况通报-第21期.xlsx']);
    const made = opened(app);
    expect(made.sheets.map((s) => s.name)).toEqual(cli.bulletin.sheets.map((s) => s.name));
    for (const s of cli.bulletin.sheets)
      expect(trimmed(made.sheets.find((x) => x.name === s.name)?.rows ?? []), s.name).toEqual(
        trimmed(s.rows),
      );
    // The master is untouched (the bulletin is a workbook of its own, now the active one).
    expect(app.fake.books[0]?.sheets.map((s) => [s.name, s.rows()])).toEqual(before);
    expect(app.fake.book?.name).toBe('重点项目情况通报-第21期.xlsx');
  });

  it('导入台账 writes kpd ledger import’s ledgers, keeping a column and a note a person added', async () => {
    const book = fakeBookOf(grid);
    const PERSON = '督办意见';
    const NOTE = '注：督办意见一栏由督查室填写。';
    const width = PROGRESS_LOG.columns.length;
    const progress = grid.sheets.find((x) => x.name === PROGRESS_LOG.name)?.rows ?? [];
    const header = progress.findIndex((row) => row[0] === '报告期');
    const sheets = book.sheets.map((s) =>
      s.name !== PROGRESS_LOG.name
        ? s
        : {
            ...s,
            values: [
              ...(s.values ?? []).map((row, r) =>
                r === header ? [...Array.from({ length: width }, (_, c) => row[c] ?? null), PERSON] : row,
              ),
              [],
              [NOTE],
            ],
          },
    );
    const app = globalThis.KpdFakeWps.create({ workbooks: [{ ...book, sheets }] });
    const r = await importLedger(new EtHost(app), [bulletinFile]);
    expect([r.ok, r.summary]).toEqual([
      true,
      '已导入 2026-11-1：进展记录 26 行，报送记录 8 行，一线工作记录 139 行。',
    ]);
    expect(r.lines).toContain(`「进展记录」保留了您添加的列：${PERSON}。`);
    const after = await new EtHost(app).readWorkbook();
    const rows = (wb: WorkbookGrid, name: string, cols = Infinity): unknown[][] =>
      trimmed(wb.sheets.find((x) => x.name === name)?.rows ?? [])
        .map((row) => row.slice(0, cols))
        .filter((row) => row.length > 1);
    for (const sheet of LEDGER_SHEETS)
      expect(rows(after, sheet, width), sheet).toEqual(rows(cli.ledger, sheet, width));
    const written = trimmed(after.sheets.find((x) => x.name === PROGRESS_LOG.name)?.rows ?? []);
    expect(written[header]?.[width]).toBe(PERSON);
    expect(written.at(-1)).toEqual([NOTE]);
    expect(written.at(-2)).toEqual([]);
    // Again: the period is replaced, nothing doubled.
    const again = await importLedger(new EtHost(app), [bulletinFile]);
    expect(again.summary).toMatch(/（替换了该期原有的 173 行）。$/u);
    const twice = await new EtHost(app).readWorkbook();
    for (const sheet of LEDGER_SHEETS) expect(rows(twice, sheet), sheet).toEqual(rows(after, sheet));
  });

  it('生成议程 writes kpd agenda’s sheets for the topic forms picked, and what was not used', async () => {
    const app = fakeWps(grid);
    const r = await buildMeetingAgenda(new EtHost(app), '2026-11-14', 'zh', topics);
    expect(r.ok).toBe(true);
    expect(r.summary).toMatch(
      /^2026-11-14 例会议程已写入「议程」「督办落实」「议题及滞后项目」「议题数据问题」/u,
    );
    const after = await new EtHost(app).readWorkbook();
    for (const sheet of ['议程', '督办落实', '议题及滞后项目'])
      expect(table(after, sheet), sheet).toEqual(table(cli.agenda, sheet));
    expect(table(after, PANE_AGENDA_PROBLEMS).slice(1)).toEqual(table(cli.agenda, '数据问题').slice(1));
    // The agenda's sheets are read-only results: no drop-down lists, as in the Office pane.
    expect(app.fake.sheet('督办落实')?.validations).toEqual([]);
  });

  it('导入放假通知 writes the notice into 节假日 as kpd holidays import does', async () => {
    const app = fakeWps(grid);
    const r = await importHolidayNotice(new EtHost(app), notice);
    expect([r.ok, r.summary]).toEqual([
      true,
      '已把 2025 年放假安排写入「节假日」表：放假 28 天、调休上班 5 天（表中共 33 行）。',
    ]);
    const after = await new EtHost(app).readWorkbook();
    expect(table(after, '节假日')).toEqual(table(cli.holidays, '节假日'));
    // A notice with an error changes nothing.
    const bad = await importHolidayNotice(new EtHost(app), notice.replace(/共8天/u, '共9天'));
    expect(bad.ok).toBe(false);
    expect(await new EtHost(app).readWorkbook()).toEqual(after);
  });

  it('检查 says what the Office pane says of the same master', async () => {
    const inWps = await checkWorkbook(new EtHost(fakeWps(grid)));
    const inExcel = await checkWorkbook(fakeWorkbook(grid).excel);
    expect(inWps).toEqual(inExcel);
    expect(inWps.summary).toMatch(/^总台账检查完毕：错误 \d+ 处/u);
  });

  it('进度图 opens kpd chart’s workbook', async () => {
    const app = fakeWps(grid);
    const r = await progressChartPaper(new EtHost(app), '2026-11-13', undefined);
    expect(r.ok).toBe(true);
    expect(r.summary).toMatch(/^进度图（挂图作战，截至 2026-11-13）已在新工作簿中打开/u);
    const made = opened(app);
    expect(made.sheets.map((s) => s.name)).toEqual(cli.chart.sheets.map((s) => s.name));
    for (const s of cli.chart.sheets.filter((x) => !x.hidden))
      expect(trimmed(made.sheets.find((x) => x.name === s.name)?.rows ?? []), s.name).toEqual(
        trimmed(s.rows),
      );
  });

  it('without FileSystem (a page WPS gives no file access) the bulletin is downloaded, and the pane says so', async () => {
    const app = fakeWps(grid);
    // The same WPS without Application.FileSystem.
    const bare = new Proxy(app, {
      get: (target, key) => (key === 'FileSystem' ? undefined : Reflect.get(target, key)),
      set: (target, key, value) => Reflect.set(target, key, value),
    });
    const got: string[] = [];
    const r = await mergeReports(
      new EtHost(bare, { download: (_bytes, name) => void got.push(name) }),
      '2026-11-1',
      reports,
      { bytes: new Uint8Array(await readFile(repoPath('templates', '重点项目情况通报.xlsx'))) },
      undefined,
    );
    expect(got).toEqual(['重点项目情况通报-第21期.xlsx']);
    expect(r.summary).toContain('已下载为「重点项目情况通报-第21期.xlsx」');
    expect(r.lines.at(-1)).toContain('这台 WPS 没有向加载项提供文件读写（FileSystem）');
  });

  it('checks an edit where it is typed (SheetChange), saying what the Office pane says of it', async () => {
    const report = readXlsx(
      await readFile(
        repoPath('examples', 'reports', '2026-11-1', '文旅康养小镇指挥部-2026年11月上半月进展.xlsx'),
      ),
    ).workbook;
    const app = globalThis.KpdFakeWps.create({ workbooks: [fakeBookOf(report)] });
    const host = new EtHost(app);
    const seen: string[] = [];
    const stop = await host.onEdit((sheet, address) => {
      seen.push(`${sheet}!${address}`);
    });
    const bad = await checkEditedRows(host, '一线工作', 'C8');
    expect([bad.summary, bad.lines]).toEqual([
      '「一线工作」C8：有 1 处问题，请修改。',
      ['错误　一线工作 C8　「职务」只能填写：指挥长、成员；现为「副指挥长」。请从下拉列表中选择。'],
    ]);
    app.fake.type('一线工作', 'C8', '成员');
    expect(seen).toEqual(['一线工作!C8']);
    expect((await checkEditedRows(host, '一线工作', 'C8')).summary).toBe(
      '「一线工作」C8：已检查，没有问题。',
    );
    // The same as the Office pane's check of that edit, and nothing said of a sheet no form has.
    const office = fakeWorkbook(grid);
    const edit = { worksheetId: office.sheet('项目登记')?.id ?? '', address: 'B5:H9' };
    const inExcel = await checkEdit(office.excel, new LiveCheck(), edit);
    expect(inExcel.summary).toMatch(/^「项目登记」B5:H9：/u);
    expect(await checkEditedRows(new EtHost(fakeWps(grid)), '项目登记', 'B5:H9')).toEqual(inExcel);
    expect(await checkEditedRows(host, 'Sheet9', 'A1')).toEqual({ summary: '', lines: [], ok: true });
    await stop();
    app.fake.type('一线工作', 'C8', '指挥长');
    expect(seen).toHaveLength(1);
  });
});
