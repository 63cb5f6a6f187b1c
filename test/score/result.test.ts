import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { readXlsx } from '../../src/adapters/xlsx-read/index.js';
import type { WorkbookGrid } from '../../src/core/values/grid.js';
import { runKpd } from '../helpers/cli.js';
import {
  exampleMaster,
  records,
  RESULT_SHEETS,
  score,
  sheetValues,
  type ScoreRun,
} from '../helpers/merge-results.js';
import { fingerprint } from '../helpers/merge-world.js';
import { checkOoxml, OOXML_TIMEOUT_MS, OOXML_TOOLS } from '../helpers/ooxml.js';
import { useTempDir } from '../helpers/tmp.js';
import { requireTool } from '../helpers/tools.js';

/**
 * kpd score writes a copy of the master: the result sheets added or replaced, 排名历史 with this
 * period's rows (a re-run replaces them), every other sheet as it was, the master untouched.
 */
const tmp = useTempDir('kpd-score-result-');
const ooxml = requireTool(...OOXML_TOOLS);
let dir = '';
let master: WorkbookGrid;
let first: ScoreRun;
let again: ScoreRun;
let before: Record<string, string>;

beforeAll(async () => {
  dir = tmp();
  await exampleMaster(dir);
  before = await fingerprint(dir);
  master = readXlsx(await readFile(join(dir, '总台账.xlsx'))).workbook;
  first = await score(dir, '总台账.xlsx', '2026Q3', '结果.xlsx');
  again = await score(dir, '结果.xlsx', '2026Q3', '结果2.xlsx');
}, 60_000);

const otherSheets = (wb: WorkbookGrid) =>
  wb.sheets.map((s) => s.name).filter((n) => !(RESULT_SHEETS as readonly string[]).includes(n));
const periodRows = (run: ScoreRun, period: string) =>
  records(run.grid, '排名历史', '考评期').filter((r) => r['考评期'] === period);

describe('kpd score: the result workbook', () => {
  it('adds the result sheets after the master’s own, which keep their order and hidden state', () => {
    expect(first.grid.sheets.map((s) => [s.name, s.hidden ?? false])).toEqual([
      ...master.sheets.map((s) => [s.name, s.hidden ?? false]),
      ['代办员考核结果', false],
      ['扣分明细', false],
      ['单位考评排名', false],
      ['排名计算说明', false],
      ['数据问题', false],
    ]);
  });

  it('appends this period to 排名历史 after the typed earlier periods', () => {
    const history = records(first.grid, '排名历史', '考评期');
    expect(history.map((r) => r['考评期'])).toEqual([
      ...Array(12).fill('2026Q1'),
      ...Array(12).fill('2026Q2'),
      ...Array(12).fill('2026Q3'),
    ]);
    expect(periodRows(first, '2026Q3').map((r) => [r['责任单位'], r['名次']])).toEqual(
      first.json.units.map((u) => [u.unit, u.rank]),
    );
    expect(sheetValues(first.grid, '排名历史')?.slice(0, 26)).toEqual(sheetValues(master, '排名历史'));
  });

  it('records with each period of 排名历史 the rule set that ranked it, as the result sheets name it', () => {
    const label = first.grid.sheets
      .find((s) => s.name === '单位考评排名')
      ?.rows.flat()
      .find((c): c is string => typeof c === 'string' && c.includes('默认规则'));
    const used = /默认规则（安示范办〔2017〕14号） \S+/u.exec(label ?? '')?.[0];
    expect(used).toBeDefined();
    expect(new Set(periodRows(first, '2026Q3').map((r) => r['规则集']))).toEqual(new Set([used]));
    // Earlier periods keep what they had (typed by hand here: none).
    expect(periodRows(first, '2026Q2').every((r) => r['规则集'] === null || r['规则集'] === undefined)).toBe(
      true,
    );
  });

  it('replaces, never doubles, its rows when run again on the result', () => {
    expect(periodRows(again, '2026Q3')).toHaveLength(12);
    expect(records(again.grid, '排名历史', '考评期')).toHaveLength(36);
    expect(again.grid.sheets.map((s) => s.name)).toEqual(first.grid.sheets.map((s) => s.name));
    for (const sheet of RESULT_SHEETS)
      expect(sheetValues(again.grid, sheet), sheet).toEqual(sheetValues(first.grid, sheet));
    // The same result, plus a note that this period's history rows were replaced.
    const replacedNote = (w: { code: string }) => w.code === 'score.historyReplaced';
    expect(again.json.warnings.filter(replacedNote)).toHaveLength(1);
    expect({ ...again.json, warnings: again.json.warnings.filter((w) => !replacedNote(w)) }).toEqual(
      first.json,
    );
  });

  it('keeps every other sheet, in order, with the master’s cell values (text stays text)', () => {
    expect(otherSheets(first.grid)).toEqual(master.sheets.map((s) => s.name).filter((n) => n !== '排名历史'));
    // 规则编号 "3.3", 联系电话 "13700000000", 前置节点 "1": text that reads as a number stays text.
    for (const name of otherSheets(first.grid))
      expect(sheetValues(first.grid, name), name).toEqual(sheetValues(master, name));
    expect(records(first.grid, '扣分记录', '日期')[1]?.['规则编号']).toBe('3.3');
  });

  it('never modifies the master', async () => {
    const after = await fingerprint(dir);
    expect(after['总台账.xlsx']).toBe(before['总台账.xlsx']);
  });

  it.each([
    ['the master itself', '总台账.xlsx'],
    ['the master by another spelling', './sub/../总台账.xlsx'],
  ])('exits 2 when --out is %s, and leaves it alone', async (_, out) => {
    const r = await runKpd(['score', '总台账.xlsx', '--period', '2026Q3', '--out', out], dir);
    expect(r.code).toBe(2);
    expect(r.err).toContain('--out 不能与总台账是同一个文件');
    expect((await fingerprint(dir))['总台账.xlsx']).toBe(before['总台账.xlsx']);
  });
});

describe('kpd score: the file', () => {
  ooxml.it(
    'conforms to ECMA-376 in every part (no "repair" prompt in Excel)',
    async () => {
      const r = await checkOoxml([join(dir, '结果.xlsx')]);
      expect(r.status, r.output).toBe(0);
      expect(r.output).toMatch(/ [1-9]\d* parts checked, 0 violations/u);
    },
    OOXML_TIMEOUT_MS,
  );
});

describe('kpd score: 数据问题', () => {
  it('lists the bad rows of the master with sheet and row, and scores the rest', () => {
    const problems = records(first.grid, '数据问题', '序号').filter((p) => p['处理'] === '未计入');
    expect(problems.map((p) => [p['工作表'], p['单元格'], p['问题代码']])).toEqual([
      ['扣分记录', 'D25', 'cell.integer'],
      ['扣分记录', 'C26', 'incident.unknownRule'],
      ['扣分记录', 'B27', 'ref.agent'],
    ]);
    expect(problems.map((p) => p['问题说明'])).toEqual([
      '「次数」应为正整数，现为「两次」。',
      expect.stringMatching(/^规则编号「7\.1」不存在。/u),
      '代办员「张薇」不在「代办员名册」中。请先登记或更正姓名。',
    ]);
    expect(records(first.grid, '代办员考核结果', '名次')).toHaveLength(10);
    expect(first.json.agents).toHaveLength(10);
  });
});

describe('kpd score: the master must be a 总台账', () => {
  it('refuses a half-month report given as the master (exit 2, in Chinese, nothing written)', async () => {
    const report = join('examples', 'reports', '2026-11-1', '智慧城市建设指挥部-2026年11月上半月进展.xlsx');
    const root = new URL('../../', import.meta.url).pathname;
    const out = join(tmp(), '不应写出.xlsx');
    const r = await runKpd(['score', report, '--period', '2026Q3', '--out', out], root);
    expect(r.code).toBe(2);
    expect(r.err).toContain('不是总台账，而是「重点项目半月进展报表」');
    await expect(readFile(out)).rejects.toThrow();
  });
});
