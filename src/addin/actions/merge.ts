import { type WorkbookDelivery } from '../../adapters/office/host.js';
import { loadPrepared } from '../../adapters/received.js';
import { zipFilledParts } from '../../adapters/xlsx-fill/parts.js';
import { readSubmission } from '../../core/bulletin/index.js';
import { instantToCst } from '../../core/values/dates.js';
import type { IssueCode } from '../../core/issues/codes.js';
import { formatMessage, type IssueParams, type Locale } from '../../core/issues/issue.js';
import { mergeBulletin, mergeContext, mergePeriod } from '../../core/jobs/merge.js';
import { fillBulletin } from '../../adapters/bulletin-file.js';
import type { OfficialDocument } from '../../core/document/model.js';
import { bulletinDocument } from '../../core/jobs/bulletin-document.js';
import { inSlices, rowsOfSubmission, type WorkProgress } from '../slices.js';
import { groupedRejections, paneMessage } from '../findings.js';
import {
  hostOf,
  type PaneHost,
  type PaneResult,
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
  const f = (code: IssueCode, params: IssueParams = {}): string => formatMessage(code, params, locale);
  const typed = mergePeriod(periodText);
  if ('issue' in typed) return refused(paneMessage(typed.issue, locale));
  if (picked.length === 0) return refused(f('merge.nothingPicked'));
  const host = hostOf(excel, deliver);
  // The bulletin made, or why not (the period, the open workbook is no master, the template).
  const made = await (async () => {
    const opened = await openMaster(host, locale);
    if ('why' in opened) return opened;
    const { master, calendar } = opened;
    // The clock is the shell's: no file can have arrived after this moment (as kpd merge).
    const now = instantToCst(new Date());
    const started = mergeContext({ period: typed.period, master: master.data, calendar, locale, now });
    if ('issue' in started) return { why: paneMessage(started.issue, locale) };
    const { items, ignored } = openPicked(picked);
    const reads = await inSlices(
      items,
      (item) => readSubmission(loadPrepared(item), started.ctx),
      rowsOfSubmission,
      progress,
    );
    const job = mergeBulletin({ ctx: started.ctx, reads, ignored });
    const { bulletin, charts } = job.result;
    // An office's own template is used as it is; one that is not a workbook, or has none of the
    // bulletin's tables, is refused (as kpd merge --template refuses it).
    const filled = fillBulletin(template.bytes, job.sheets, charts, template.ownName ?? '');
    if (!filled.parts) return { why: filled.issues.map((i) => paneMessage(i, locale)).join('\n') };
    const doc = bulletinDocument({ bulletin, rules: master.data.rules }).result;
    const said = [...job.issues, ...filled.issues];
    return { bulletin, counts: job.result.counts, bytes: zipFilledParts(filled.parts), said, doc };
  })();
  if ('why' in made) return refused(made.why);
  const { bulletin: b, counts: c, bytes, said, doc } = made;
  const fileName = f('mergeOut.fileName', { number: b.number });
  const how = await host.deliver(bytes, fileName);
  const docName = fileName.replace(/\.xlsx$/u, '.docx');
  const docLine = offerDocument
    ? ((await offerDocument(doc, docName)) ?? f('doc.downloaded', { path: docName }))
    : undefined;
  const rejected = b.problems.filter((p) => p.rejected);
  const names = (list: readonly string[]): string => list.join(f('values.listSeparator', {}));
  const period = locale === 'en' ? b.period : b.periodLabel;
  return {
    summary: f('mergeOut.paneDone', {
      number: b.number,
      period,
      due: b.due,
      how: f(how === 'opened' ? 'mergeOut.paneOpened' : 'mergeOut.paneDownloaded'),
      file: fileName,
      due_hqs: c.due,
      onTime: c.onTime,
      late: c.late,
      missing: c.missing,
      behind: c.behind,
      rowsIn: c.rowsIn,
      merged: c.merged,
      rejected: c.rejected,
    }),
    lines: [
      ...(docLine !== undefined ? [docLine] : []),
      ...(b.missing.length > 0 ? [f('mergeOut.paneMissing', { names: names(b.missing) })] : []),
      ...(b.late.length > 0 ? [f('mergeOut.paneLate', { names: names(b.late) })] : []),
      ...(b.unsigned.length > 0 ? [f('mergeOut.paneUnsigned', { names: names(b.unsigned) })] : []),
      ...b.ignored.map((x) => f('run.ignoredLine', { ...x.reason.params, file: x.file, why: x.reason.code })),
      ...groupedRejections(rejected, b.submissions, locale),
      ...said.map((w) => f('run.warning', { text: paneMessage(w, locale) })),
      ...downloadedNote(host, how, locale),
    ],
    ok: true,
  };
}
