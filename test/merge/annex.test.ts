import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { WorkbookGrid } from '../../src/core/values/grid.js';
import {
  ANNEX_PROBLEMS,
  BULLETIN,
  BULLETIN_ANNEX,
  PROBLEMS,
  PROJECT_PROGRESS,
  SOURCES,
} from '../../src/core/schema/bulletin.js';
import type { SheetSpec } from '../../src/core/schema/types.js';
import { runKpd, type CliRun } from '../helpers/cli.js';
import { gridSheet, tableRows } from '../helpers/merge-bulletin.js';
import { checkOoxml, OOXML_TIMEOUT_MS, OOXML_TOOLS } from '../helpers/ooxml.js';
import { repoPath } from '../helpers/paths.js';
import { useTempDir } from '../helpers/tmp.js';
import { requireTool } from '../helpers/tools.js';
import { gridOf } from '../helpers/xlsx.js';

/**
 * `kpd merge --annex FILE`: the 通报 that is sent out holds no 数据问题 and no 来源, not even
 * hidden; the annex workbook holds every finding and every source, by file name, without codes.
 * Without --annex the 通报 is as before (its annex hidden inside it).
 */
const tmp = useTempDir('kpd-annex-');
const ooxml = requireTool(...OOXML_TOOLS);

const merge = (extra: readonly string[]): Promise<CliRun> =>
  runKpd(
    [
      'merge',
      repoPath('examples/reports/2026-11-1'),
      '--master',
      repoPath('examples/总台账.xlsx'),
      '--period',
      '2026-11-1',
      ...extra,
    ],
    tmp(),
  );

let apart: CliRun;
let together: CliRun;
let bulletin: WorkbookGrid;
let annex: WorkbookGrid;
let whole: WorkbookGrid;

beforeAll(async () => {
  apart = await merge(['--out', '通报.xlsx', '--annex', '附件.xlsx']);
  together = await merge(['--out', '通报-含附表.xlsx']);
  bulletin = gridOf(await readFile(join(tmp(), '通报.xlsx')));
  annex = gridOf(await readFile(join(tmp(), '附件.xlsx')));
  whole = gridOf(await readFile(join(tmp(), '通报-含附表.xlsx')));
}, 120_000);

const names = (wb: WorkbookGrid): string[] => wb.sheets.map((s) => s.name);
const lead = (wb: WorkbookGrid): string =>
  gridSheet(wb, PROJECT_PROGRESS.name)
    .rows.slice(0, 4)
    .flat()
    .filter((c) => typeof c === 'string')
    .join('');

describe('kpd merge --annex', () => {
  it('writes the 通报 without 数据问题 and 来源, not even hidden, and says where the annex went', () => {
    expect(apart.code, apart.err).toBe(0);
    expect(apart.out).toContain('已生成附件 附件.xlsx');
    for (const s of BULLETIN_ANNEX.sheets) expect(names(bulletin)).not.toContain(s.name);
    // The 通报 proper is all there.
    for (const s of (BULLETIN.sheets as readonly SheetSpec[]).filter((x) => !x.annex))
      expect(names(bulletin)).toContain(s.name);
    // The printed lead of 项目进展 points to the annex as a document of its own.
    expect(lead(bulletin)).toContain('有误＝报送的数据有误未并入（明细见附件（另册）「数据问题」）');
  });

  it('puts every finding and every source in the annex, shown, by file name and without codes', () => {
    expect(names(annex).filter((n) => !n.startsWith('_'))).toEqual([PROBLEMS.name, SOURCES.name]);
    for (const s of annex.sheets.filter((x) => !x.name.startsWith('_'))) expect(s.hidden).toBeFalsy();
    const findings = tableRows(gridSheet(annex, PROBLEMS.name), '序号');
    const inWhole = tableRows(gridSheet(whole, PROBLEMS.name), '序号');
    expect(findings.length).toBeGreaterThan(5);
    // The same findings as the hidden sheet of the 通报 without --annex, the code column left out.
    expect(findings).toEqual(
      inWhole.map((r) => Object.fromEntries(Object.entries(r).filter(([k]) => k !== '问题代码'))),
    );
    expect(Object.keys(findings[0] ?? {})).toEqual(ANNEX_PROBLEMS.columns.map((c) => c.header));
    const sources = tableRows(gridSheet(annex, SOURCES.name), '项目编号');
    expect(sources).toEqual(tableRows(gridSheet(whole, SOURCES.name), '项目编号'));
    expect(sources.length).toBeGreaterThan(10);
    for (const r of [...findings, ...sources]) {
      expect(String(r['文件'] ?? '')).not.toMatch(/[/\\]/u);
      expect(String(r['问题说明'] ?? '')).not.toMatch(/\b[a-z]+\.[a-zA-Z]+\b/u);
    }
    // The annex says which 通报 it belongs to.
    expect(String(gridSheet(annex, PROBLEMS.name).rows[0]?.[0])).toContain('重点项目情况通报（第21期）附件');
  });

  it('keeps the 通报 without --annex as before: the annex hidden in it, no pointer to a sheet not printed', () => {
    expect(together.code, together.err).toBe(0);
    for (const s of BULLETIN.sheets) expect(names(whole)).toContain(s.name);
    for (const s of (BULLETIN.sheets as readonly SheetSpec[]).filter((x) => x.annex))
      expect(whole.sheets.find((x) => x.name === s.name)?.hidden).toBeTruthy();
    expect(lead(whole)).toContain('有误＝报送的数据有误未并入');
    expect(lead(whole)).not.toContain('数据问题');
    // Everything else of the two 通报 is the same.
    for (const s of ['汇总', '报送情况', '一线工作'])
      expect(gridSheet(bulletin, s).rows).toEqual(gridSheet(whole, s).rows);
  });

  it('refuses an annex over the 通报 or an input, or not .xlsx (exit 2, nothing written)', async () => {
    const same = await merge(['--out', 'x.xlsx', '--annex', 'x.xlsx']);
    expect(same.code).toBe(2);
    expect(same.err).toContain('x.xlsx');
    const csv = await merge(['--out', 'y.xlsx', '--annex', 'y.csv']);
    expect(csv.code).toBe(2);
    expect(csv.err).toContain('.xlsx');
    await expect(readFile(join(tmp(), 'x.xlsx'))).rejects.toThrow();
    await expect(readFile(join(tmp(), 'y.xlsx'))).rejects.toThrow();
  });

  it('with the office’s own template holding 数据问题: fills the annex, warns that the sheet is left empty', async () => {
    const r = await merge([
      '--out',
      '通报-模板.xlsx',
      '--annex',
      '附件-模板.xlsx',
      '--template',
      repoPath('templates/重点项目情况通报.xlsx'),
    ]);
    expect(r.code, r.err).toBe(0);
    for (const s of BULLETIN_ANNEX.sheets) expect(r.err).toContain(`通报模板中有「${s.name}」表`);
    const own = gridOf(await readFile(join(tmp(), '附件-模板.xlsx')));
    expect(tableRows(gridSheet(own, PROBLEMS.name), '序号')).toEqual(
      tableRows(gridSheet(annex, PROBLEMS.name), '序号'),
    );
    // Without a template of its own, nothing to warn about.
    expect(apart.err).not.toContain('通报模板中有');
  });

  ooxml.it(
    'writes both workbooks to the OOXML schemas',
    async () => {
      const r = await checkOoxml([join(tmp(), '通报.xlsx'), join(tmp(), '附件.xlsx')]);
      expect(r.status, r.output).toBe(0);
    },
    OOXML_TIMEOUT_MS,
  );
});
