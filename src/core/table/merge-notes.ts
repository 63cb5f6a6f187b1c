import { issue, joinNames, type Issue } from '../issues/issue.js';
import type { TablePlan } from './merge.js';

const MAX_LABELS = 10;

/** What people are told about a merge: columns and rows kept, columns added, rows removed. */
export function tableNotes(plan: TablePlan): Issue[] {
  const sheet = plan.sheet.name;
  const out: Issue[] = [];
  if (plan.appended)
    out.push(
      issue(
        'table.appended',
        { sheet },
        {
          sheet,
          row: plan.headerRow,
          expected: joinNames(plan.sheet.columns.slice(0, 3).map((c) => c.header)),
        },
      ),
    );
  else if (plan.headerCells.length > 0)
    out.push(
      issue(
        'table.columnsAdded',
        { sheet },
        { sheet, columns: joinNames(plan.headerCells.map((h) => h.text)) },
      ),
    );
  if (plan.keptColumns.length > 0)
    out.push(issue('table.keptColumns', { sheet }, { sheet, columns: joinNames(plan.keptColumns) }));
  if (plan.keptRows > 0) out.push(issue('table.keptRows', { sheet }, { sheet, count: plan.keptRows }));
  if (plan.removed.length > 0) {
    const shown = plan.removed.slice(0, MAX_LABELS);
    out.push(
      issue(
        'table.removedRows',
        { sheet },
        {
          sheet,
          count: plan.removed.length,
          rows: joinNames(shown.map((r) => r.row)) + (plan.removed.length > MAX_LABELS ? '…' : ''),
          labels:
            joinNames(shown.map((r) => r.label || String(r.row))) +
            (plan.removed.length > MAX_LABELS ? '…' : ''),
        },
      ),
    );
  }
  return out;
}
