import { extname, resolve } from 'node:path';
import { WorkCalendar, type DayOverride } from '../core/calendar/workdays.js';
import { calendarWarnings } from '../core/calendar/warnings.js';
import { readMaster, type MasterRead } from '../core/master/read.js';
import { notMasterIssue } from '../core/workbook/master-kind.js';
import { DEFAULT_RULES, type RuleSet } from '../core/rules/ruleset.js';
import { message, type Issue } from '../core/issues/issue.js';
import { loadWorkbook, sameFile, type LoadedWorkbook } from '../adapters/files.js';
import { byteBudget, RUN_BUDGET_BYTES, type ByteBudget } from '../adapters/budget.js';
import { verifyPackage } from '../adapters/received.js';
import { readFile, stat } from 'node:fs/promises';
import { formatMessage } from '../core/issues/issue.js';
import { visible } from '../core/values/visible.js';
import { UsageError } from './io.js';
import { loadHolidayFile } from './holiday-file.js';
import { say } from './say.js';
import type { Locale } from '../core/issues/issue.js';

/** Loads the master workbook, or says why it cannot be used. */
export async function loadMaster(
  file: string,
  locale: Locale,
  budget?: ByteBudget,
  /** The master's bytes will be copied into a result: every part of it is checked first. */
  forWriting = false,
): Promise<{ loaded: LoadedWorkbook; master: MasterRead; bytes: Uint8Array }> {
  const r = await loadWorkbook(file, budget);
  if (!r.ok)
    throw new UsageError(say('cli.masterUnusable', locale, { file, reason: message(r.issue, locale) }));
  // A report or a bulletin given as the master would read as an empty register: say so instead.
  const notMaster = notMasterIssue(r.value.workbook, file);
  if (notMaster) throw new UsageError(message(notMaster, locale));
  const problem = forWriting ? verifyPackage(r.value.bytes, budget) : undefined;
  if (problem)
    throw new UsageError(say('cli.masterUnusable', locale, { file, reason: message(problem, locale) }));
  return { loaded: r.value, master: readMaster(r.value.workbook), bytes: r.value.bytes };
}

interface CalendarContext {
  readonly calendar: WorkCalendar;
  readonly rules: RuleSet;
  readonly issues: readonly Issue[];
}

/** The working-day calendar: built-in data, then the master's 节假日 sheet, then --holidays. */
export async function calendarContext(
  opts: { master?: MasterRead | undefined; holidays?: string | undefined },
  locale: Locale,
): Promise<CalendarContext> {
  const days: DayOverride[] = [...(opts.master?.data.holidays ?? [])];
  const issues: Issue[] = [];
  if (opts.holidays) {
    const h = await loadHolidayFile(opts.holidays, locale);
    days.push(...h.days);
    issues.push(...h.issues);
  }
  return { calendar: new WorkCalendar(days), rules: opts.master?.data.rules ?? DEFAULT_RULES, issues };
}

/** The loud warnings for the years the holiday data does not (fully) cover. */
export function yearWarnings(cal: WorkCalendar, years: Iterable<number>): Issue[] {
  return calendarWarnings(cal, years);
}

/** The output workbook's path, resolved; a name that does not end in .xlsx is refused. */
export function outputPath(cwd: string, out: string, locale: Locale): string {
  if (extname(out).toLowerCase() !== '.xlsx') throw new UsageError(say('cli.outNotXlsx', locale, { out }));
  return resolve(cwd, out);
}

/**
 * A bulletin template named with --template, refused (exit 2) before it is filled when it is not
 * a workbook or when any entry passes the limits every received file is held to: a template with
 * a 1 GiB entry is never copied.
 */
export async function usableTemplate(
  path: string,
  shown: string,
  budget: ByteBudget,
  locale: Locale,
): Promise<Uint8Array> {
  const refuse = (reason: string): UsageError =>
    new UsageError(formatMessage('cli.templateUnusable', { file: visible(shown), reason }, locale));
  let bytes: Uint8Array;
  try {
    const st = await stat(path);
    budget.take(st.size, path);
    bytes = await readFile(path);
  } catch (e) {
    const code = (e as { code?: string }).code;
    throw refuse(
      code === 'file.runBudget'
        ? formatMessage('file.runBudget', { limit: `${Math.round(budget.limit / 1024 / 1024)} MB` }, locale)
        : formatMessage('file.notFound', {}, locale),
    );
  }
  const problem = verifyPackage(bytes, budget);
  if (problem) throw refuse(message(problem, locale));
  return bytes;
}

/**
 * The run's size budget (adapters/budget.ts): 1 GiB, or KPD_BUDGET_MB megabytes (for tests, and
 * for an office that must process more at once).
 */
export function runBudget(env: Readonly<Record<string, string | undefined>>): ByteBudget {
  const mb = Number(env['KPD_BUDGET_MB']);
  return byteBudget(Number.isFinite(mb) && mb > 0 ? mb * 1024 * 1024 : RUN_BUDGET_BYTES);
}

/** A .docx to write (a 公文): a Word file name, not one of the inputs or the other output. */
export async function documentPath(
  cwd: string,
  path: string,
  others: readonly string[],
  locale: Locale,
): Promise<string> {
  if (extname(path).toLowerCase() !== '.docx')
    throw new UsageError(formatMessage('doc.outExtension', { path }, locale));
  const full = resolve(cwd, path);
  for (const other of others)
    if (full === resolve(cwd, other) || (await sameFile(full, other)))
      throw new UsageError(formatMessage('doc.outIsInput', { path }, locale));
  return full;
}
