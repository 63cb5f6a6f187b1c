import { findSheet, isBlank, type Cell, type SheetGrid, type WorkbookGrid } from '../grid.js';
import { MASTER, MEETINGS, PROJECTS, RULES, SITE_WORK_LOG, SITE_WORK_WEEKS } from '../schema/master.js';
import { findHeaderRow } from '../table/header.js';
import type { SheetSpec } from '../schema/types.js';
import { readTable, type TableRead } from '../table/read.js';
import { issue, type Issue } from '../validate/issue.js';
import { DEFAULT_RULES, ruleSetLabel, ruleSetFromRows } from '../rules/index.js';
import { BUILTIN_HOLIDAYS } from '../calendar/builtin.js';
import type { DayOverride } from '../calendar/workdays.js';
import { checkMaster } from './checks.js';
import { matchKey } from '../values/text.js';
import { cellText } from '../values/parse.js';
import type { Located, MasterData, OlderSiteWork } from './types.js';
import { pushAll } from '../values/lists.js';

type Tables = {
  [K in (typeof MASTER.sheets)[number]['key']]: TableRead<Record<string, unknown>> | undefined;
};

/** Sheets the master cannot do without; the others may be absent (an empty ledger). */
const ESSENTIAL = new Set<string>([PROJECTS.key]);
/** Sheets a master may simply not have, without a word (例会 is filled only when needed). */
const OPTIONAL = new Set<string>([MEETINGS.key]);

function located<R>(
  t: TableRead<Record<string, unknown>> | undefined,
  usable: (r: TableRead<Record<string, unknown>>['rows'][number]) => boolean = (r) => r.ok,
): Located<R>[] {
  if (!t) return [];
  return t.rows
    .filter(usable)
    .map((r) => ({ sheet: t.sheet, row: r.row, record: r.record as R, columns: t.columns }));
}

/**
 * Whether a 一线工作记录 sheet is in the weekly layout of earlier versions (周 … 次数, no 日期):
 * then it is read as such, and said.
 */
function isWeeklyLayout(grid: Parameters<typeof findHeaderRow>[0]): boolean {
  const weekly = findHeaderRow(grid, SITE_WORK_WEEKS);
  const current = findHeaderRow(grid, SITE_WORK_LOG);
  return (
    weekly !== undefined &&
    weekly.columns.has('week') &&
    weekly.columns.has('visits') &&
    !(current?.columns.has('date') ?? false)
  );
}

/**
 * An older 一线工作记录 as typed: every row of its table, with the columns a person added (an
 * import moves them all, unchanged, rows with errors too: nothing a person typed is lost).
 */
function asTyped(grid: SheetGrid, t: TableRead<Record<string, unknown>>): OlderSiteWork {
  const header = grid.rows[t.headerRow - 1] ?? [];
  const ours = new Set(t.columns.values());
  const extra = header.flatMap((h, i) =>
    ours.has(i + 1) || isBlank(h) ? [] : [{ col: i + 1, text: cellText(h) }],
  );
  return {
    extraHeaders: extra.map((e) => e.text),
    rows: t.rows.map((r) => ({
      row: r.row,
      cells: Object.fromEntries([
        ...SITE_WORK_WEEKS.columns.map((c) => [c.key, r.raw[(t.columns.get(c.key) ?? 0) - 1] ?? null]),
        ...extra.map((e, i) => [`extra${i}`, r.raw[e.col - 1] ?? null]),
      ]) as Record<string, Cell>,
    })),
  };
}

/** Key → sheet row of the rows of a table that have errors (and so are not in the data). */
function flawedKeys(t: TableRead<Record<string, unknown>> | undefined, key: string): Map<string, number> {
  const out = new Map<string, number>();
  const col = t?.columns.get(key);
  if (!t || col === undefined) return out;
  for (const r of t.rows) {
    const v = r.raw[col - 1];
    if (!r.ok && typeof v === 'string' && v.trim() !== '') out.set(matchKey(v), r.row);
  }
  return out;
}

export interface MasterRead {
  readonly data: MasterData;
  readonly issues: readonly Issue[];
}

/**
 * Reads every sheet of 总台账 against its schema, checks the references between sheets, and
 * returns the usable rows with the issues of the others.
 * @example const { data, issues } = readMaster(grid); data.projects[0]?.record.projectId
 */
export function readMaster(wb: WorkbookGrid): MasterRead {
  const issues: Issue[] = [];
  const tables: Partial<Record<string, TableRead<Record<string, unknown>>>> = {};
  const weekly: TableRead<Record<string, unknown>>[] = [];
  let olderSiteWork: OlderSiteWork | undefined;
  for (const spec of MASTER.sheets as readonly SheetSpec[]) {
    const grid = findSheet(wb, spec.name);
    if (!grid) {
      if (!OPTIONAL.has(spec.key))
        issues.push(
          issue('sheet.missing', {}, { sheet: spec.name }, ESSENTIAL.has(spec.key) ? 'error' : 'warning'),
        );
      continue;
    }
    if (spec.key === SITE_WORK_LOG.key && isWeeklyLayout(grid)) {
      // An older master: its weekly counts still count, and the clerk is told how they are read.
      const w = readTable<Record<string, unknown>>(grid, SITE_WORK_WEEKS);
      weekly.push(w);
      olderSiteWork = asTyped(grid, w);
      pushAll(issues, w.issues).push(issue('siteWork.weeklyLayout', { sheet: spec.name }));
      continue;
    }
    const t = readTable<Record<string, unknown>>(grid, spec);
    tables[spec.key] = t;
    pushAll(issues, t.issues);
  }
  // Where a later import moved the weekly rows of an older master.
  const moved = findSheet(wb, SITE_WORK_WEEKS.name);
  if (moved) {
    const w = readTable<Record<string, unknown>>(moved, SITE_WORK_WEEKS);
    weekly.push(w);
    issues.push(...w.issues);
  }
  const t = tables as Tables;

  const rulesTable = t.rules;
  let rules = DEFAULT_RULES;
  let rulesLabel = ruleSetLabel(DEFAULT_RULES, 0);
  if (rulesTable && rulesTable.headerRow > 0) {
    const codeCol = rulesTable.columns.get('code') ?? 2;
    const valueCol = rulesTable.columns.get('value') ?? 4;
    const res = ruleSetFromRows(
      rulesTable.rows.map((r) => ({ row: r.row, code: r.raw[codeCol - 1], value: r.raw[valueCol - 1] })),
      rulesTable.sheet,
    );
    rules = res.rules;
    rulesLabel = res.label;
    pushAll(issues, res.issues);
  }

  const holidays: DayOverride[] = [];
  for (const h of located<{ date: string; type: '休' | '班'; note?: string }>(t.holidays)) {
    const { date, type, note } = h.record;
    holidays.push(note === undefined ? { date, type } : { date, type, note });
    const builtinRest = BUILTIN_HOLIDAYS.holidays.has(date);
    const builtinWork = BUILTIN_HOLIDAYS.workdays.has(date);
    if ((builtinRest && type === '班') || (builtinWork && type === '休')) {
      issues.push(issue('holiday.conflict', { sheet: h.sheet, row: h.row }, { value: date, type }));
    }
  }

  const raw: MasterData = {
    projects: located(t.projects),
    milestones: located(t.milestones),
    agents: located(t.agents),
    approvals: located(t.approvals),
    surveys: located(t.surveys),
    incidents: located(t.incidents),
    // Each typed score stands alone (DOMAIN §4): a bad cell is left out (and said), not its row.
    unitScores: located(
      t.unitScores,
      (r) => r.record['period'] !== undefined && r.record['unit'] !== undefined,
    ),
    rankingHistory: located(t.rankingHistory),
    decisions: located(t.decisions),
    progressLog: located(t.progressLog),
    submissionLog: located(t.submissionLog),
    siteWorkLog: located(t.siteWorkLog),
    siteWorkWeeks: weekly.flatMap((w) => located(w)),
    ...(olderSiteWork && { olderSiteWork }),
    meetings: located(t.meetings),
    holidays,
    rules,
    rulesLabel,
  };
  const checked = checkMaster(raw, {
    projects: flawedKeys(t.projects, 'projectId'),
    agents: flawedKeys(t.agents, 'name'),
  });
  pushAll(issues, checked.issues);
  // The tables (with every raw row) are not returned: a big master's cells are freed at once.
  return { data: checked.data, issues };
}

export { RULES as RULES_SHEET };
