import { readFile } from 'node:fs/promises';
import { extname, resolve } from 'node:path';
import { parseCommandArgs } from '../args.js';
import { importHolidays, type HolidayImport } from '../../core/jobs/holidays.js';
import { message, SEVERITY_LABEL, type Issue, type Locale } from '../../core/issues/issue.js';
import { decodeText, sameFile, writeAtomic } from '../../adapters/files.js';
import { writeTablesInto } from '../../adapters/results.js';
import { planTables } from '../../core/table/merge.js';
import { loadMaster, outputPath } from '../context.js';
import { issueJson } from '../format.js';
export { HOLIDAYS_USAGE } from '../usage.js';
import { EXIT, UsageError, type ExitCode, type Io } from '../io.js';
import { localeOf } from '../lang.js';
import { PUNCTUATION, say } from '../say.js';

const OPTIONS = {
  year: { type: 'string' },
  into: { type: 'string' },
  out: { type: 'string' },
  csv: { type: 'string' },
  json: { type: 'boolean' },
  lang: { type: 'string' },
} as const;

/** Where the notice is read from and written to: paths resolved, as the person typed them too. */
interface HolidayPaths {
  readonly notice: string;
  /** The notice's name as typed. */
  readonly file: string;
  readonly master?: string | undefined;
  readonly out?: { readonly path: string; readonly typed: string } | undefined;
  readonly csv?: { readonly path: string; readonly typed: string } | undefined;
}

/**
 * `kpd holidays import 通知.txt [--year 2027] --into 总台账.xlsx --out 新总台账.xlsx [--csv 节假日.csv]`:
 * the State Council's notice into the 节假日 sheet of a copy of the master, or a CSV, or both.
 */
export async function holidaysCommand(argv: readonly string[], io: Io): Promise<ExitCode> {
  const { values, positionals } = parseCommandArgs({
    args: [...argv],
    allowPositionals: true,
    options: OPTIONS,
  });
  const locale = localeOf(values.lang, io.env);
  const paths = await holidayPaths(values, positionals, io, locale);
  let text: string;
  try {
    text = decodeText(await readFile(paths.notice));
  } catch {
    throw new UsageError(say('holidays.unreadable', locale, { file: paths.file }));
  }
  const loaded = paths.master !== undefined ? await loadMaster(paths.master, locale) : undefined;
  const master = loaded?.master;
  const job = importHolidays({
    text,
    locale,
    ...(values.year !== undefined && { year: Number(values.year) }),
    ...(master && { existing: master.data.holidays }),
  });
  const written = job.ok && job.year !== undefined ? await writeHolidays(job, loaded, paths, locale) : [];
  const errors = job.issues.filter((i) => i.severity === 'error');
  if (values.json) {
    io.out(
      JSON.stringify({
        ok: job.ok,
        year: job.year ?? null,
        days: job.days.map((d) => ({ date: d.date, type: d.type, note: d.note ?? null })),
        counts: job.counts,
        issues: job.issues.map((i) => issueJson(i, locale)),
      }) + '\n',
    );
  } else io.out(formatHolidays(job.issues, written, locale));
  if (!job.ok) {
    io.err(say('holidays.nothingWritten', locale, { count: errors.length }) + '\n');
    return EXIT.findings;
  }
  return EXIT.ok;
}

/** The command line checked: one notice, somewhere to write, nothing written over an input. */
async function holidayPaths(
  values: { year?: string; into?: string; out?: string; csv?: string },
  positionals: readonly string[],
  io: Io,
  locale: Locale,
): Promise<HolidayPaths> {
  const [verb, file] = positionals;
  if (verb !== 'import' || file === undefined || positionals.length !== 2)
    throw new UsageError(say('holidays.usage', locale));
  if (values.year !== undefined && !/^\d{4}$/u.test(values.year.trim()))
    throw new UsageError(say('holidays.badYear', locale, { value: values.year }));
  const toMaster = values.into !== undefined || values.out !== undefined;
  if ((!toMaster && values.csv === undefined) || (toMaster && (!values.into || !values.out)))
    throw new UsageError(say('holidays.noOutput', locale));
  if (values.csv !== undefined && extname(values.csv).toLowerCase() !== '.csv')
    throw new UsageError(say('holidays.badCsvName', locale, { value: values.csv }));
  const notice = resolve(io.cwd, file);
  const master = values.into !== undefined ? resolve(io.cwd, values.into) : undefined;
  const out = values.out !== undefined ? outputPath(io.cwd, values.out, locale) : undefined;
  const csv = values.csv !== undefined ? resolve(io.cwd, values.csv) : undefined;
  for (const o of [out, csv])
    for (const input of [notice, master])
      if (o !== undefined && input !== undefined && (await sameFile(o, input)))
        throw new UsageError(say('holidays.overwrite', locale, { file: input }));
  return {
    notice,
    file,
    master,
    out: out !== undefined && values.out !== undefined ? { path: out, typed: values.out } : undefined,
    csv: csv !== undefined && values.csv !== undefined ? { path: csv, typed: values.csv } : undefined,
  };
}

/** The copy of the master and the CSV written; what was written, said. */
async function writeHolidays(
  job: HolidayImport,
  loaded: Awaited<ReturnType<typeof loadMaster>> | undefined,
  paths: HolidayPaths,
  locale: Locale,
): Promise<string[]> {
  const written: string[] = [];
  if (loaded && paths.master !== undefined && paths.out !== undefined) {
    // Into 节假日 as it is: the notice's dates replaced where they stand, the office's rows kept.
    const { writes, notes } = planTables(loaded.loaded.workbook, job.tables, new Map());
    await writeAtomic(paths.out.path, await writeTablesInto(await readFile(paths.master), writes));
    written.push(
      say('holidays.wroteMaster', locale, { file: paths.out.typed, year: job.year ?? '', ...job.counts }),
      ...notes.map((n) => message(n, locale)),
    );
  }
  if (paths.csv !== undefined) {
    await writeAtomic(paths.csv.path, job.csv);
    written.push(
      say('holidays.wroteCsv', locale, {
        file: paths.csv.typed,
        year: job.year ?? '',
        rows: job.days.length,
      }),
    );
  }
  return written;
}

/** What was read (item by item), then what is wrong or was replaced, then what was written. */
function formatHolidays(issues: readonly Issue[], written: readonly string[], locale: Locale): string {
  const lines = [
    ...issues.filter((i) => i.severity === 'info').map((i) => `  ${message(i, locale)}`),
    ...issues
      .filter((i) => i.severity !== 'info')
      .map((i) => `${SEVERITY_LABEL[i.severity][locale]}${PUNCTUATION[locale].colon}${message(i, locale)}`),
    ...written,
  ];
  return lines.join('\n') + '\n';
}
