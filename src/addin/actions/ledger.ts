import { loadWorkbookBytes } from '../../adapters/received.js';
import { importBulletin } from '../../core/ledger/import.js';
import { planTables } from '../../core/table/merge.js';
import { DECISIONS } from '../../core/schema/master.js';
import { DECISION_FORM } from '../../core/schema/decisions.js';
import { importDecisions } from '../../core/ledger/decisions.js';
import { formatMessage, message, type Locale } from '../../core/issues/issue.js';
import { identifyTemplate, isIssue } from '../../core/workbook/identify.js';
import { paneMessage } from '../findings.js';
import { importedLine } from '../../core/jobs/ledger-import.js';
import {
  hostOf,
  type PaneHost,
  type PaneResult,
  openMaster,
  refused,
  layoutNotes,
  dropDownNotes,
  finding,
  type PickedFile,
} from './common.js';
import { JOINERS } from '../../core/schema/punctuation.js';

/**
 * 导入台账: a bulletin's period into this master's 进展记录, 报送记录 and 一线工作记录 (what the
 * unit ranking reads), as `kpd ledger import` does: importing a period again replaces it, rows of
 * other periods stay as they were. The bulletin file is only read.
 */
export async function importLedger(
  excel: PaneHost,
  picked: readonly PickedFile[],
  locale: Locale = 'zh',
): Promise<PaneResult> {
  const [file, ...more] = picked;
  if (!file || more.length > 0) return refused(formatMessage('ledgerOut.chooseBulletin', {}, locale));
  const loaded = loadWorkbookBytes(file.name, file.bytes);
  const about = (text: string): string =>
    formatMessage('values.quoted', { name: file.name }, locale) + JOINERS[locale].colon + text;
  if (!loaded.ok) return refused(about(paneMessage(loaded.issue, locale)));
  const host = hostOf(excel);

  const opened = await openMaster(host, locale);
  if ('why' in opened) return refused(opened.why);
  // A 周例会议定事项 workbook goes into 督办事项 (as kpd ledger import does); else a bulletin.
  if (!isIssue(identifyTemplate(loaded.value.workbook, [DECISION_FORM]))) {
    const d = importDecisions(loaded.value.workbook, opened.master.data);
    if (isIssue(d)) return refused(about(message(d, locale)));
    await host.writeSheets([{ sheet: DECISIONS, rows: d.decisions }], new Map(), { dropDowns: true });
    const { added, updated, unused } = d.counts;
    const left = unused > 0 ? formatMessage('decisions.unusedNumbers', { n: unused }, locale) : '';
    return {
      sheet: DECISIONS.name,
      summary: formatMessage(
        'decisions.importedHere',
        { meeting: d.meeting, added, updated, unused: left },
        locale,
      ),
      lines: d.issues.map((i) => finding(i, locale)),
      ok: true,
    };
  }
  const result = importBulletin(loaded.value.workbook, opened.master.data);
  if (isIssue(result)) return refused(about(paneMessage(result, locale)));
  // The ledgers keep the template's drop-down lists (状态, 时间来源, 职务) where Excel can set them.
  const { writes, notes } = planTables(opened.grid, result.tables, new Map());
  await host.writeTables(writes, new Map(), { dropDowns: true });
  const c = result.counts;
  return {
    ...(result.tables[0] && { sheet: result.tables[0].sheet.name }),
    summary: importedLine(result.period, c, locale),
    lines: [
      ...result.issues.map((i) => finding(i, locale)),
      ...notes.map((n) => message(n, locale)),
      ...layoutNotes(host, locale),
      ...dropDownNotes(host, locale),
    ],
    ok: true,
  };
}
