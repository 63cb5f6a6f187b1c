import { resolve } from 'node:path';
import { parseCommandArgs } from '../args.js';
import { rankPeriodId, type RankPeriod } from '../../core/calendar/periods.js';
import { jsonText } from '../../core/values/visible.js';
import { guardOutput, rankPeriodOption, requireExisting } from '../guard.js';
import { rankPeriodLabel } from '../../core/calendar/periods.js';
import { rankingChart } from '../../core/scoring/charts.js';
import { docText } from '../../core/document/text.js';
import { addChartsToPackage } from '../../adapters/xlsx-charts/finished.js';
import { isRefused, scoreJob } from '../../core/jobs/score.js';
import { formatMessage, message, SEVERITY_LABEL, type Issue, type Locale } from '../../core/issues/issue.js';
import type { WorkbookGrid } from '../../core/values/grid.js';
import { sameFile, writeAtomic } from '../../adapters/files.js';
import { writeTablesInto } from '../../adapters/results.js';
import { planTables, withinLimits } from '../../core/table/merge.js';
import { calendarContext, loadMaster, outputPath, runBudget, yearWarnings } from '../context.js';
export { SCORE_USAGE } from '../usage.js';
import { EXIT, UsageError, type ExitCode, type Io } from '../io.js';
import { localeOf } from '../lang.js';
import { formatScore, scoreJson } from '../render-score.js';
import { PUNCTUATION, say, warningLine } from '../say.js';

const OPTIONS = {
  period: { type: 'string' },
  out: { type: 'string' },
  json: { type: 'boolean' },
  holidays: { type: 'string' },
  lang: { type: 'string' },
} as const;

export async function scoreCommand(argv: readonly string[], io: Io): Promise<ExitCode> {
  const { values, positionals } = parseCommandArgs({
    args: [...argv],
    allowPositionals: true,
    options: OPTIONS,
  });
  const locale = localeOf(values.lang, io.env);
  const { period, masterPath, out } = await scorePaths(values, positionals, io, locale);
  const budget = runBudget(io.env);
  const { loaded, master, bytes: masterBytes } = await loadMaster(masterPath, locale, budget, true);
  const ctx = await calendarContext(
    { master, holidays: values.holidays && resolve(io.cwd, values.holidays) },
    locale,
  );
  const calendar = ctx.calendar;
  const outcome = scoreJob({
    data: master.data,
    issues: [...master.issues, ...ctx.issues],
    period,
    calendar,
    locale,
  });
  // A period with no data is refused (DOMAIN §4): nothing written, 排名历史 untouched.
  if (isRefused(outcome)) {
    io.err(`${message(outcome.refused, locale)}\n`);
    return EXIT.unusable;
  }
  const { agents, units, issues, notes } = outcome;
  const warnings: Issue[] = yearWarnings(calendar, [period.year]);
  const id = rankPeriodId(period);
  const tableNotes = await writeScored(
    outcome,
    { workbook: loaded.workbook, bytes: masterBytes },
    out,
    period,
    io,
    locale,
  );
  for (const w of notes)
    io.err(`${SEVERITY_LABEL[w.severity][locale]}${PUNCTUATION[locale].colon}${message(w, locale)}\n`);
  if (period.kind === 'H') io.err(say('say.score.halfYear', locale) + '\n');
  if (values.json)
    // What was kept of a person's additions to the result sheets is said with the findings.
    io.out(jsonText(scoreJson(id, agents, units, [...warnings, ...issues, ...tableNotes], locale)) + '\n');
  else {
    io.out(formatScore(id, outcome, values.out ?? '', locale));
    for (const n of tableNotes) io.out(`${message(n, locale)}\n`);
  }
  return EXIT.ok;
}

/** The command line checked before anything is read: one master, a period, an --out that is not an input. */
async function scorePaths(
  values: { period?: string; out?: string; holidays?: string },
  positionals: readonly string[],
  io: Io,
  locale: Locale,
): Promise<{ period: RankPeriod; masterPath: string; out: string }> {
  if (positionals.length !== 1) throw new UsageError(say('cli.oneMaster', locale));
  if (!values.period) throw new UsageError(say('cli.rankPeriodMissing', locale));
  const period = rankPeriodOption(values.period, locale);
  if (!values.out) throw new UsageError(say('cli.scoreOutMissing', locale));
  const masterPath = resolve(io.cwd, positionals[0] ?? '');
  await requireExisting(
    [positionals[0] ?? '', ...(values.holidays ? [values.holidays] : [])],
    io.cwd,
    locale,
  );
  const out = outputPath(io.cwd, values.out, locale);
  if (await sameFile(out, masterPath)) {
    throw new UsageError(say('cli.outIsMaster', locale));
  }
  await guardOutput(io.cwd, values.out, [positionals[0], values.holidays], locale, 'example.scores');
  return { period, masterPath, out };
}

/**
 * The result sheets written into a copy of the master as they are (a person's columns and notes
 * there stay; within Excel's limits, what was left out said), with 单位考评排名's chart beside its
 * table; the notes of what was kept.
 */
async function writeScored(
  outcome: Exclude<ReturnType<typeof scoreJob>, { refused: unknown }>,
  master: { workbook: WorkbookGrid; bytes: Uint8Array },
  out: string,
  period: RankPeriod,
  io: Io,
  locale: Locale,
): Promise<readonly Issue[]> {
  const { units, tables, placeholders } = outcome;
  const capped = withinLimits(tables);
  const { writes, notes } = planTables(master.workbook, capped.jobs, placeholders);
  const written = await writeTablesInto(master.bytes, writes, placeholders);
  // 单位考评排名 as a chart beside its table: the praised in green, the criticised in red.
  const chart = rankingChart(units, rankPeriodLabel(period), docText(locale));
  const charted = addChartsToPackage(written, [chart]);
  await writeAtomic(out, charted.bytes);
  for (const s of charted.skipped)
    io.err(warningLine(formatMessage('chart.notPlaced', { sheet: s.sheet }, locale), locale));
  for (const o of capped.overflow) {
    const params = { sheet: o.sheet, total: o.total, kept: o.kept, omitted: o.total - o.kept };
    io.err(warningLine(formatMessage('output.sheetCapped', params, locale), locale));
  }
  return notes;
}
