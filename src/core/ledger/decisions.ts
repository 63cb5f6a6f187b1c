import type { WorkbookGrid } from '../values/grid.js';
import { readDecisionForm } from '../decisions/read.js';
import type { Decision, MasterData } from '../master/types.js';
import { DECISION_LIST } from '../schema/decisions.js';
import type { RowValues } from '../template/samples.js';
import { issue, type Issue } from '../issues/issue.js';
import { matchKey } from '../values/text.js';

/**
 * `kpd ledger import 议定事项.xlsx`: a meeting's decisions into the master's 督办事项, where the
 * 督查室 tracks them. Importing the same meeting again updates its items (content, unit, time
 * limit) and keeps what the 督查室 has recorded on them (完成日期, 落实情况); items of other
 * meetings stay as they are. An item number the ledger already uses for another meeting is
 * refused (listed), never overwritten.
 */
interface DecisionsImport {
  readonly meeting: string;
  /** Every 督办事项 row after the import, in order: the ledger's, then the new ones. */
  readonly decisions: readonly RowValues[];
  readonly counts: {
    readonly added: number;
    readonly updated: number;
    readonly unused: number;
    readonly rejected: number;
  };
  readonly issues: readonly Issue[];
}

export function importDecisions(form: WorkbookGrid, master: MasterData): DecisionsImport | Issue {
  const read = readDecisionForm(form);
  if (read.meeting === undefined) return issue('decisions.noMeeting', { sheet: DECISION_LIST.name });
  const meeting = read.meeting;
  const issues: Issue[] = [...read.issues];
  const rows: RowValues[] = master.decisions.map(({ record }) => ({ ...(record as Decision) }) as RowValues);
  const at = new Map(master.decisions.map(({ record }, i) => [matchKey(record.itemId), i]));
  let added = 0;
  let updated = 0;
  let rejected = read.issues.filter((i) => i.severity === 'error' && i.row !== undefined).length;
  for (const item of read.items) {
    const i = at.get(matchKey(item.itemId));
    const fields = { content: item.content, unit: item.unit, deadline: item.deadline };
    if (i === undefined) {
      at.set(matchKey(item.itemId), rows.length);
      rows.push({ meetingDate: meeting, itemId: item.itemId, ...fields, doneDate: null, status: null });
      added++;
      continue;
    }
    const existing = rows[i] as RowValues;
    if (existing['meetingDate'] !== meeting) {
      issues.push(
        issue(
          'decisions.idTaken',
          { sheet: DECISION_LIST.name, row: item.row },
          { id: item.itemId, other: String(existing['meetingDate']) },
        ),
      );
      rejected++;
      continue;
    }
    rows[i] = { ...existing, ...fields };
    updated++;
  }
  return { meeting, decisions: rows, counts: { added, updated, unused: read.unused, rejected }, issues };
}
