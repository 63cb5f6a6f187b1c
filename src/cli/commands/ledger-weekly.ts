import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { WorkCalendar } from '../../core/calendar/workdays.js';
import { importWeeklyReports, isWeeklyReport, type WeeklyFile } from '../../core/ledger/weekly.js';
import { WEEKLY_LOG } from '../../core/schema/weekly.js';
import { formatMessage, location, message, type Locale } from '../../core/issues/issue.js';
import { loadWorkbook, sameFile, writeAtomic } from '../../adapters/files.js';
import { writeTablesInto } from '../../adapters/results.js';
import { planTables } from '../../core/table/merge.js';
import { loadMaster, outputPath } from '../context.js';
import { EXIT, UsageError, type ExitCode, type Io } from '../io.js';
import { PUNCTUATION } from '../say.js';

/**
 * `kpd ledger import 周报.xlsx… --into 总台账.xlsx --out 新总台账.xlsx` when the files are agents'
 * weekly reports (代办员周报): their lines go to the master's 代办周报记录. Returns undefined
 * when the first file is not a weekly report (the bulletin import then takes it).
 */
export async function importWeeklyCommand(
  files: readonly string[],
  opts: {
    readonly into?: string | undefined;
    readonly out?: string | undefined;
    readonly json?: boolean | undefined;
  },
  io: Io,
  locale: Locale,
): Promise<ExitCode | undefined> {
  const [first] = files;
  if (first === undefined) return undefined;
  const firstLoaded = await loadWorkbook(resolve(io.cwd, first));
  if (!firstLoaded.ok || !isWeeklyReport(firstLoaded.value.workbook)) return undefined;
  const missing = (option: string, example: string): UsageError =>
    new UsageError(formatMessage('paper.missingOption', { option, example }, locale));
  if (!opts.into) throw missing('--into', formatMessage('example.master', {}, locale));
  if (!opts.out) throw missing('--out', formatMessage('example.newMaster', {}, locale));
  const masterPath = resolve(io.cwd, opts.into);
  const out = outputPath(io.cwd, opts.out, locale);
  for (const input of [masterPath, ...files.map((f) => resolve(io.cwd, f))])
    if (await sameFile(out, input))
      throw new UsageError(formatMessage('paper.sameFile', { file: input }, locale));

  const reports: WeeklyFile[] = [];
  for (const f of files) {
    const r = await loadWorkbook(resolve(io.cwd, f));
    if (!r.ok) throw new UsageError(`${f}${PUNCTUATION[locale].colon}${message(r.issue, locale)}`);
    reports.push({ file: f, workbook: r.value.workbook });
  }
  const { loaded, master } = await loadMaster(masterPath, locale);
  const result = importWeeklyReports(
    reports,
    loaded.workbook,
    master.data,
    new WorkCalendar(master.data.holidays),
  );
  // Into the sheet as the office left it: columns and notes a person added there stay (issue 18).
  const { writes } = planTables(
    loaded.workbook,
    [{ sheet: WEEKLY_LOG, rows: result.rows, whole: true }],
    new Map(),
  );
  await writeAtomic(out, await writeTablesInto(await readFile(masterPath), writes));

  for (const i of result.issues) {
    const file = String(i.params['file'] ?? '');
    const text =
      i.severity === 'error' && i.row !== undefined
        ? formatMessage(
            'weekly.rowRejected',
            { file, where: location(i, locale), message: message(i, locale) },
            locale,
          )
        : `${file ? `${file} ${location(i, locale)}${PUNCTUATION[locale].colon}` : ''}${message(i, locale)}`;
    (i.severity === 'info' ? io.out : io.err)(text + '\n');
  }
  if (opts.json) io.out(JSON.stringify({ weeklyReports: result.counts }) + '\n');
  else io.out(formatMessage('weekly.imported', { ...result.counts, file: opts.out }, locale) + '\n');
  return EXIT.ok;
}
