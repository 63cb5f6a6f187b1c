import { resolve } from 'node:path';
import { parseCommandArgs } from '../args.js';
import { rankPeriodId } from '../../core/calendar/periods.js';
import { jsonText } from '../../core/values/visible.js';
import { guardOutput, rankPeriodOption, requireExisting } from '../guard.js';
import { rankPeriodLabel } from '../../core/calendar/periods.js';
import { rankingChart } from '../../core/score/charts.js';
import { docText } from '../../core/document/text.js';
import { addChartsToPackage } from '../../adapters/xlsx-charts/finished.js';
import {
  ACTION_LABEL,
  OUTCOME_LABEL,
  type AgentAssessment,
  type UnitRanking,
} from '../../core/scoring/index.js';
import { CATEGORY_KEYS } from '../../core/rules/agent.js';
import { isRefused, scoreMaster } from '../../core/score/run.js';
import {
  formatMessage,
  message,
  SEVERITY_LABEL,
  type Issue,
  type Locale,
} from '../../core/validate/issue.js';
import { sameFile, writeAtomic } from '../../adapters/files.js';
import { writeTablesInto } from '../../adapters/results.js';
import { planTables, withinLimits } from '../../core/table/merge.js';
import { calendarContext, loadMaster, outputPath, runBudget, yearWarnings } from '../context.js';
export { SCORE_USAGE } from '../usage.js';
import { EXIT, UsageError, type ExitCode, type Io } from '../io.js';
import { localeOf, t } from '../lang.js';
import { table } from '../format.js';

const round2 = (n: number): number => Math.round(n * 100) / 100;

export async function scoreCommand(argv: readonly string[], io: Io): Promise<ExitCode> {
  const { values, positionals } = parseCommandArgs({
    args: [...argv],
    allowPositionals: true,
    options: {
      period: { type: 'string' },
      out: { type: 'string' },
      json: { type: 'boolean' },
      holidays: { type: 'string' },
      lang: { type: 'string' },
    },
  });
  const locale = localeOf(values.lang, io.env);
  if (positionals.length !== 1)
    throw new UsageError(t(locale, '请给出一个总台账文件。', 'Give one master workbook.'));
  if (!values.period)
    throw new UsageError(
      t(locale, '请用 --period 给出考评期，如 2026Q3 或 2026H2。', 'Give --period, e.g. 2026Q3 or 2026H2.'),
    );
  const period = rankPeriodOption(values.period, locale);
  if (!values.out)
    throw new UsageError(t(locale, '缺少 --out 考核结果.xlsx（不会修改原总台账）。', 'Missing --out.'));
  const masterPath = resolve(io.cwd, positionals[0] ?? '');
  await requireExisting(
    [positionals[0] ?? '', ...(values.holidays ? [values.holidays] : [])],
    io.cwd,
    locale,
  );
  const out = outputPath(io.cwd, values.out, locale);
  if (await sameFile(out, masterPath)) {
    throw new UsageError(
      t(
        locale,
        '--out 不能与总台账是同一个文件：原总台账不会被修改，结果写入副本。',
        '--out must differ from the master.',
      ),
    );
  }
  await guardOutput(io.cwd, values.out, [positionals[0], values.holidays], locale, '考核结果.xlsx');
  const budget = runBudget(io.env);

  const { loaded, master, bytes: masterBytes } = await loadMaster(masterPath, locale, budget, true);
  const ctx = await calendarContext(
    { master, holidays: values.holidays && resolve(io.cwd, values.holidays) },
    locale,
  );
  const calendar = ctx.calendar;
  const data = master.data;
  const outcome = scoreMaster({
    data,
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
  const { agents, units, issues, tables, placeholders, notes } = outcome;
  const warnings: Issue[] = yearWarnings(calendar, [period.year]);
  const id = rankPeriodId(period);
  // Into the result sheets as they are: a person's columns and notes there stay. Within Excel's
  // limits, what was left out said (as for the bulletin).
  const capped = withinLimits(tables);
  const { writes, notes: tableNotes } = planTables(loaded.workbook, capped.jobs, placeholders);
  const written = await writeTablesInto(masterBytes, writes, placeholders);
  // 单位考评排名 as a chart beside its table: the praised in green, the criticised in red.
  const chart = rankingChart(units, rankPeriodLabel(period), docText(locale));
  const charted = addChartsToPackage(written, [chart]);
  await writeAtomic(out, charted.bytes);
  for (const s of charted.skipped)
    io.err(
      `${t(locale, '警告', 'Warning')}：${formatMessage('chart.notPlaced', { sheet: s.sheet }, locale)}\n`,
    );
  for (const o of capped.overflow)
    io.err(
      `${t(locale, '警告', 'Warning')}：${formatMessage('output.sheetCapped', { sheet: o.sheet, total: o.total, kept: o.kept, omitted: o.total - o.kept }, locale)}\n`,
    );

  for (const w of notes) io.err(`${SEVERITY_LABEL[w.severity][locale]}：${message(w, locale)}\n`);
  if (period.kind === 'H') {
    io.err(
      t(
        locale,
        '说明：代办员按季度考核；半年期只计算单位排名。\n',
        'Note: agents are assessed per quarter; a half-year ranks units only.\n',
      ),
    );
  }
  if (values.json)
    // What was kept of a person's additions to the result sheets is said with the findings.
    io.out(jsonText(scoreJson(id, agents, units, [...warnings, ...issues, ...tableNotes], locale)) + '\n');
  else {
    io.out(formatScore(id, agents, units, issues, values.out, locale));
    for (const n of tableNotes) io.out(`${message(n, locale)}\n`);
  }
  return EXIT.ok;
}

export function scoreJson(
  period: string,
  agents: AgentAssessment | undefined,
  units: UnitRanking,
  warnings: readonly Issue[],
  locale: Locale,
) {
  return {
    period,
    agents: (agents?.agents ?? []).map((a) => ({
      name: a.name,
      level: a.level,
      scores: Object.fromEntries(CATEGORY_KEYS.map((k) => [k, round2(a.scores[k])])),
      total: round2(a.total),
      rank: a.rank,
      actions: a.actions.map((x) => x.label),
    })),
    units: units.units.map((u) => ({
      unit: u.unit,
      criteria: Object.fromEntries(Object.entries(u.criteria).map(([k, c]) => [k, round2(c.points)])),
      total: round2(u.total),
      rank: u.rank,
      outcome: u.outcome ?? null,
      lastPlaceStreak: u.lastPlaceStreak,
      action: u.action ?? null,
    })),
    // Every finding of the 数据问题 sheet, notes included (a date outside the quarter, a number
    // typed as text): the JSON lists what the sheet lists.
    warnings: warnings.map((w) => ({
      code: w.code,
      severity: w.severity,
      sheet: w.sheet ?? null,
      row: w.row ?? null,
      message: message(w, locale),
    })),
  };
}

export function formatScore(
  period: string,
  agents: AgentAssessment | undefined,
  units: UnitRanking,
  issues: readonly Issue[],
  out: string,
  locale: Locale,
): string {
  let s = '';
  if (agents) {
    s += t(locale, `代办员考核结果（${period}）\n`, `Agent assessment (${period})\n`);
    s += table(
      ['名次', '姓名', '级别', '政治', '业绩', '纪律', '评议', '廉政', '综合', '总分', '处理'],
      agents.agents.map((a) => [
        a.rank,
        a.name,
        a.level,
        ...CATEGORY_KEYS.map((k) => round2(a.scores[k])),
        round2(a.total),
        a.actions.map((x) => x.label).join('；'),
      ]),
    );
    s += '\n';
  }
  s += t(locale, `责任单位考评排名（${period}）\n`, `Unit ranking (${period})\n`);
  s += table(
    ['名次', '责任单位', '总分', '结果', '连续倒数第一', '处理'],
    units.units.map((u) => [
      u.rank,
      u.unit,
      round2(u.total),
      u.outcome ? OUTCOME_LABEL[u.outcome] : '',
      u.lastPlaceStreak || '',
      u.action ? ACTION_LABEL[u.action] : '',
    ]),
  );
  const problems = issues.filter((i) => i.severity === 'error').length;
  const notes = issues.length - problems;
  if (problems + notes > 0)
    s += t(
      locale,
      `\n${problems > 0 ? `有 ${problems} 行数据有误未计入；` : ''}${notes > 0 ? `另有 ${notes} 条提示（如日期不在考核期、数字以文本填写）；` : ''}详见结果中的「数据问题」表。\n`,
      `\n${problems} rows with errors were not counted, ${notes} notes; see 数据问题.\n`,
    );
  s += t(locale, `\n已生成 ${out}（原总台账未修改）\n`, `\nWrote ${out} (the master is unchanged)\n`);
  return s;
}
