import { planTables } from '../../core/table/merge.js';
import { message, type Locale } from '../../core/issues/issue.js';
import type { IssueCode } from '../../core/issues/codes.js';
import { importHolidays } from '../../core/jobs/holidays.js';
import { paneMessage } from '../findings.js';
import { paneText } from '../wording.js';
import {
  hostOf,
  type PaneHost,
  type PaneResult,
  openMaster,
  refused,
  layoutNotes,
  dropDownNotes,
  finding,
} from './common.js';

/**
 * 导入放假通知: the State Council's holiday notice, pasted as text, into this master's 节假日 rows,
 * as `kpd holidays import` does (DOMAIN §3): what was read, item by item; rows of the notice's
 * dates replaced, the office's other rows kept; a notice with errors writes nothing.
 */
export async function importHolidayNotice(
  excel: PaneHost,
  text: string,
  yearText = '',
  locale: Locale = 'zh',
): Promise<PaneResult> {
  const say = (code: IssueCode, params: Readonly<Record<string, string | number>> = {}): string =>
    paneText(code, params, locale);
  if (text.trim() === '') return refused(say('holidays.pasteFirst'));
  const y = yearText.trim();
  if (y !== '' && !/^\d{4}$/u.test(y)) return refused(say('holidays.badYear', { value: y }));
  const host = hostOf(excel);

  const opened = await openMaster(host, locale);
  if ('why' in opened) return refused(opened.why);
  const job = importHolidays({
    text,
    locale,
    ...(y !== '' && { year: Number(y) }),
    existing: opened.master.data.holidays,
  });
  const lines = [
    ...job.issues.filter((i) => i.severity !== 'info').map((i) => finding(i, locale)),
    ...job.issues.filter((i) => i.severity === 'info').map((i) => paneMessage(i, locale)),
  ];
  const errors = job.issues.filter((i) => i.severity === 'error').length;
  if (!job.ok || job.year === undefined)
    return { summary: say('holidays.nothingWrittenPane', { count: errors }), lines, ok: false };
  // Into 节假日 as it is: the notice's dates replaced where they stand, the office's rows kept;
  // 类型 keeps its 休 / 班 list where Excel can set one (ExcelApi 1.8).
  const { writes, notes } = planTables(opened.grid, job.tables, new Map());
  await host.writeTables(writes, new Map(), { dropDowns: true });
  return {
    ...(job.tables[0] && { sheet: job.tables[0].sheet.name }),
    summary: say('holidays.wrotePane', { year: job.year, ...job.counts }),
    lines: [
      ...lines,
      ...notes.map((n) => message(n, locale)),
      ...layoutNotes(host, locale),
      ...dropDownNotes(host, locale),
    ],
    ok: true,
  };
}
