import { extname, resolve } from 'node:path';
import { WorkCalendar, type DayOverride } from '../core/calendar/workdays.js';
import { holidaySheet, readDayOverrides } from '../core/calendar/overrides.js';
import { calendarWarnings } from '../core/calendar/warnings.js';
import { readMaster, type MasterRead } from '../core/master/read.js';
import { findSheet } from '../core/grid.js';
import { MASTER, PROJECTS } from '../core/schema/master.js';
import { OUTPUTS, TEMPLATES } from '../core/schema/templates.js';
import { identifyTemplate, isIssue } from '../core/workbook/identify.js';
import { DEFAULT_RULES, type RuleSet } from '../core/rules/ruleset.js';
import { formatMessage, issue, message, type Issue } from '../core/validate/issue.js';
import { loadCsv, loadWorkbook, sameFile, type LoadedWorkbook } from '../adapters/files.js';
import { UsageError } from './io.js';
import { t } from './lang.js';
import type { Locale } from '../core/validate/issue.js';

/** Loads the master workbook, or says in Chinese why it cannot be used. */
export async function loadMaster(
  file: string,
  locale: Locale,
): Promise<{ loaded: LoadedWorkbook; master: MasterRead }> {
  const r = await loadWorkbook(file);
  if (!r.ok) {
    throw new UsageError(
      t(locale, `总台账「${file}」无法使用：`, `Master workbook "${file}" cannot be used: `) +
        message(r.issue, locale),
    );
  }
  // A report or a bulletin given as the master would read as an empty register: say so instead.
  const id = identifyTemplate(r.value.workbook, [...TEMPLATES, ...OUTPUTS]);
  const kind = isIssue(id) ? undefined : id.template;
  if (kind?.id !== MASTER.id && !(isIssue(id) && findSheet(r.value.workbook, PROJECTS.name))) {
    throw new UsageError(
      kind
        ? t(
            locale,
            `「${file}」不是总台账，而是「${kind.title}」。请给出总台账.xlsx。`,
            `"${file}" is not the master workbook but a "${kind.title}". Give the master with --master.`,
          )
        : t(
            locale,
            `「${file}」不是总台账：找不到「${PROJECTS.name}」表。请给出总台账.xlsx。`,
            `"${file}" is not the master workbook: it has no "${PROJECTS.name}" sheet.`,
          ),
    );
  }
  return { loaded: r.value, master: readMaster(r.value.workbook) };
}

/** Holiday entries from a --holidays file: CSV, or an .xlsx with a 节假日 sheet. */
export async function loadHolidayFile(
  file: string,
  locale: Locale,
): Promise<{ days: DayOverride[]; issues: readonly Issue[] }> {
  if (extname(file).toLowerCase() === '.csv') {
    try {
      return readDayOverrides(await loadCsv(file));
    } catch {
      throw new UsageError(
        t(
          locale,
          `无法读取节假日文件「${file}」：文件不存在或无权读取。`,
          `Cannot read holiday file "${file}".`,
        ),
      );
    }
  }
  const r = await loadWorkbook(file);
  // Why it cannot be used, as for any workbook (不存在、旧版 .xls 请另存为 .xlsx、已损坏 …).
  if (!r.ok)
    throw new UsageError(
      t(locale, `无法读取节假日文件「${file}」：`, `Cannot read holiday file "${file}": `) +
        message(r.issue, locale),
    );
  const sheet = holidaySheet(r.value.workbook);
  if (!sheet) {
    return { days: [], issues: [issue('sheet.missing', {}, { sheet: '节假日' })] };
  }
  return readDayOverrides(sheet);
}

export interface CalendarContext {
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
  if (extname(out).toLowerCase() !== '.xlsx')
    throw new UsageError(
      t(
        locale,
        `输出文件「${out}」应以 .xlsx 结尾（写出的是 .xlsx 工作簿），如 结果.xlsx。`,
        `The output "${out}" must end in .xlsx.`,
      ),
    );
  return resolve(cwd, out);
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
