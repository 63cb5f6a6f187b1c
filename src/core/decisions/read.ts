import { findSheet, type WorkbookGrid } from '../values/grid.js';
import type { IsoDate } from '../values/dates.js';
import { DECISION_LIST } from '../schema/decisions.js';
import { readTable } from '../table/read.js';
import { issue, type Issue } from '../issues/issue.js';
import { MESSAGES } from '../issues/codes.js';

/** Names listed in a finding's value, joined as the Chinese list joins them. */
const LIST_SEPARATOR = MESSAGES['values.listSeparator'].zh;

/** A decision written down completely: what the 纪要 lists and 督办事项 tracks. */
export interface DecidedItem {
  readonly itemId: string;
  readonly content: string;
  readonly unit: string;
  readonly deadline: IsoDate;
  /** 1-based row of the workbook it came from. */
  readonly row: number;
}

interface DecisionFormRead {
  readonly meeting?: IsoDate;
  readonly items: readonly DecidedItem[];
  /** Pre-numbered rows left without content (numbers not used at this meeting). */
  readonly unused: number;
  readonly issues: readonly Issue[];
}

/**
 * Reads a 周例会议定事项 workbook: each row with 事项内容, 责任单位 and 完成时限 is a decision; a
 * number with nothing written beside it was not used; a row with only part of it is listed as a
 * problem (not imported), so nothing the clerk wrote is silently lost.
 */
export function readDecisionForm(wb: WorkbookGrid): DecisionFormRead {
  const g = findSheet(wb, DECISION_LIST.name);
  if (!g)
    return { items: [], unused: 0, issues: [issue('sheet.missing', {}, { sheet: DECISION_LIST.name })] };
  const t = readTable(g, DECISION_LIST);
  const issues: Issue[] = [...t.issues];
  const meetingValue = t.fields.get('meeting')?.value;
  const meeting =
    typeof meetingValue === 'string' && /^\d{4}-\d{2}-\d{2}$/u.test(meetingValue) ? meetingValue : undefined;
  const items: DecidedItem[] = [];
  let unused = 0;
  for (const r of t.rows) {
    if (!r.ok) continue; // its cell errors are in t.issues already
    const { itemId, content, unit, deadline } = r.record;
    if (content === undefined && unit === undefined && deadline === undefined) {
      unused++;
      continue;
    }
    const missing = (['content', 'unit', 'deadline'] as const)
      .filter((k) => r.record[k] === undefined)
      .map((k) => DECISION_LIST.columns.find((c) => c.key === k)?.header ?? k);
    if (missing.length > 0 || content === undefined || unit === undefined || deadline === undefined) {
      issues.push(
        issue(
          'decisions.incomplete',
          { sheet: g.name, row: r.row },
          { id: itemId, missing: missing.join(LIST_SEPARATOR) },
        ),
      );
      continue;
    }
    if (meeting !== undefined && deadline < meeting)
      issues.push(
        issue(
          'decisions.deadlineBeforeMeeting',
          { sheet: g.name, row: r.row },
          { id: itemId, deadline, meeting },
        ),
      );
    items.push({ itemId, content, unit, deadline, row: r.row });
  }
  return { ...(meeting !== undefined && { meeting }), items, unused, issues };
}
