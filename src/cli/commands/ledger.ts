import { resolve } from 'node:path';
import { parseCommandArgs } from '../args.js';
import { importBulletin } from '../../core/ledger/import.js';
import { reportPeriodId } from '../../core/calendar/periods.js';
import { planTables, withinLimits } from '../../core/table/merge.js';
import { jsonText, visible } from '../../core/values/visible.js';
import { guardOutput, reportPeriodOption, requireExisting, usageError } from '../guard.js';
import { importedLine } from '../../core/jobs/ledger-import.js';
import { identifyTemplate, isIssue } from '../../core/workbook/identify.js';
import { formatMessage, message, SEVERITY_LABEL, type Issue, type Locale } from '../../core/issues/issue.js';
import type { WorkbookGrid } from '../../core/values/grid.js';
import type { MasterData } from '../../core/master/types.js';
import { loadWorkbook, writeAtomic } from '../../adapters/files.js';
import { writeSheetsInto, writeTablesInto } from '../../adapters/results.js';
import { tablesJson } from '../format.js';
import { loadMaster, outputPath, runBudget } from '../context.js';
import { importWeeklyCommand } from './ledger-weekly.js';
import { DECISIONS } from '../../core/schema/master.js';
import { importDecisions } from '../../core/ledger/decisions.js';
import { DECISION_FORM } from '../../core/schema/decisions.js';
export { LEDGER_USAGE } from '../usage.js';
import { EXIT, UsageError, type ExitCode, type Io } from '../io.js';
import { localeOf } from '../lang.js';
import { PUNCTUATION } from '../say.js';

const OPTIONS = {
  into: { type: 'string' },
  out: { type: 'string' },
  period: { type: 'string' },
  json: { type: 'boolean' },
  lang: { type: 'string' },
} as const;

export async function ledgerCommand(argv: readonly string[], io: Io): Promise<ExitCode> {
  const { values, positionals } = parseCommandArgs({
    args: [...argv],
    allowPositionals: true,
    options: OPTIONS,
  });
  const locale = localeOf(values.lang, io.env);
  const [verb, file] = positionals;
  // Agents' weekly reports (代办员周报) have their own ledger, 代办周报记录.
  if (verb === 'import') {
    const weekly = await importWeeklyCommand(positionals.slice(1), values, io, locale);
    if (weekly !== undefined) return weekly;
  }
  if (verb !== 'import' || file === undefined || positionals.length !== 2) {
    throw usageError('cli.ledgerUsage', {}, locale);
  }
  if (!values.into || !values.out) throw usageError('cli.ledgerNeedIntoOut', {}, locale);
  const period = values.period !== undefined ? reportPeriodOption(values.period, locale) : undefined;
  await requireExisting([file, values.into], io.cwd, locale);
  const masterPath = resolve(io.cwd, values.into);
  const out = outputPath(io.cwd, values.out, locale);
  const bulletinPath = resolve(io.cwd, file);
  const { colon } = PUNCTUATION[locale];
  await guardOutput(io.cwd, values.out, [values.into, file], locale, 'example.newMaster');
  const budget = runBudget(io.env);
  const bulletin = await loadWorkbook(bulletinPath, budget);
  if (!bulletin.ok) throw new UsageError(`${visible(file)}${colon}${message(bulletin.issue, locale)}`);
  const { loaded, master, bytes: masterBytes } = await loadMaster(masterPath, locale, budget, true);
  // A 周例会议定事项 workbook goes into 督办事项; anything else is read as a bulletin.
  if (!isIssue(identifyTemplate(bulletin.value.workbook, [DECISION_FORM]))) {
    const said = await decisionsInto(bulletin.value.workbook, master.data, masterBytes, out);
    if (isIssue(said)) throw new UsageError(`${visible(file)}${colon}${message(said, locale)}`);
    for (const i of said.issues) io.err(`${message(i, locale)}\n`);
    const c = said.counts;
    io.out(
      values.json
        ? jsonText({ meeting: said.meeting, imported: { decisions: c.added + c.updated }, ...c }) + '\n'
        : decisionsLine(said, values.out, locale) + '\n',
    );
    return EXIT.ok;
  }
  const result = importBulletin(bulletin.value.workbook, master.data, period && reportPeriodId(period));
  if (isIssue(result)) throw new UsageError(`${visible(file)}${colon}${message(result, locale)}`);
  // Only the period's rows, merged into the ledgers as they are: what a person added there stays.
  // Within Excel's limits, what was left out said (as for the bulletin).
  const capped = withinLimits(result.tables);
  const { writes, notes } = planTables(loaded.workbook, capped.jobs, new Map());
  await writeAtomic(out, await writeTablesInto(masterBytes, writes));
  for (const o of capped.overflow)
    io.err(
      `${formatMessage('run.warning', { text: formatMessage('output.sheetCapped', { sheet: o.sheet, total: o.total, kept: o.kept, omitted: o.total - o.kept }, locale) }, locale)}\n`,
    );

  for (const i of result.issues)
    io.err(`${SEVERITY_LABEL[i.severity][locale]}${colon}${message(i, locale)}\n`);
  const c = result.counts;
  if (values.json) io.out(jsonText(ledgerJson(result, writes, notes, locale)) + '\n');
  else {
    io.out(`${importedLine(result.period, c, locale)}\n`);
    io.out(`${formatMessage('ledgerOut.wroteKept', { path: values.out }, locale)}\n`);
    for (const n of notes) io.out(`${message(n, locale)}\n`);
  }
  return EXIT.ok;
}

/** A 周例会议定事项 workbook into 督办事项 of a copy of the master: what it holds, or why not. */
async function decisionsInto(
  workbook: WorkbookGrid,
  master: MasterData,
  masterBytes: Uint8Array,
  out: string,
): Promise<Issue | Exclude<ReturnType<typeof importDecisions>, Issue>> {
  const d = importDecisions(workbook, master);
  if (isIssue(d)) return d;
  await writeAtomic(out, await writeSheetsInto(masterBytes, [{ sheet: DECISIONS, rows: d.decisions }]));
  return d;
}

function decisionsLine(
  d: Exclude<ReturnType<typeof importDecisions>, Issue>,
  path: string,
  locale: Locale,
): string {
  const c = d.counts;
  const unused = c.unused > 0 ? formatMessage('decisions.unusedNumbers', { n: c.unused }, locale) : '';
  return formatMessage(
    'decisions.imported',
    { meeting: d.meeting, added: c.added, updated: c.updated, unused, path },
    locale,
  );
}

/** kpd ledger import --json: what was imported, replaced and kept. */
function ledgerJson(
  result: Exclude<ReturnType<typeof importBulletin>, Issue>,
  writes: Parameters<typeof tablesJson>[0],
  notes: readonly Issue[],
  locale: Locale,
) {
  const c = result.counts;
  return {
    period: result.period,
    imported: {
      progress: c.progress,
      submissions: c.submissions,
      siteVisits: c.siteVisits,
      ...(c.siteWeeks > 0 && { siteWeeks: c.siteWeeks }),
    },
    replaced: c.replaced,
    tables: tablesJson(writes),
    notes: notes.map((n) => ({ code: n.code, sheet: n.sheet ?? null, message: message(n, locale) })),
  };
}
