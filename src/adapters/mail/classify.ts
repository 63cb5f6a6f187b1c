/**
 * What forms a message carries: its attachments (and the workbooks inside attached .zip files or
 * messages) expanded exactly as the merge expands a saved .eml, each workbook identified by its
 * template. The decision what to keep is the core's (core/jobs/intake.ts).
 */
import { parseReportPeriod, reportPeriodId } from '../../core/calendar/periods.js';
import type { FoundForm } from '../../core/jobs/intake.js';
import { readReport } from '../../core/report/read.js';
import { REPORT } from '../../core/schema/report.js';
import { TEMPLATES } from '../../core/schema/templates.js';
import { TOPICS } from '../../core/schema/topics.js';
import { identifyTemplate, isIssue } from '../../core/workbook/identify.js';
import { parseEml, type ParsedEml } from '../eml.js';
import { UnusableFileError } from '../errors.js';
import { expandFiles } from '../expand.js';
import { loadWorkbookBytes } from '../received.js';

/** Attachments that are spreadsheets (or archives) in a form we cannot read: likely a report. */
const SPREADSHEET_LIKE = /\.(et|ett|xlsb|ods|rar|7z|numbers)$/iu;

interface ClassifiedMessage {
  readonly mail?: ParsedEml;
  readonly forms: FoundForm[];
}

export function classifyMessage(bytes: Uint8Array): ClassifiedMessage {
  let mail: ParsedEml | undefined;
  try {
    mail = parseEml(bytes);
  } catch (e) {
    if (!(e instanceof UnusableFileError)) throw e;
    return { forms: [{ kind: 'unusable' }] };
  }
  const { items, ignored } = expandFiles([{ name: 'message.eml', bytes }]);
  const forms: FoundForm[] = [];
  for (const item of items) {
    const loaded = loadWorkbookBytes(item.file, item.bytes);
    if (!loaded.ok) {
      forms.push({ kind: 'unusable' });
      continue;
    }
    const id = identifyTemplate(loaded.value.workbook, TEMPLATES);
    if (isIssue(id)) forms.push({ kind: 'other' });
    else if (id.template.id === REPORT.id) {
      const typed = readReport(loaded.value.workbook).fields.period;
      const p = typed !== undefined ? parseReportPeriod(typed) : undefined;
      forms.push(p ? { kind: 'report', period: reportPeriodId(p) } : { kind: 'report' });
    } else if (id.template.id === TOPICS.id) forms.push({ kind: 'topics' });
    else forms.push({ kind: 'other' });
  }
  for (const x of ignored) if (SPREADSHEET_LIKE.test(x.file)) forms.push({ kind: 'unusable' });
  return { mail, forms };
}
