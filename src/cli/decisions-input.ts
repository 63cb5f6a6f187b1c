import { resolve } from 'node:path';
import { readDecisionForm, type DecidedItem } from '../core/decisions/read.js';
import type { MasterData } from '../core/master/types.js';
import { DECISION_FORM } from '../core/schema/decisions.js';
import { formatMessage, message, type Locale } from '../core/issues/issue.js';
import { identifyTemplate, isIssue } from '../core/workbook/identify.js';
import { loadWorkbook } from '../adapters/files.js';
import { displayPath } from './format.js';
import { UsageError, type Io } from './io.js';

/** kpd minutes --decisions: this meeting's decisions: the clerk's filled workbook when given, else 督办事项 rows of the day. */
export async function decisionsOf(
  path: string | undefined,
  meeting: string,
  master: MasterData,
  io: Io,
  locale: Locale,
): Promise<DecidedItem[]> {
  const s = (code: Parameters<typeof formatMessage>[0], params = {}) => formatMessage(code, params, locale);
  if (path === undefined)
    return master.decisions
      .filter((d) => d.record.meetingDate === meeting)
      .map((d) => ({ ...d.record, row: d.row }));
  const loaded = await loadWorkbook(resolve(io.cwd, path));
  if (!loaded.ok)
    throw new UsageError(s('minutes.decisionsNotForm', { path, reason: message(loaded.issue, locale) }));
  const id = identifyTemplate(loaded.value.workbook, [DECISION_FORM]);
  if (isIssue(id)) throw new UsageError(s('minutes.decisionsNotForm', { path, reason: message(id, locale) }));
  const read = readDecisionForm(loaded.value.workbook);
  if (read.meeting !== undefined && read.meeting !== meeting)
    throw new UsageError(s('minutes.decisionsOtherMeeting', { path, found: read.meeting, meeting }));
  for (const i of read.issues) io.err(`${displayPath(io.cwd, path)} ${message(i, locale)}\n`);
  return [...read.items];
}
