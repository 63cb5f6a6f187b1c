import { parseRankPeriod, rankPeriodId, rankPeriodLabel } from '../../core/calendar/periods.js';
import { planTables } from '../../core/table/merge.js';
import { isRefused, rankingSummary, scoreJob } from '../../core/jobs/score.js';
import { formatMessage, message, type Locale } from '../../core/issues/issue.js';
import { addinText } from '../messages.js';
import {
  hostOf,
  type PaneHost,
  type PaneResult,
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
  const period = parseRankPeriod(periodText.trim());
  if (!period) return refused(addinText('rank.badPeriod', locale, { text: periodText }));
  const host = hostOf(excel);

  const opened = await openMaster(host, locale);
  if ('why' in opened) return refused(opened.why);
  const { master, calendar } = opened;
  const outcome = scoreJob({ data: master.data, issues: master.issues, period, calendar, locale });
  // A period with no data is refused, never ranked: nothing is written (DOMAIN §4).
  if (isRefused(outcome)) return refused(message(outcome.refused, locale));
  // Into the result sheets as they are: a person's columns and notes there stay.
  const { writes, notes } = planTables(opened.grid, outcome.tables, outcome.placeholders);
  // Result sheets nobody types into: no drop-down lists (as before).
  await host.writeTables(writes, outcome.placeholders, { dropDowns: false });
  const r = rankingSummary(outcome);
  // The sheets said as the workbook names them, in either language (「代办员考核结果」…).
  const sheets = r.sheets.map((name) => formatMessage('values.quoted', { name }, 'zh')).join('');
  const list = (names: readonly string[]): string =>
    names.join(formatMessage('values.listSeparator', {}, 'zh'));
  // The period as people write it: 2026年第三季度 in Chinese, 2026Q3 in English.
  const label = locale === 'en' ? rankPeriodId(period) : rankPeriodLabel(period);
  return {
    ...(r.sheets[0] && { sheet: r.sheets[0] }),
    summary:
      r.agents !== undefined
        ? addinText('rank.doneQuarter', locale, { period: label, agents: r.agents, units: r.units, sheets })
        : addinText('rank.doneHalf', locale, { period: label, units: r.units, sheets }),
    lines: [
      ...(r.praised.length > 0 ? [addinText('rank.praised', locale, { units: list(r.praised) })] : []),
      ...(r.criticised.length > 0
        ? [addinText('rank.criticised', locale, { units: list(r.criticised) })]
        : []),
      ...r.actions.map((a) =>
        addinText('rank.action', locale, {
          unit: a.unit,
          streak: a.streak,
          action: formatMessage(`say.score.${a.action}`, {}, locale),
        }),
      ),
      ...(r.rowsNotCounted > 0 ? [addinText('rank.problems', locale, { count: r.rowsNotCounted })] : []),
      ...outcome.notes.map((w) => finding(w, locale)),
      ...notes.map((n) => message(n, locale)),
      ...layoutNotes(host, locale),
    ],
    ok: true,
  };
}
