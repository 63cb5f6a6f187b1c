import { parseRankPeriod, rankPeriodId, rankPeriodLabel } from '../../core/calendar/periods.js';
import { planTables } from '../../core/table/merge.js';
import { isRefused, scoreMaster } from '../../core/score/run.js';
import { ACTION_LABEL, OUTCOME_LABEL } from '../../core/scoring/labels.js';
import { message, type Locale } from '../../core/validate/issue.js';
import {
  hostOf,
  type PaneHost,
  type PaneResult,
  tr,
  openMaster,
  refused,
  layoutNotes,
  finding,
} from './common.js';

/** 计算排名: scores and ranks the period and writes the result sheets into this workbook. */
export async function computeRanking(
  excel: PaneHost,
  periodText: string,
  locale: Locale = 'zh',
): Promise<PaneResult> {
  const t = tr(locale);
  const period = parseRankPeriod(periodText.trim());
  if (!period)
    return {
      summary: t(
        `考评期「${periodText}」无法识别，请写成 2026Q3（季度）或 2026H2（半年）。`,
        `Period "${periodText}" not understood: write 2026Q3 (a quarter) or 2026H2 (a half-year).`,
      ),
      lines: [],
      ok: false,
    };
  const host = hostOf(excel);

  const opened = await openMaster(host, locale);
  if ('why' in opened) return refused(opened.why);
  const { master, calendar } = opened;
  const outcome = scoreMaster({
    data: master.data,
    issues: master.issues,
    period,
    calendar,
    locale,
  });
  // A period with no data is refused, never ranked: nothing is written (DOMAIN §4).
  if (isRefused(outcome)) return refused(message(outcome.refused, locale));
  // Into the result sheets as they are: a person's columns and notes there stay.
  const { writes, notes } = planTables(opened.grid, outcome.tables, outcome.placeholders);
  // Result sheets nobody types into: no drop-down lists (as before).
  await host.writeTables(writes, outcome.placeholders, { dropDowns: false });
  const units = outcome.units.units;
  const praised = units.filter((u) => u.outcome === 'praise').map((u) => u.unit);
  const criticised = units.filter((u) => u.outcome === 'criticize').map((u) => u.unit);
  const actions = units
    .filter((u) => u.action)
    .map((u) =>
      t(
        `${u.unit}：连续 ${u.lastPlaceStreak} 次倒数第一，${ACTION_LABEL[u.action ?? 'admonition']}`,
        `${u.unit}: last ${u.lastPlaceStreak} times in a row, ${ACTION_LABEL[u.action ?? 'admonition']}`,
      ),
    );
  const problems = outcome.issues.filter((i) => i.severity === 'error').length;
  const label = rankPeriodLabel(period);
  const sheets = outcome.tables.map((x) => `「${x.sheet.name}」`).join('');
  const agents = outcome.agents?.agents.length;
  return {
    ...(outcome.tables[0] && { sheet: outcome.tables[0].sheet.name }),
    summary: t(
      `${label}已计算：${agents !== undefined ? `代办员 ${agents} 名，` : ''}责任单位 ${units.length} 个。结果已写入${sheets}。`,
      `${rankPeriodId(period)} done: ${agents !== undefined ? `${agents} agents, ` : ''}${units.length} units. Results written to ${sheets}.`,
    ),
    lines: [
      ...(praised.length > 0 ? [`${t(OUTCOME_LABEL.praise, 'Praised')}：${praised.join('、')}`] : []),
      ...(criticised.length > 0
        ? [`${t(OUTCOME_LABEL.criticize, 'Criticised')}：${criticised.join('、')}`]
        : []),
      ...actions,
      ...(problems > 0
        ? [
            t(
              `有 ${problems} 行数据有误未计入，见「数据问题」。`,
              `${problems} rows with errors were not counted; see 「数据问题」.`,
            ),
          ]
        : []),
      ...outcome.notes.map((w) => finding(w, locale)),
      ...notes.map((n) => message(n, locale)),
      ...layoutNotes(host, locale),
    ],
    ok: true,
  };
}
