import { readFile } from 'node:fs/promises';
import { beforeAll, describe, expect, it } from 'vitest';
import { collectInputs } from '../../../src/adapters/inputs.js';
import { readXlsx } from '../../../src/adapters/xlsx-read/index.js';
import { bulletinTemplate } from '../../../src/adapters/bundled.js';
import { fillBulletin } from '../../../src/adapters/bulletin-file.js';
import { readPrepared } from '../../../src/cli/merge-read.js';
import type { SubmissionRead } from '../../../src/core/bulletin/index.js';
import { WorkCalendar } from '../../../src/core/calendar/workdays.js';
import type { WorkbookGrid } from '../../../src/core/values/grid.js';
import {
  mergeBulletin,
  mergeContext,
  mergePeriod,
  templateIssues,
  type MergeInput,
} from '../../../src/core/jobs/merge.js';
import { readMaster } from '../../../src/core/master/read.js';
import type { MasterData } from '../../../src/core/master/types.js';
import { issue, message } from '../../../src/core/issues/issue.js';
import { notMasterIssue } from '../../../src/core/workbook/master-kind.js';
import { repoPath } from '../../helpers/paths.js';

/** The merge job on the example county's reports of 2026-11-1, as every shell calls it. */
let master: MasterData;
let masterGrid: WorkbookGrid;
let input: MergeInput;
/** A file received that is not a report (a Word document beside the reports). */
const notReport = issue('input.otherType', {}, { ext: '.docx' });

beforeAll(async () => {
  masterGrid = readXlsx(await readFile(repoPath('examples', '总台账.xlsx'))).workbook;
  master = readMaster(masterGrid).data;
  const started = mergeContext({
    period: '2026-11-1',
    master,
    calendar: new WorkCalendar(master.holidays),
    locale: 'zh',
    now: '2026-11-13T09:00:00',
  });
  if (!('ctx' in started)) throw new Error('period refused');
  const collected = await collectInputs([repoPath('examples', 'reports', '2026-11-1')]);
  const reads: SubmissionRead[] = collected.items.map((item) => readPrepared(item, started.ctx));
  input = { ctx: started.ctx, reads, ignored: [{ file: 'z/说明.docx', reason: notReport }] };
}, 60_000);

describe('mergePeriod and mergeContext', () => {
  it('read the period as typed, in either form', () => {
    expect(mergePeriod(' 2026-11-1 ')).toEqual({ period: { year: 2026, month: 11, half: 1 } });
    expect(mergePeriod('2026年11月下半月')).toEqual({ period: { year: 2026, month: 11, half: 2 } });
  });

  it('refuse a period it cannot read with a code, said in both languages', () => {
    const r = mergePeriod('11月上半月');
    expect('issue' in r && r.issue.code).toBe('merge.periodUnknown');
    if (!('issue' in r)) return;
    expect(message(r.issue, 'zh')).toBe(
      '报告期「11月上半月」无法识别：上半月写 2026-11-1，当月写 2026-11-2。',
    );
    expect(message(r.issue, 'en')).toMatch(/^Period "11月上半月" not understood/u);
    const ctx = mergeContext({
      period: 'x',
      master,
      calendar: new WorkCalendar([]),
      locale: 'zh',
      now: '2026-11-13T09:00:00',
    });
    expect('issue' in ctx && ctx.issue.code).toBe('merge.periodUnknown');
  });
});

describe('mergeBulletin', () => {
  it('makes the same bulletin whatever order the reads come in (sorted by path)', () => {
    const a = mergeBulletin(input);
    const b = mergeBulletin({ ...input, reads: [...input.reads].reverse() });
    expect(b.result.bulletin).toEqual(a.result.bulletin);
    expect(b.sheets.tables.map((t) => t.rows.length)).toEqual(a.sheets.tables.map((t) => t.rows.length));
    expect([...b.sheets.placeholders]).toEqual([...a.sheets.placeholders]);
  });

  it('counts what every shell says: due = on time + late + missing, rows in = merged + not merged', () => {
    const { result } = mergeBulletin(input);
    const c = result.counts;
    expect(c).toMatchObject({ due: 8, onTime: 6, late: 1, missing: 1, unsigned: 1, ignored: 1 });
    expect(c.due).toBe(c.onTime + c.late + c.missing);
    expect(c.rowsIn).toBe(c.merged + c.rejected);
    expect(c.rowsIn).toBe(195);
    expect(result.bulletin.ignored).toEqual([{ file: 'z/说明.docx', reason: notReport }]);
  });

  it('gives the sheets to write, the charts and the warnings', () => {
    const out = mergeBulletin({ ...input, office: '某县重点项目办' });
    expect(out.sheets.tables.map((t) => t.sheet.name)).toContain('汇总');
    expect(out.result.charts.length).toBeGreaterThan(0);
    expect(out.issues).toEqual(out.result.bulletin.warnings);
  });
});

describe('templateIssues and fillBulletin', () => {
  it('refuses a template with none of the tables, warns of each one missing', () => {
    const { sheets } = mergeBulletin(input);
    const names = sheets.tables.map((t) => t.sheet.name);
    const none = templateIssues(sheets, names, '我的模板.xlsx');
    expect(none.map((i) => [i.code, i.severity])).toEqual([['merge.templateNoTables', 'error']]);
    expect(message(none[0]!, 'zh')).toContain('通报模板「我的模板.xlsx」中找不到通报的任何一张表');
    const one = templateIssues(sheets, [names[0]!], '我的模板.xlsx');
    expect(one.map((i) => [i.code, i.params['sheet']])).toEqual([['merge.templateSheetMissing', names[0]]]);
    expect(templateIssues(sheets, [], '')).toEqual([]);
  });

  it('fills the bundled template, refuses bytes that are no workbook', async () => {
    const { sheets, result } = mergeBulletin(input);
    const good = fillBulletin(await bulletinTemplate(), sheets, result.charts, '');
    expect(good.issues).toEqual([]);
    expect(good.parts?.entries.some(([name]) => name.startsWith('xl/charts/'))).toBe(true);
    const bad = fillBulletin(new TextEncoder().encode('not a zip'), sheets, result.charts, '坏模板.xlsx');
    expect(bad.parts).toBeUndefined();
    expect(bad.issues.map((i) => message(i, 'zh'))).toEqual([
      '通报模板「坏模板.xlsx」不是可用的 .xlsx 工作簿。',
    ]);
  });
});

describe('notMasterIssue', () => {
  it('takes the master, and says what else a workbook is (open in the pane, or a file named)', async () => {
    expect(notMasterIssue(masterGrid)).toBeUndefined();
    const report = readXlsx(
      await readFile(
        repoPath('examples', 'reports', '2026-11-1', '农产品加工园指挥部-2026年11月上半月进展.xlsx'),
      ),
    ).workbook;
    const open = notMasterIssue(report);
    expect(open?.code).toBe('master.openOtherKind');
    expect(message(open!, 'zh')).toBe(
      '当前工作簿是「重点项目半月进展报表」，不是总台账。请在总台账中使用本功能。',
    );
    const named = notMasterIssue(report, 'a.xlsx');
    expect(named?.code).toBe('cli.masterOtherKind');
    expect(message(named!, 'en')).toContain('"a.xlsx" is not the master workbook');
    const blank: WorkbookGrid = { sheets: [] };
    expect(notMasterIssue(blank)?.code).toBe('master.openNoProjects');
    expect(notMasterIssue(blank, 'b.xlsx')?.code).toBe('cli.masterNoProjects');
  });
});
