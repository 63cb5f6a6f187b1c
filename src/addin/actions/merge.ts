import { type WorkbookDelivery } from '../../adapters/office/host.js';
import { loadPrepared } from '../../adapters/received.js';
import { fillParts, zipFilledParts } from '../../adapters/xlsx-fill/parts.js';
import { assembleBulletin, bulletinContext, readSubmission } from '../../core/bulletin/index.js';
import { bulletinSheets } from '../../core/bulletin/render.js';
import { parseReportPeriod } from '../../core/calendar/periods.js';
import { instantToCst } from '../../core/calendar/dates.js';
import { formatMessage, type Locale } from '../../core/validate/issue.js';
import { bulletinCharts } from '../../core/bulletin/charts.js';
import { docText } from '../../core/document/text.js';
import type { OfficialDocument } from '../../core/document/model.js';
import { bulletinDocument } from '../../core/jobs/bulletin-document.js';
import { addCharts } from '../../adapters/xlsx-charts/index.js';
import { inSlices, rowsOfSubmission, type WorkProgress } from '../slices.js';
import { groupedRejections, paneMessage } from '../findings.js';
import {
  hostOf,
  type PaneHost,
  type PaneResult,
  tr,
  openMaster,
  refused,
  downloadedNote,
  type PickedFile,
  openPicked,
} from './common.js';

/** The half-month period whose bulletin is due next on or before today: 2026-11-1 from the 13th, 2026-11-2 from the 26th. */
export function currentReportPeriod(today: Date): string {
  const y = today.getFullYear();
  const m = today.getMonth() + 1;
  const d = today.getDate();
  if (d >= 26) return `${y}-${m}-2`;
  if (d >= 13) return `${y}-${m}-1`;
  return m === 1 ? `${y - 1}-12-2` : `${y}-${m - 1}-2`;
}

/**
 * 汇总通报: the half-month bulletin from the reports the clerk picked (.xlsx, .eml, .zip), merged
 * against this master exactly as `kpd merge` does, handed to `open` as a new workbook (the master
 * is not changed). The pane lists who is late, missing or unsigned, and every row not merged.
 */
export async function mergeReports(
  excel: PaneHost,
  periodText: string,
  picked: readonly PickedFile[],
  /** The bulletin template: the bundled one, or an office's own styled one (its file name given). */
  template: { readonly bytes: Uint8Array; readonly ownName?: string },
  /**
   * How the made workbook reaches the clerk when `excel` is Excel's batch runner: opened in Excel
   * (ExcelApi 1.8), else downloaded. A WorkbookHost delivers it itself (host.deliver).
   */
  deliver: WorkbookDelivery | undefined,
  locale: Locale = 'zh',
  /** Offers the bulletin as a 公文 (.docx) too, as kpd merge --doc writes it. */
  /** The line said of it: `doc.downloaded` unless the shell says where it went. */
  offerDocument?: (doc: OfficialDocument, fileName: string) => Promise<string | void>,
  /** Counts of the files read, and 取消 (the files are read in slices: the page never freezes). */
  progress?: WorkProgress,
): Promise<PaneResult> {
  const t = tr(locale);
  const period = parseReportPeriod(periodText.trim());
  if (!period)
    return refused(
      t(
        `报告期「${periodText}」无法识别：上半月写 2026-11-1，当月写 2026-11-2。`,
        `Period "${periodText}" not understood: 2026-11-1 (first half) or 2026-11-2 (whole month).`,
      ),
    );
  if (picked.length === 0)
    return refused(
      t(
        '请先选择收到的半月进展报表（可多选：.xlsx、.eml 邮件或 .zip 压缩包）。',
        'Choose the reports received first (.xlsx, .eml or .zip; several at once).',
      ),
    );
  const { items, ignored } = openPicked(picked);
  const host = hostOf(excel, deliver);
  // The bulletin made, or why not (the open workbook is no master, the template is unusable).
  const made = await (async () => {
    const opened = await openMaster(host, locale);
    if ('why' in opened) return opened;
    const { master, calendar } = opened;
    // The clock is the shell's: no file can have arrived after this moment (as kpd merge).
    const now = instantToCst(new Date());
    const ctx = bulletinContext({ period, master: master.data, calendar, locale, now });
    const read = await inSlices(
      items,
      (item) => readSubmission(loadPrepared(item), ctx),
      rowsOfSubmission,
      progress,
    );
    const bulletin = assembleBulletin(ctx, read, ignored);
    const sheets = bulletinSheets(bulletin, {
      siteVisitsPerWeek: master.data.rules.schedule.siteVisitsPerWeek,
      warningBand: master.data.rules.schedule.warningBand,
    });
    // An office's own template is used as it is; one that is not a workbook, or has none of the
    // bulletin's tables, is refused (as kpd merge --template refuses it).
    const own = template.ownName ?? '';
    let filled: ReturnType<typeof fillParts>;
    try {
      filled = fillParts(template.bytes, sheets);
    } catch {
      return {
        why: t(
          `通报模板「${own}」不是可用的 .xlsx 工作簿。`,
          `The bulletin template ${own} is not a usable .xlsx.`,
        ),
      };
    }
    if (filled.missing.length === sheets.tables.length)
      return {
        why: t(
          `通报模板「${own}」中找不到通报的任何一张表（应有「汇总」「项目进展」等表及其表头）。`,
          `The template ${own} has none of the bulletin tables.`,
        ),
      };
    const charted = addCharts(filled, bulletinCharts(bulletin, docText(locale))).parts;
    const doc = bulletinDocument({ bulletin, rules: master.data.rules }).result;
    return { bulletin, bytes: zipFilledParts(charted), missing: filled.missing, doc };
  })();
  if ('why' in made) return refused(made.why);
  const { bulletin: b, bytes, missing, doc } = made;
  const fileName = `重点项目情况通报-第${b.number}期.xlsx`;
  const how = await host.deliver(bytes, fileName);
  const inExcel = how === 'opened';
  const docName = fileName.replace(/\.xlsx$/u, '.docx');
  const docLine = offerDocument
    ? ((await offerDocument(doc, docName)) ?? formatMessage('doc.downloaded', { path: docName }, locale))
    : undefined;
  const taken = b.submissions.filter((s) => s.replacedBy === undefined);
  const rejected = b.problems.filter((p) => p.rejected);
  const names = (list: readonly string[]): string => list.join('、');
  return {
    summary: t(
      `${b.title}（${b.periodLabel}，报送截止 ${b.due}）${inExcel ? '已在新工作簿中打开，请另存为' : '已下载为'}「${fileName}」：应报 ${taken.length + b.missing.length} 个指挥部，按时 ${taken.length - b.late.length}、迟报 ${b.late.length}、未报 ${b.missing.length}；滞后项目 ${b.behind.length} 个；数据行 ${b.rows.in} = 并入 ${b.rows.merged} + 未并入 ${b.rows.rejected}。`,
      `Bulletin of ${b.period} (due ${b.due}) ${inExcel ? 'opened as a new workbook; save it as' : 'downloaded as'} "${fileName}": ${taken.length + b.missing.length} HQs due, ${taken.length - b.late.length} on time, ${b.late.length} late, ${b.missing.length} missing; ${b.behind.length} projects behind; rows ${b.rows.in} = ${b.rows.merged} merged + ${b.rows.rejected} not merged.`,
    ),
    lines: [
      ...(docLine !== undefined ? [docLine] : []),
      ...(b.missing.length > 0 ? [t(`未报：${names(b.missing)}`, `Missing: ${names(b.missing)}`)] : []),
      ...(b.late.length > 0 ? [t(`迟报：${names(b.late)}`, `Late: ${names(b.late)}`)] : []),
      ...(b.unsigned.length > 0
        ? [t(`未经指挥长签字：${names(b.unsigned)}`, `Not signed: ${names(b.unsigned)}`)]
        : []),
      ...b.ignored.map((x) => t(`忽略　${x.file}　${x.reason}`, `Ignored　${x.file}　${x.reason}`)),
      ...groupedRejections(rejected, b.submissions, locale),
      ...b.warnings.map((w) => `${t('警告', 'Warning')}：${paneMessage(w, locale)}`),
      ...missing.map((sheet) =>
        t(
          `警告：通报模板中没有「${sheet}」表（或找不到其表头），该部分未写入。`,
          `Warning: the template has no "${sheet}" table; not written.`,
        ),
      ),
      ...downloadedNote(host, how, locale),
    ],
    ok: true,
  };
}
