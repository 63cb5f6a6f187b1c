import { findSheet, isBlank, type Cell, type SheetGrid, type WorkbookGrid } from '../values/grid.js';
import {
  AGENTS,
  APPROVALS,
  DECISIONS,
  HOLIDAYS,
  INCIDENTS,
  MEETINGS,
  MILESTONES,
  PROGRESS_LOG,
  PROJECTS,
  RANKING_HISTORY,
  RULES,
  SITE_WORK_LOG,
  SITE_WORK_WEEKS,
  SUBMISSION_LOG,
  SURVEYS,
  UNIT_SCORES,
} from '../schema/master.js';
import { WEEKLY_LOG } from '../schema/weekly.js';
import { findHeaderRow } from '../table/header.js';
import type { RecordOf, SheetSpec } from '../schema/types.js';
import { readTable, type TableRead, type TableRecord } from '../table/read.js';
import { issue, type Issue } from '../issues/issue.js';
import { DEFAULT_RULES, ruleSetLabel, ruleSetFromRows } from '../rules/index.js';
import { BUILTIN_HOLIDAYS } from '../calendar/builtin.js';
import type { DayOverride } from '../calendar/workdays.js';
import { checkMaster } from './checks.js';
import { matchKey } from '../values/text.js';
import { cellText } from '../values/parse.js';
import type { Located, MasterData, OlderSiteWork, SiteWorkRow, SiteWorkWeekRow } from './types.js';
import type { RuleSet } from '../rules/ruleset.js';
import { pushAll } from '../values/lists.js';
import { DAY_TYPE } from '../rules/vocab.js';

/** Sheets the master cannot do without; the others may be absent (an empty ledger). */
const ESSENTIAL = new Set<string>([PROJECTS.key]);
/** Sheets a master may simply not have, without a word (例会 is filled only when needed). */
const OPTIONAL = new Set<string>([MEETINGS.key]);

function located<R>(
  t: TableRead<R> | undefined,
  usable: (r: TableRead<R>['rows'][number]) => boolean = (r) => r.ok,
): Located<R>[] {
  if (!t) return [];
  return t.rows
    .filter(usable)
    .map((r) => ({ sheet: t.sheet, row: r.row, record: r.record, columns: t.columns }));
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
function asTyped(grid: SheetGrid, t: TableRead<SiteWorkWeekRow>): OlderSiteWork {
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
function flawedKeys<R>(t: TableRead<R> | undefined, key: string): Map<string, number> {
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
  const t = readSheets(wb, issues);
  const { rules, rulesLabel } = readRules(t.rules, issues);
  const raw: MasterData = {
    projects: located(t.projects),
    milestones: located(t.milestones),
    agents: located(t.agents),
    approvals: located(t.approvals),
    surveys: located(t.surveys),
    incidents: located(t.incidents),
    // Each typed score stands alone (DOMAIN §4): a bad cell is left out (and said), not its row.
    unitScores: located(t.unitScores, (r) => r.record.period !== undefined && r.record.unit !== undefined),
    rankingHistory: located(t.rankingHistory),
    decisions: located(t.decisions),
    progressLog: located(t.progressLog),
    submissionLog: located(t.submissionLog),
    siteWorkLog: located(t.siteWorkLog),
    siteWorkWeeks: t.siteWorkWeeks.flatMap((w) => located(w)),
    ...(t.olderSiteWork && { olderSiteWork: t.olderSiteWork }),
    meetings: located(t.meetings),
    holidays: holidayOverrides(t.holidays, issues),
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

/**
 * Every sheet of the master read against its schema, in the template's order (so are its issues),
 * each typed from its spec; an older weekly 一线工作记录 read as such, and said.
 */
function readSheets(wb: WorkbookGrid, issues: Issue[]) {
  const read = <S extends SheetSpec>(spec: S): TableRead<TableRecord<S>> | undefined => {
    const grid = findSheet(wb, spec.name);
    if (!grid) {
      if (!OPTIONAL.has(spec.key)) {
        const severity = ESSENTIAL.has(spec.key) ? 'error' : 'warning';
        issues.push(issue('sheet.missing', {}, { sheet: spec.name }, severity));
      }
      return undefined;
    }
    const t = readTable(grid, spec);
    pushAll(issues, t.issues);
    return t;
  };
  const tables = {
    projects: read(PROJECTS),
    milestones: read(MILESTONES),
    agents: read(AGENTS),
    approvals: read(APPROVALS),
    surveys: read(SURVEYS),
    incidents: read(INCIDENTS),
    unitScores: read(UNIT_SCORES),
    rankingHistory: read(RANKING_HISTORY),
    decisions: read(DECISIONS),
    progressLog: read(PROGRESS_LOG),
    submissionLog: read(SUBMISSION_LOG),
    ...readSiteWork(wb, issues, read),
    meetings: read(MEETINGS),
    holidays: read(HOLIDAYS),
    weeklyLog: read(WEEKLY_LOG),
    rules: read(RULES),
  };
  // Where a later import moved the weekly rows of an older master.
  const moved = findSheet(wb, SITE_WORK_WEEKS.name);
  if (moved) {
    const w = readTable(moved, SITE_WORK_WEEKS);
    tables.siteWorkWeeks.push(w);
    issues.push(...w.issues);
  }
  return tables;
}

/** 一线工作记录 in the current layout, or an older master's weekly counts (they still count). */
function readSiteWork(
  wb: WorkbookGrid,
  issues: Issue[],
  read: (spec: typeof SITE_WORK_LOG) => TableRead<SiteWorkRow> | undefined,
): {
  siteWorkLog?: TableRead<SiteWorkRow>;
  siteWorkWeeks: TableRead<SiteWorkWeekRow>[];
  olderSiteWork?: OlderSiteWork;
} {
  const grid = findSheet(wb, SITE_WORK_LOG.name);
  if (!grid || !isWeeklyLayout(grid)) {
    const log = read(SITE_WORK_LOG);
    return log ? { siteWorkLog: log, siteWorkWeeks: [] } : { siteWorkWeeks: [] };
  }
  const w = readTable(grid, SITE_WORK_WEEKS);
  pushAll(issues, w.issues).push(issue('siteWork.weeklyLayout', { sheet: SITE_WORK_LOG.name }));
  return { siteWorkWeeks: [w], olderSiteWork: asTyped(grid, w) };
}

/** The 规则 sheet's values over the defaults, and the label of the rule set. */
function readRules(
  table: TableRead<unknown> | undefined,
  issues: Issue[],
): { rules: RuleSet; rulesLabel: string } {
  if (!table || table.headerRow === 0)
    return { rules: DEFAULT_RULES, rulesLabel: ruleSetLabel(DEFAULT_RULES, 0) };
  const codeCol = table.columns.get('code') ?? 2;
  const valueCol = table.columns.get('value') ?? 4;
  const res = ruleSetFromRows(
    table.rows.map((r) => ({ row: r.row, code: r.raw[codeCol - 1], value: r.raw[valueCol - 1] })),
    table.sheet,
  );
  pushAll(issues, res.issues);
  return { rules: res.rules, rulesLabel: res.label };
}

/** 节假日 rows as overrides of the calendar; one that contradicts the built-in data is said. */
function holidayOverrides(
  table: TableRead<RecordOf<typeof HOLIDAYS>> | undefined,
  issues: Issue[],
): DayOverride[] {
  const holidays: DayOverride[] = [];
  for (const h of located(table)) {
    const { date, type, note } = h.record;
    holidays.push(note === undefined ? { date, type } : { date, type, note });
    const builtinRest = BUILTIN_HOLIDAYS.holidays.has(date);
    const builtinWork = BUILTIN_HOLIDAYS.workdays.has(date);
    if ((builtinRest && type === DAY_TYPE.work) || (builtinWork && type === DAY_TYPE.rest)) {
      issues.push(issue('holiday.conflict', { sheet: h.sheet, row: h.row }, { value: date, type }));
    }
  }
  return holidays;
}

export { RULES as RULES_SHEET };
