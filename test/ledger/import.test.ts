import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { readXlsx } from '../../src/adapters/xlsx-read/index.js';
import type { WorkbookGrid } from '../../src/core/grid.js';
import { runKpd } from '../helpers/cli.js';
import { exampleMaster, LEDGER_SHEETS, records, score, sheetValues } from '../helpers/merge-results.js';
import { fingerprint, REPO } from '../helpers/merge-world.js';
import { checkOoxml, OOXML_TIMEOUT_MS, OOXML_TOOLS } from '../helpers/ooxml.js';
import { useTempDir } from '../helpers/tmp.js';
import { requireTool } from '../helpers/tools.js';

/**
 * kpd ledger import: a bulletin's period appended to 进展记录 / 报送记录 / 一线工作记录 of a copy
 * of the master; importing it again replaces it; the unit ranking of 2026Q4 then counts it.
 */
const tmp = useTempDir('kpd-ledger-');
const ooxml = requireTool(...OOXML_TOOLS);
let dir = '';
let master: WorkbookGrid;
let once: WorkbookGrid;
let twice: WorkbookGrid;
let onceJson: unknown;
let twiceJson: unknown;
let before: Record<string, string>;

interface LedgerJson {
  readonly period: string;
  readonly imported: { readonly progress: number; readonly submissions: number; readonly siteWeeks: number };
  readonly replaced: number;
}

async function ledger(into: string, out: string): Promise<LedgerJson> {
  const r = await runKpd(['ledger', 'import', '通报.xlsx', '--into', into, '--out', out, '--json'], dir);
  if (r.code !== 0) throw new Error(r.err);
  return JSON.parse(r.out) as LedgerJson;
}

const grid = async (name: string) => readXlsx(await readFile(join(dir, name))).workbook;
const ofPeriod = (wb: WorkbookGrid, sheet: string, first: string, period: string) =>
  records(wb, sheet, first).filter((r) => r[first] === period);

beforeAll(async () => {
  dir = tmp();
  await exampleMaster(dir);
  const m = await runKpd(
    [
      'merge',
      join(REPO, 'examples', 'reports', '2026-11-1'),
      '--master',
      '总台账.xlsx',
      '--period',
      '2026-11-1',
      '--out',
      '通报.xlsx',
    ],
    dir,
  );
  if (m.code !== 0) throw new Error(m.err);
  before = await fingerprint(dir);
  master = await grid('总台账.xlsx');
  onceJson = await ledger('总台账.xlsx', '新总台账.xlsx');
  twiceJson = await ledger('新总台账.xlsx', '新总台账2.xlsx');
  once = await grid('新总台账.xlsx');
  twice = await grid('新总台账2.xlsx');
}, 60_000);

describe('kpd ledger import', () => {
  it('appends the period’s rows: 26 projects reported, 8 HQs, 63 person-weeks (21 people × 3 weeks)', () => {
    expect(onceJson).toEqual({
      period: '2026-11-1',
      imported: { progress: 26, submissions: 8, siteWeeks: 63 },
      replaced: 0,
    });
    expect(ofPeriod(once, '进展记录', '报告期', '2026-11-1')).toHaveLength(26);
    expect(ofPeriod(once, '报送记录', '报告期', '2026-11-1')).toHaveLength(8);
    expect(records(once, '进展记录', '报告期')).toHaveLength(
      records(master, '进展记录', '报告期').length + 26,
    );
    expect(records(once, '一线工作记录', '周')).toHaveLength(
      records(master, '一线工作记录', '周').length + 63,
    );
  });

  it('carries the bulletin’s figures, statuses and times', () => {
    const progress = ofPeriod(once, '进展记录', '报告期', '2026-11-1').find(
      (r) => r['项目编号'] === 'AY-2026-001',
    );
    expect(progress).toMatchObject({
      指挥部: '高端装备产业园指挥部',
      '本期完成投资(万元)': 4_200,
      '年度累计完成投资(万元)': 55_125,
    });
    const subs = new Map(ofPeriod(once, '报送记录', '报告期', '2026-11-1').map((r) => [r['指挥部'], r]));
    expect(subs.get('现代物流园指挥部')).toMatchObject({ 状态: '迟报', 时间来源: '邮件时间' });
    expect(subs.get('水系连通工程指挥部')).toMatchObject({ 状态: '未报' });
    expect(subs.get('城区棚户区改造指挥部')).toMatchObject({ 状态: '按时', 指挥长签字: '未签' });
    // Known only as a day (填报日期): the day is kept, and 时间来源 says where it came from.
    const byDate = [...subs.values()].find((r) => r['时间来源'] === '填报日期');
    expect(String(byDate?.['报送时间'] ?? '')).toMatch(/^2026-11-1\d/u);
    expect([...subs.keys()]).not.toContain(undefined);
  });

  it('replaces the period when imported again, never doubles it', () => {
    expect(twiceJson).toEqual({
      period: '2026-11-1',
      imported: { progress: 26, submissions: 8, siteWeeks: 63 },
      replaced: 26 + 8 + 63,
    });
    for (const sheet of LEDGER_SHEETS)
      expect(sheetValues(twice, sheet), sheet).toEqual(sheetValues(once, sheet));
  });

  it('leaves the master and every other sheet as they were', async () => {
    expect((await fingerprint(dir))['总台账.xlsx']).toBe(before['总台账.xlsx']);
    expect(once.sheets.map((s) => s.name)).toEqual(master.sheets.map((s) => s.name));
    for (const s of master.sheets) {
      if ((LEDGER_SHEETS as readonly string[]).includes(s.name)) continue;
      expect(sheetValues(once, s.name), s.name).toEqual(sheetValues(master, s.name));
    }
  });

  it.each([
    ['the master', '总台账.xlsx'],
    ['the bulletin', '通报.xlsx'],
  ])('exits 2 when --out is %s', async (_, out) => {
    const r = await runKpd(['ledger', 'import', '通报.xlsx', '--into', '总台账.xlsx', '--out', out], dir);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/就是输入文件「.*」，写出会把它覆盖/u);
  });

  it('is read by kpd score: the 2026-11-1 reports count in 2026Q4', async () => {
    const without = await score(dir, '总台账.xlsx', '2026Q4', 'q4-without.xlsx');
    const withIt = await score(dir, '新总台账2.xlsx', '2026Q4', 'q4-with.xlsx');
    expect(withIt.json.units).toHaveLength(12);
    const note = (wb: WorkbookGrid, unit: string) =>
      String(records(wb, '单位考评排名', '名次').find((r) => r['责任单位'] === unit)?.['计算说明']);
    // 新能源汽车零部件指挥部 (县发改局's projects) reported 2026-11-1 on time: one more on-time report.
    expect(note(without.grid, '县发改局')).toContain('按时报送 2 次 / 应报送 6 次');
    expect(note(withIt.grid, '县发改局')).toContain('按时报送 3 次 / 应报送 6 次');
    const reports = (run: typeof without, unit: string) =>
      run.json.units.find((u) => u.unit === unit)?.criteria['reports'];
    expect(reports(withIt, '县发改局')).toBeGreaterThan(reports(without, '县发改局') ?? 0);
    // 现代物流园指挥部 (县商务局) was late: no more on-time reports than before.
    expect(note(withIt.grid, '县商务局')).toContain('按时报送 2 次 / 应报送 6 次');
  });

  ooxml.it(
    'writes a master that conforms to ECMA-376 in every part',
    async () => {
      const r = await checkOoxml([join(dir, '新总台账.xlsx')]);
      expect(r.status, r.output).toBe(0);
      expect(r.output).toMatch(/ [1-9]\d* parts checked, 0 violations/u);
    },
    OOXML_TIMEOUT_MS,
  );
});
