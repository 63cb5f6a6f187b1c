import { type WorkbookDelivery } from '../../adapters/office/host.js';
import { parseDate } from '../../core/values/parse.js';
import { formatMessage, message, type Locale } from '../../core/issues/issue.js';
import { isIssue } from '../../core/workbook/identify.js';
import { progressChart } from '../../core/jobs/chart.js';
import { CHART_TEXT } from '../../core/schema/chart.js';
import { fillText } from '../../core/paper/text.js';
import { hostOf, type PaneHost, type PaneResult, openMaster, refused, finding } from './common.js';

/**
 * 进度图 (挂图作战): this master's 节点计划 as the printable A3 progress chart `kpd chart` makes
 * (the same job), opened as a new workbook or downloaded; the master is not changed. The
 * spreadsheet writer is loaded only when asked for (a chunk of its own in the page's bundle).
 */
export async function progressChartPaper(
  excel: PaneHost,
  dayText: string,
  /** As for mergeReports: used only when `excel` is Excel's batch runner. */
  deliver: WorkbookDelivery | undefined,
  locale: Locale = 'zh',
): Promise<PaneResult> {
  const day = parseDate(dayText.trim());
  if (!day.ok) return refused(formatMessage('chart.paneDay', { value: dayText }, locale));
  const host = hostOf(excel, deliver);
  const opened = await openMaster(host, locale);
  if ('why' in opened) return refused(opened.why);
  const job = progressChart(opened.master.data, { on: day.value });
  if (isIssue(job)) return refused(message(job, locale));
  const { result, book, issues } = job;
  const { paperBytes } = await import('../../adapters/exceljs/paper.js');
  const fileName = fillText(CHART_TEXT.paneFile, { day: day.value });
  const bytes = await paperBytes(book, new Date());
  const inNew = (await host.deliver(bytes, fileName)) === 'opened';
  const how = formatMessage(inNew ? 'chart.paneOpened' : 'chart.paneDownloaded', {}, locale);
  return {
    summary: formatMessage(
      'chart.paneDone',
      { day: day.value, how, file: fileName, hqs: result.sheets.length, ...result.totals },
      locale,
    ),
    lines: [
      ...result.sheets.map((x) =>
        formatMessage(
          'chart.sheet',
          { ...x, unit: formatMessage(`paper.unit.${x.unit}`, {}, locale) },
          locale,
        ),
      ),
      ...issues.map((i) => finding(i, locale)),
    ],
    ok: true,
  };
}
