import { extname } from 'node:path';
import type { DayOverride } from '../core/calendar/workdays.js';
import { holidaySheet, readDayOverrides } from '../core/master/holidays.js';
import { HOLIDAYS } from '../core/schema/master.js';
import { issue, message, type Issue, type Locale } from '../core/issues/issue.js';
import { loadCsv, loadWorkbook } from '../adapters/files.js';
import { UsageError } from './io.js';
import { say } from './say.js';

/** Holiday entries from a --holidays file: CSV, or an .xlsx with a 节假日 sheet. */
export async function loadHolidayFile(
  file: string,
  locale: Locale,
): Promise<{ days: DayOverride[]; issues: readonly Issue[] }> {
  if (extname(file).toLowerCase() === '.csv') {
    try {
      return readDayOverrides(await loadCsv(file));
    } catch {
      throw new UsageError(say('cli.holidayFileUnreadable', locale, { file }));
    }
  }
  const r = await loadWorkbook(file);
  // Why it cannot be used, as for any workbook (不存在、旧版 .xls 请另存为 .xlsx、已损坏 …).
  if (!r.ok)
    throw new UsageError(say('cli.holidayFileUnusable', locale, { file, reason: message(r.issue, locale) }));
  const sheet = holidaySheet(r.value.workbook);
  if (!sheet) {
    return { days: [], issues: [issue('sheet.missing', {}, { sheet: HOLIDAYS.name })] };
  }
  return readDayOverrides(sheet);
}
