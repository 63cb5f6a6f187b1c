import ExcelJS from 'exceljs';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { readXlsx } from '../../src/adapters/xlsx-read/index.js';
import { SUMMARY } from '../../src/core/schema/bulletin.js';
import { cellsAt, chartsOf, type ChartRead } from '../helpers/charts.js';
import { runKpd } from '../helpers/cli.js';
import { convertWithLibreOffice, LIBREOFFICE_TIMEOUT_MS, LIBREOFFICE_TOOLS } from '../helpers/libreoffice.js';
import { REPO } from '../helpers/merge-world.js';
import { checkOoxml, OOXML_TIMEOUT_MS, OOXML_TOOLS } from '../helpers/ooxml.js';
import { useTempDir } from '../helpers/tmp.js';
import { requireTool } from '../helpers/tools.js';
import { sheetOf } from '../helpers/xlsx.js';

/**
 * The bulletin workbook's native charts on 汇总: completion by HQ against the 序时 line, and the
 * projects 正常/预警/滞后 by HQ. Every cached number is the cell it points at.
 */
const tmp = useTempDir('kpd-charts-');
let dir: string;
let bytes: Uint8Array;
let charts: ChartRead[];

const merge = (out: string, more: string[] = []) =>
  runKpd(
    [
      'merge',
      'examples/reports/2026-11-1',
      '--master',
      'examples/总台账.xlsx',
      '--period',
      '2026-11-1',
      '--out',
      out,
      ...more,
    ],
    REPO,
  );

beforeAll(async () => {
  dir = await mkdtemp(join(tmp(), 'c-'));
  const r = await merge(join(dir, '通报.xlsx'));
  if (r.code !== 0) throw new Error(r.err);
  bytes = await readFile(join(dir, '通报.xlsx'));
  charts = chartsOf(bytes);
}, 60_000);

describe('the bulletin workbook charts', () => {
  it('puts two charts on 汇总, drawn from its rows by HQ', () => {
    expect(charts.map((c) => c.title)).toEqual([
      '各指挥部累计投资完成率与序时进度',
      '各指挥部项目进度状态（个）',
    ]);
    expect(charts.map((c) => c.kinds)).toEqual([['barChart', 'lineChart'], ['barChart']]);
    expect(charts[1]?.xml).toContain('<c:grouping val="stacked"/>');
    const summary = sheetOf(readXlsx(bytes).workbook, '汇总');
    const hqs = summary.rows.filter((r) => r[0] === '按指挥部').map((r) => r[1]);
    expect(hqs).toHaveLength(8);
    for (const c of charts)
      for (const s of c.series) {
        expect(s.categories).toEqual(hqs);
        expect(cellsAt(summary, s.catRef)).toEqual(hqs);
        // Each cached value is its cell's; a blank cell (no figures) has no point.
        expect(cellsAt(summary, s.valRef).map((v) => (typeof v === 'number' ? v : undefined))).toEqual(
          s.values,
        );
        expect(cellsAt(summary, s.nameRef)).toEqual([s.name]);
      }
    expect(charts[0]?.series.map((s) => s.name)).toEqual(['完成率（累计÷已报项目计划）', '序时进度']);
    expect(charts[1]?.series.map((s) => s.name)).toEqual([
      '状态正常（个）',
      '状态预警（个）',
      '状态滞后（个）',
    ]);
    // 水系连通工程指挥部 reported nothing: no completion point, the 序时 line still there.
    expect(charts[0]?.series[0]?.values[5]).toBeUndefined();
    expect(charts[0]?.series[1]?.values[5]).toBe(0.875);
  });

  it('keeps a chart with what the bulletin counts: status counts add up to the projects with figures', () => {
    const summary = sheetOf(readXlsx(bytes).workbook, '汇总');
    const header = summary.rows.find((r) => r[0] === '分组') ?? [];
    const col = (h: string): number => header.indexOf(h);
    for (const r of summary.rows.filter((x) => x[0] === '按指挥部' || x[0] === '合计')) {
      const counted = ['状态正常（个）', '状态预警（个）', '状态滞后（个）'].reduce(
        (a, h) => a + Number(r[col(h)]),
        0,
      );
      expect(counted, String(r[1])).toBeLessThanOrEqual(Number(r[col('已报项目数')]));
    }
  });

  it('leaves out a chart whose columns an office template lacks, and keeps the other', async () => {
    // An office's own 汇总 without the status columns (an older copy of the template).
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('汇总');
    ws.addRow(['{{编制单位}} 第{{期数}}期']);
    ws.addRow(
      SUMMARY.columns.filter((c) => !['normal', 'warning', 'lagging'].includes(c.key)).map((c) => c.header),
    );
    await writeFile(join(dir, '旧模板.xlsx'), new Uint8Array(await wb.xlsx.writeBuffer()));
    const r = await merge(join(dir, '旧.xlsx'), ['--template', join(dir, '旧模板.xlsx')]);
    expect(r.code, r.err).toBe(0);
    const made = chartsOf(await readFile(join(dir, '旧.xlsx')));
    expect(made.map((c) => c.title)).toEqual(['各指挥部累计投资完成率与序时进度']);
  });

  const ooxml = requireTool(...OOXML_TOOLS);
  ooxml.it(
    'passes the DrawingML schemas (chart, drawing) with the rest of the package',
    async () => {
      const r = await checkOoxml([join(dir, '通报.xlsx')]);
      expect(r.status, r.output).toBe(0);
    },
    OOXML_TIMEOUT_MS,
  );

  const lo = requireTool(...LIBREOFFICE_TOOLS);
  lo.it(
    'is understood by LibreOffice: saved again, the charts keep their series on the same cells',
    async () => {
      convertWithLibreOffice([join(dir, '通报.xlsx')], 'xlsx', join(dir, 'lo'));
      const again = chartsOf(await readFile(join(dir, 'lo', '通报.xlsx')));
      expect(again).toHaveLength(2);
      const refs = (cs: ChartRead[]) =>
        cs.map((c) => c.series.map((s) => s.valRef.replace(/'/gu, '')).sort());
      expect(refs(again)).toEqual(refs(charts));
    },
    LIBREOFFICE_TIMEOUT_MS,
  );
});
