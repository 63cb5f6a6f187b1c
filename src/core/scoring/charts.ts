import { CHART_COLORS, type ChartSpec } from '../document/chart.js';
import type { DocText } from '../document/text.js';
import { UNIT_RANKING } from '../schema/results.js';
import type { UnitRanking } from './types.js';

/**
 * 单位考评排名 as a chart: each unit's total in rank order, the praised in green and the
 * criticised in red (五、考核问责), pointing at the sheet's 责任单位 and 总分 columns.
 */
export function rankingChart(u: UnitRanking, periodLabel: string, t: DocText): ChartSpec {
  const color = { praise: CHART_COLORS.normal, criticize: CHART_COLORS.behind } as const;
  return {
    id: 'unit-totals',
    title: t('doc.score.chart', { period: periodLabel }),
    kind: 'bar',
    categories: u.units.map((r) => r.unit),
    format: 'number',
    source: { sheet: UNIT_RANKING, category: 'unit' },
    series: [
      {
        name: t('doc.score.total'),
        values: u.units.map((r) => r.total),
        color: CHART_COLORS.bar,
        column: 'total',
      },
    ],
    pointColors: u.units.map((r) => (r.outcome ? color[r.outcome] : CHART_COLORS.neutral)),
    pointLegend: [
      { color: color.praise, label: t('doc.score.praised') },
      { color: color.criticize, label: t('doc.score.criticised') },
      { color: CHART_COLORS.neutral, label: t('doc.score.other') },
    ],
  };
}
