import { compareText } from '../values/collate.js';
import type { Issue, IssueParams } from '../issues/issue.js';

const cmp = compareText;

function paramsKey(p: IssueParams): string {
  let s = '';
  for (const k of Object.keys(p)) s += `${k}\u0001${String(p[k])}\u0002`;
  return s;
}

/**
 * The issues of a run, each once (should a row be met by several rules, its finding is not
 * repeated), in an order that does not depend on the order of the input rows: sheet, row,
 * column, code, then the params.
 */
export function finishIssues(issues: readonly Issue[]): Issue[] {
  const keyed = new Map<string, { issue: Issue; params: string }>();
  for (const i of issues) {
    const params = paramsKey(i.params);
    keyed.set(`${i.code}\u0000${i.sheet ?? ''}\u0000${i.row ?? 0}\u0000${i.column ?? 0}\u0000${params}`, {
      issue: i,
      params,
    });
  }
  return [...keyed.values()]
    .sort(
      ({ issue: a, params: pa }, { issue: b, params: pb }) =>
        cmp(a.sheet ?? '', b.sheet ?? '') ||
        (a.row ?? 0) - (b.row ?? 0) ||
        (a.column ?? 0) - (b.column ?? 0) ||
        cmp(a.code, b.code) ||
        cmp(pa, pb),
    )
    .map((x) => x.issue);
}
