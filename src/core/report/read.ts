import type { SheetGrid, WorkbookGrid } from '../values/grid.js';
import { PROGRESS, REPORT, SITE_VISITS } from '../schema/report.js';
import type { ColumnSpec, FieldsOf, RecordOf, SheetSpec } from '../schema/types.js';
import { readTable, type TableRead, type TableRecord } from '../table/read.js';
import { filledRows, locateSheet } from '../table/locate.js';
import { issue, joinNames, type Issue } from '../issues/issue.js';
import { parseReportPeriod, siteVisitWindow } from '../calendar/periods.js';
import { DEFAULT_RULES, type RuleSet } from '../rules/ruleset.js';
import { matchKey } from '../values/text.js';
import type { Located, Project } from '../master/types.js';
import { pushAll } from '../values/lists.js';

type ProgressRecord = RecordOf<typeof PROGRESS>;
type SiteVisitRecord = RecordOf<typeof SITE_VISITS>;
type ReportFields = FieldsOf<typeof PROGRESS>;

/** What the register says, when a report is checked against the master. */
export interface RegisterContext {
  readonly projects: readonly Located<Project>[];
}

/** The register indexed once, so checking a thousand reports stays linear. */
interface RegisterIndex {
  readonly byProject: ReadonlyMap<string, Project>;
  readonly hqByKey: ReadonlyMap<string, string>;
  readonly hqs: readonly string[];
}

const indexes = new WeakMap<RegisterContext, RegisterIndex>();

export function registerIndex(register: RegisterContext): RegisterIndex {
  const known = indexes.get(register);
  if (known) return known;
  const byProject = new Map<string, Project>();
  const hqByKey = new Map<string, string>();
  for (const p of register.projects) {
    byProject.set(matchKey(p.record.projectId), p.record);
    if (p.record.hq) hqByKey.set(matchKey(p.record.hq), p.record.hq);
  }
  const index = { byProject, hqByKey, hqs: [...hqByKey.values()] };
  indexes.set(register, index);
  return index;
}

/**
 * The register's HQ a typed 填报单位 names: exactly (ignoring spaces and full-width forms), or
 * the one HQ whose name contains it or is contained in it ("高端装备产业园" → "…指挥部").
 */
export function matchHq(typed: string, index: RegisterIndex): { hq: string; exact: boolean } | undefined {
  const k = matchKey(typed);
  const exact = index.hqByKey.get(k);
  if (exact !== undefined) return { hq: exact, exact: true };
  if (k.length < 4) return undefined;
  const near = [...index.hqByKey].filter(([hk]) => hk.includes(k) || k.includes(hk));
  return near.length === 1 && near[0] ? { hq: near[0][1], exact: false } : undefined;
}

interface RowRejection {
  readonly sheet: string;
  readonly row: number;
  readonly issues: readonly Issue[];
  /** The project the row was about, as typed, when it has one. */
  readonly projectId?: string;
}

export interface ReportRead {
  readonly fields: Partial<Record<keyof ReportFields, string>>;
  /** Rows used, with their sheet rows. */
  readonly progress: readonly Located<ProgressRecord>[];
  readonly siteVisits: readonly Located<SiteVisitRecord>[];
  /** Rows not used, each with its reasons. rows in = progress + siteVisits + rejected. */
  readonly rejected: readonly RowRejection[];
  readonly issues: readonly Issue[];
  /** The register's HQ the 填报单位 names, when a register was given and it matches. */
  readonly hq?: string;
}

const round2 = (n: number): number => Math.round(n * 100) / 100;

/** A table's issues grouped by sheet row, so each row finds its own without a scan. */
function issuesByRow(t: TableRead<unknown> | undefined): Map<number, Issue[]> {
  const out = new Map<number, Issue[]>();
  for (const i of t?.issues ?? []) {
    if (i.row === undefined) continue;
    const list = out.get(i.row);
    if (list) list.push(i);
    else out.set(i.row, [i]);
  }
  return out;
}

/** What the steps of reading one report add to: its issues and the rows it does not use. */
interface Found {
  readonly issues: Issue[];
  readonly rejected: RowRejection[];
}

/**
 * Reads and checks one 半月进展报表. With the register, every row is also checked to belong
 * to the reporting HQ. Each row ends up used or rejected, never both, never neither.
 */
export function readReport(
  wb: WorkbookGrid,
  register?: RegisterContext,
  options: { readonly assumeHq?: string; readonly rules?: RuleSet } = {},
): ReportRead {
  const found: Found = { issues: [], rejected: [] };
  const taken = new Set<SheetGrid>();
  // In the template's order (REPORT.sheets): a sheet found by its columns is not found twice.
  const progressT = locateTable(wb, PROGRESS, taken, found);
  const visitsT = locateTable(wb, SITE_VISITS, taken, found);
  for (const t of [progressT, visitsT]) {
    if (!t) continue;
    const dataRows = new Set(t.rows.map((r) => r.row));
    pushAll(
      found.issues,
      t.issues.filter((i) => i.row === undefined || !dataRows.has(i.row)),
    );
  }
  const fields = reportFields(progressT);
  const index = register ? registerIndex(register) : undefined;
  const hq = index && reportingHq(fields, progressT, index, options.assumeHq, found.issues);
  const byProject: ReadonlyMap<string, Project> = index?.byProject ?? new Map<string, Project>();
  const rowCheck = { byProject, hq, registered: register !== undefined };
  const progress = progressT ? progressRows(progressT, rowCheck, found) : [];
  const siteVisits = visitsT
    ? siteVisitRows(visitsT, fields.period, options.rules ?? DEFAULT_RULES, found)
    : [];
  const { issues, rejected } = found;
  return { fields, progress, siteVisits, rejected, issues, ...(hq !== undefined && { hq }) };
}

/**
 * One sheet of the report, found by name, else by its columns (renamed, said); a look-alike or a
 * sheet without its header has every filled row rejected, and counted.
 */
function locateTable<S extends SheetSpec>(
  wb: WorkbookGrid,
  spec: S,
  taken: Set<SheetGrid>,
  found: Found,
): TableRead<TableRecord<S>> | undefined {
  const at = locateSheet(wb, spec, REPORT.sheets, taken);
  if (at.kind === 'missing') {
    found.issues.push(
      issue('sheet.missing', {}, { sheet: spec.name }, spec.key === PROGRESS.key ? 'error' : 'warning'),
    );
    return undefined;
  }
  taken.add(at.grid);
  const headerList = (spec.columns as readonly ColumnSpec[]).filter((c) => c.required).map((c) => c.header);
  const headers = joinNames(headerList);
  const params = { sheet: at.grid.name, expected: spec.name, headers };
  if (at.kind === 'unrecognised') {
    // Its rows are counted, and rejected: a renamed sheet is never read as an empty one.
    found.issues.push(
      issue('sheet.unrecognised', { sheet: at.grid.name }, { ...params, count: at.rows.length }),
    );
    rejectWhole(found, at.grid.name, at.rows, params);
    return undefined;
  }
  if (at.kind === 'renamed')
    found.issues.push(
      issue('sheet.renamed', { sheet: at.grid.name }, { sheet: at.grid.name, expected: spec.name }),
    );
  const t = readTable(at.grid, spec);
  // A sheet of the right name without its header: every filled row is rejected, and counted.
  if (t.headerRow === 0) rejectWhole(found, at.grid.name, filledRows(at.grid), params);
  return t;
}

function rejectWhole(
  found: Found,
  sheet: string,
  rows: readonly number[],
  params: Record<string, string>,
): void {
  for (const row of rows) {
    const i = issue('sheet.unrecognisedRow', { sheet, row, column: 1 }, params);
    found.issues.push(i);
    found.rejected.push({ sheet, row, issues: [i] });
  }
}

/** The form fields above the progress table (报告期, 填报单位 …) as typed. */
function reportFields(t: TableRead<ProgressRecord> | undefined): Partial<Record<keyof ReportFields, string>> {
  const fields: Partial<Record<keyof ReportFields, string>> = {};
  for (const [k, v] of t?.fields ?? [])
    if (v.value !== undefined) fields[k as keyof ReportFields] = String(v.value);
  return fields;
}

/** The register's HQ the report is from: the one assumed, or the one its 填报单位 names (else said). */
function reportingHq(
  fields: Partial<Record<keyof ReportFields, string>>,
  progressT: TableRead<ProgressRecord> | undefined,
  index: RegisterIndex,
  assumeHq: string | undefined,
  issues: Issue[],
): string | undefined {
  if (assumeHq !== undefined) return assumeHq;
  const reporter = fields.reporter;
  if (reporter === undefined) return undefined;
  const f = progressT?.fields.get('reporter');
  const where = { sheet: PROGRESS.name, row: f?.row, column: f?.column };
  const m = matchHq(reporter, index);
  if (!m) issues.push(issue('report.unknownHq', where, { value: reporter, allowed: joinNames(index.hqs) }));
  else if (!m.exact) issues.push(issue('report.hqNear', where, { value: reporter, hq: m.hq }));
  return m?.hq;
}

/** What a progress row is checked against: the register's projects and the reporting HQ. */
interface RowCheck {
  readonly byProject: ReadonlyMap<string, Project>;
  readonly hq: string | undefined;
  /** Whether a register was given (a project it does not hold is then not registered). */
  readonly registered: boolean;
}

type Sums = Record<'annualPlan' | 'current' | 'cumulative', number>;

/** The progress rows used; the others rejected with their reasons; a typed 合计 compared. */
function progressRows(
  t: TableRead<ProgressRecord>,
  check: RowCheck,
  found: Found,
): Located<ProgressRecord>[] {
  const progress: Located<ProgressRecord>[] = [];
  const firstRow = new Map<string, number>();
  let sums: Sums = { annualPlan: 0, current: 0, cumulative: 0 };
  const byRow = issuesByRow(t);
  for (const r of t.rows) {
    const rowIssues = [...(byRow.get(r.row) ?? [])];
    const rec = r.record;
    const ok =
      r.ok &&
      progressRowOk(rec, (key) => ({ sheet: t.sheet, row: r.row, column: t.columns.get(key) }), {
        ...check,
        firstRow,
        row: r.row,
        issues: rowIssues,
      });
    found.issues.push(...rowIssues);
    if (ok) {
      progress.push({ sheet: t.sheet, row: r.row, record: rec, columns: t.columns });
      sums = {
        annualPlan: sums.annualPlan + (rec.annualPlan ?? 0),
        current: sums.current + rec.current,
        cumulative: sums.cumulative + rec.cumulative,
      };
    } else {
      const typedId = r.raw[(t.columns.get('projectId') ?? 0) - 1];
      found.rejected.push({
        sheet: t.sheet,
        row: r.row,
        issues: rowIssues.filter((i) => i.severity === 'error'),
        ...(typeof typedId === 'string' && { projectId: typedId.trim() }),
      });
    }
  }
  if (found.rejected.length === 0) checkTotal(t, sums, found.issues);
  return progress;
}

/**
 * Whether a well-typed progress row can be used: its project once in the report, 本期 not over 累计,
 * registered and of the reporting HQ; a 年度计划 other than the register's, or 累计 over the plan, is
 * only said.
 */
function progressRowOk(
  rec: ProgressRecord,
  at: (key: string) => { sheet: string; row: number; column: number | undefined },
  c: RowCheck & { readonly firstRow: Map<string, number>; readonly row: number; readonly issues: Issue[] },
): boolean {
  const { issues } = c;
  let ok = true;
  const key = matchKey(rec.projectId);
  const first = c.firstRow.get(key);
  if (first !== undefined) {
    issues.push(issue('report.duplicateProject', at('projectId'), { value: rec.projectId, firstRow: first }));
    ok = false;
  } else c.firstRow.set(key, c.row);
  if (rec.current > rec.cumulative) {
    issues.push(
      issue('report.currentExceedsCumulative', at('current'), {
        current: rec.current,
        cumulative: rec.cumulative,
      }),
    );
    ok = false;
  }
  const registered = c.byProject.get(key);
  if (c.registered && !registered) {
    issues.push(issue('ref.project', at('projectId'), { value: rec.projectId }));
    ok = false;
  } else if (
    registered?.hq !== undefined &&
    c.hq !== undefined &&
    matchKey(registered.hq) !== matchKey(c.hq)
  ) {
    issues.push(
      issue('report.otherHq', at('projectId'), { value: rec.projectId, registered: registered.hq, hq: c.hq }),
    );
    ok = false;
  }
  const plan = registered?.annualPlan ?? rec.annualPlan;
  if (
    registered &&
    rec.annualPlan !== undefined &&
    round2(rec.annualPlan) !== round2(registered.annualPlan)
  ) {
    issues.push(
      issue('report.planMismatch', at('annualPlan'), {
        typed: rec.annualPlan,
        registered: registered.annualPlan,
      }),
    );
  }
  if (plan !== undefined && ok && rec.cumulative > plan && plan > 0) {
    issues.push(issue('report.cumulativeOverPlan', at('cumulative'), { cumulative: rec.cumulative, plan }));
  }
  return ok;
}

/** A typed 合计 that disagrees with the rows is worth a warning, never a correction. */
function checkTotal(t: TableRead<ProgressRecord>, sums: Sums, issues: Issue[]): void {
  if (!t.total) return;
  for (const key of ['annualPlan', 'current', 'cumulative'] as const) {
    const typed = t.total.values.get(key);
    if (typed !== undefined && round2(typed) !== round2(sums[key])) {
      const header = PROGRESS.columns.find((c) => c.key === key)?.header ?? key;
      issues.push(
        issue(
          'report.totalMismatch',
          { sheet: t.sheet, row: t.total.row, column: t.columns.get(key) },
          { header, typed: round2(typed), sum: round2(sums[key]) },
        ),
      );
    }
  }
}

/** The 一线工作 rows used; a visit outside the report's window is rejected. */
function siteVisitRows(
  t: TableRead<SiteVisitRecord>,
  typedPeriod: string | undefined,
  rules: RuleSet,
  found: Found,
): Located<SiteVisitRecord>[] {
  const siteVisits: Located<SiteVisitRecord>[] = [];
  const period = typedPeriod !== undefined ? parseReportPeriod(typedPeriod) : undefined;
  const sched = rules.schedule;
  const range = period && siteVisitWindow(period, sched.firstReportDay, sched.secondReportDay);
  const byRow = issuesByRow(t);
  for (const r of t.rows) {
    const rowIssues = [...(byRow.get(r.row) ?? [])];
    const rec = r.record;
    if (r.ok && range && (rec.date < range.from || rec.date > range.to)) {
      rowIssues.push(
        issue(
          'sitevisit.outsidePeriod',
          { sheet: t.sheet, row: r.row, column: t.columns.get('date') },
          { value: rec.date, period: typedPeriod ?? '', from: range.from, to: range.to },
        ),
      );
    }
    found.issues.push(...rowIssues);
    if (r.ok) siteVisits.push({ sheet: t.sheet, row: r.row, record: rec, columns: t.columns });
    else
      found.rejected.push({
        sheet: t.sheet,
        row: r.row,
        issues: rowIssues.filter((i) => i.severity === 'error'),
      });
  }
  return siteVisits;
}
