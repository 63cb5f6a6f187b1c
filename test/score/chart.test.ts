import { mkdtemp } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { CHART_COLORS } from '../../src/core/document/chart.js';
import { cellsAt, chartsOf, type ChartRead } from '../helpers/charts.js';
import { exampleMaster, score, type ScoreRun } from '../helpers/merge-results.js';
import { checkOoxml, OOXML_TIMEOUT_MS, OOXML_TOOLS } from '../helpers/ooxml.js';
import { useTempDir } from '../helpers/tmp.js';
import { requireTool } from '../helpers/tools.js';
import { sheetOf } from '../helpers/xlsx.js';

/** kpd score's 单位考评排名 with its chart: every unit's total, the praised and criticised coloured. */
const tmp = useTempDir('kpd-score-chart-');
let dir: string;
let run: ScoreRun;
let chart: ChartRead | undefined;

beforeAll(async () => {
  dir = await mkdtemp(join(tmp(), 's-'));
  run = await score(dir, await exampleMaster(dir), '2026Q3', '结果.xlsx');
  [chart] = chartsOf(run.bytes);
}, 60_000);

describe('the ranking chart', () => {
  it('shows each unit total from the 单位考评排名 cells, in rank order', () => {
    const sheet = sheetOf(run.grid, '单位考评排名');
    const s = chart?.series[0];
    expect(chart?.title).toBe('责任单位综合考评总分（2026年第3季度）　■通报表扬　■通报批评　■其他单位');
    expect(s?.categories).toEqual(run.json.units.map((u) => u.unit));
    expect(cellsAt(sheet, s?.catRef ?? '')).toEqual(s?.categories);
    expect(cellsAt(sheet, s?.valRef ?? '')).toEqual(s?.values);
    expect(s?.values).toEqual(run.json.units.map((u) => u.total));
    expect(chart?.xml).toContain('<c:barDir val="bar"/>');
  });

  it('marks the praised green and the criticised red, as the 结果 column says', () => {
    const colors = chart?.series[0]?.pointColors ?? [];
    const sheet = sheetOf(run.grid, '单位考评排名');
    const header = sheet.rows.find((r) => r.includes('结果')) ?? [];
    const outcome = new Map(
      sheet.rows.map((r) => [r[header.indexOf('责任单位')], r[header.indexOf('结果')]]),
    );
    expect(colors).toHaveLength(run.json.units.length);
    chart?.series[0]?.categories.forEach((unit, i) => {
      const o = outcome.get(unit);
      const expected =
        o === '通报表扬'
          ? CHART_COLORS.normal
          : o === '通报批评'
            ? CHART_COLORS.behind
            : CHART_COLORS.neutral;
      expect(colors[i], unit).toBe(expected);
    });
    expect(colors.filter((c) => c === CHART_COLORS.normal).length).toBe(3);
    expect(colors.filter((c) => c === CHART_COLORS.behind).length).toBe(3);
  });

  it('is redrawn, not added again, when 计算排名 runs again on its result (another period)', async () => {
    const again = await score(dir, '结果.xlsx', '2026Q4', '再次.xlsx');
    const charts = chartsOf(again.bytes);
    expect(charts.map((c) => c.title)).toEqual([
      '责任单位综合考评总分（2026年第4季度）　■通报表扬　■通报批评　■其他单位',
    ]);
    expect(charts[0]?.series[0]?.values).toEqual(again.json.units.map((u) => u.total));
    const third = await score(dir, '再次.xlsx', '2026Q3', '第三次.xlsx');
    expect(chartsOf(third.bytes).map((c) => c.title)).toEqual([chart?.title]);
  });

  const ooxml = requireTool(...OOXML_TOOLS);
  ooxml.it(
    'keeps the master copy valid (ECMA-376, with the chart and drawing parts)',
    async () => {
      const r = await checkOoxml([join(dir, '结果.xlsx')]);
      expect(r.status, r.output).toBe(0);
    },
    OOXML_TIMEOUT_MS,
  );
});
