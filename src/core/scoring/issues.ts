import { sortIssues, type Issue } from '../validate/issue.js';

/**
 * The issues of a run, each once (one row may be met by several rules, e.g. an unknown agent
 * on an approval that is both overdue and rated), in a stable order.
 */
export function finishIssues(issues: readonly Issue[]): Issue[] {
  const seen = new Set<string>();
  const unique = issues.filter((i) => {
    const k = JSON.stringify([i.code, i.sheet, i.row, i.column, i.params]);
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
  return sortIssues(unique).sort(
    (a, b) =>
      (a.sheet === b.sheet && a.row === b.row && a.column === b.column && a.code === b.code
        ? JSON.stringify(a.params).localeCompare(JSON.stringify(b.params))
        : 0),
  );
}
