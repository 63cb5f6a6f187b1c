import { CHART_COLORS, type ChartSpec } from '../document/chart.js';
import type { DocText } from '../document/text.js';
import { SUMMARY } from '../schema/bulletin.js';
import { SUMMARY_GROUP } from '../rules/vocab.js';
import type { Bulletin } from './model.js';

/**
 * The bulletin's two charts, from the 汇总 rows by HQ: cumulative completion against the 序时
 * line, and the count of projects 正常 / 预警 / 滞后. The same specs give the workbook's native
 * charts (pointing at those rows) and the 公文's pictures (beside a table of the same numbers).
 */
export function bulletinCharts(b: Bulletin, t: DocText): ChartSpec[] {
  const byHq = b.summary.filter((l) => l.group === SUMMARY_GROUP.byHq);
  const source = { sheet: SUMMARY, category: 'name', where: { column: 'group', value: SUMMARY_GROUP.byHq } };
  const categories = byHq.map((l) => l.name);
  return [
    {
      id: 'hq-rate',
      title: t('doc.bulletin.chart.rate'),
      kind: 'column',
      categories,
      format: 'percent',
      source,
      series: [
        {
          name: t('doc.col.rate'),
          values: byHq.map((l) => l.rate ?? null),
          color: CHART_COLORS.bar,
          column: 'rate',
        },
        {
          name: t('doc.col.fraction'),
          values: byHq.map((l) => l.fraction),
          color: CHART_COLORS.line,
          as: 'line',
          column: 'fraction',
        },
      ],
    },
    {
      id: 'hq-status',
      title: t('doc.bulletin.chart.status'),
      kind: 'stacked',
      categories,
      format: 'integer',
      source,
      series: [
        {
          name: t('doc.col.normal'),
          values: byHq.map((l) => l.statuses.正常),
          color: CHART_COLORS.normal,
          column: 'normal',
        },
        {
          name: t('doc.col.warning'),
          values: byHq.map((l) => l.statuses.预警),
          color: CHART_COLORS.warning,
          column: 'warning',
        },
        {
          name: t('doc.col.late'),
          values: byHq.map((l) => l.statuses.滞后),
          color: CHART_COLORS.behind,
          column: 'lagging',
        },
      ],
    },
  ];
}
