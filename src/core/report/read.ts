import type { SheetGrid, WorkbookGrid } from '../grid.js';
import { PROGRESS, REPORT, SITE_VISITS } from '../schema/report.js';
import type { ColumnSpec, FieldsOf, RecordOf, SheetSpec } from '../schema/types.js';
import { readTable, type TableRead } from '../table/read.js';
import { filledRows, locateSheet } from '../table/locate.js';
import { issue, type Issue } from '../validate/issue.js';
import { parseReportPeriod, siteVisitWindow } from '../calendar/periods.js';
import { DEFAULT_RULES, type RuleSet } from '../rules/ruleset.js';
import { matchKey } from '../values/text.js';
import type { Located, Project } from '../master/types.js';
import { pushAll } from '../values/lists.js';

export type ProgressRecord = RecordOf<typeof PROGRESS>;
export type SiteVisitRecord = RecordOf<typeof SITE_VISITS>;
export type ReportFields = FieldsOf<typeof PROGRESS>;

/** What the register says, when a report is checked against the master. */
export interface RegisterContext {
  readonly projects: readonly Located<Project>[];
}

/** The register indexed once, so checking a thousand reports stays linear. */
export interface RegisterIndex {
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

export interface RowRejection {
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
function issuesByRow(t: TableRead<Record<string, unknown>> | undefined): Map<number, Issue[]> {
  const out = new Map<number, Issue[]>();
  for (const i of t?.issues ?? []) {
    if (i.row === undefined) continue;
    const list = out.get(i.row);
    if (list) list.push(i);
    else out.set(i.row, [i]);
  }
  return out;
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
  const issues: Issue[] = [];
  const rejected: RowRejection[] = [];
  const found = new Map<SheetSpec, TableRead<Record<string, unknown>>>();
  const taken = new Set<SheetGrid>();
  const rejectWhole = (sheet: string, rows: readonly number[], params: Record<string, string>): void => {
    for (const row of rows) {
      const i = issue('sheet.unrecognisedRow', { sheet, row, column: 1 }, params);
      issues.push(i);
      rejected.push({ sheet, row, issues: [i] });
    }
  };
  for (const spec of REPORT.sheets) {
    const at = locateSheet(wb, spec, REPORT.sheets, taken);
    if (at.kind === 'missing') {
      issues.push(issue('sheet.missing', {}, { sheet: spec.name }, spec === PROGRESS ? 'error' : 'warning'));
      continue;
    }
    taken.add(at.grid);
    const headers = (spec.columns as readonly ColumnSpec[])
      .filter((c) => c.required)
      .map((c) => c.header)
      .join('、');
    if (at.kind === 'unrecognised') {
      // Its rows are counted, and rejected: a renamed sheet is never read as an empty one.
      const params = { sheet: at.grid.name, expected: spec.name, headers };
      issues.push(issue('sheet.unrecognised', { sheet: at.grid.name }, { ...params, count: at.rows.length }));
      rejectWhole(at.grid.name, at.rows, params);
      continue;
    }
    if (at.kind === 'renamed')
      issues.push(
        issue('sheet.renamed', { sheet: at.grid.name }, { sheet: at.grid.name, expected: spec.name }),
      );
    const t = readTable(at.grid, spec);
    found.set(spec, t);
    if (t.headerRow === 0) {
      // A sheet of the right name without its header: every filled row is rejected, and counted.
      const params = { sheet: at.grid.name, expected: spec.name, headers };
      rejectWhole(at.grid.name, filledRows(at.grid), params);
    }
  }
  const progressT = found.get(PROGRESS);
  const visitsT = found.get(SITE_VISITS);
  for (const t of found.values()) {
    const dataRows = new Set(t.rows.map((r) => r.row));
    pushAll(
      issues,
      t.issues.filter((i) => i.row === undefined || !dataRows.has(i.row)),
    );
  }

  const fields: Partial<Record<keyof ReportFields, string>> = {};
  for (const [k, v] of progressT?.fields ?? [])
    if (v.value !== undefined) fields[k as keyof ReportFields] = String(v.value);

  // Register context: the HQ and its projects.
  let hq: string | undefined;
  const index = register ? registerIndex(register) : undefined;
  const byProject: ReadonlyMap<string, Project> = index?.byProject ?? new Map<string, Project>();
  if (index) {
    const reporter = fields.reporter;
    const f = progressT?.fields.get('reporter');
    const where = { sheet: PROGRESS.name, row: f?.row, column: f?.column };
    if (options.assumeHq !== undefined) hq = options.assumeHq;
    else if (reporter !== undefined) {
      const m = matchHq(reporter, index);
      hq = m?.hq;
      if (!m)
        issues.push(issue('report.unknownHq', where, { value: reporter, allowed: index.hqs.join('、') }));
      else if (!m.exact) issues.push(issue('report.hqNear', where, { value: reporter, hq: m.hq }));
    }
  }

  const progress: Located<ProgressRecord>[] = [];
  const firstRow = new Map<string, number>();
  let sums = { annualPlan: 0, current: 0, cumulative: 0 };
  const progressIssues = issuesByRow(progressT);
  for (const r of progressT?.rows ?? []) {
    const rowIssues = [...(progressIssues.get(r.row) ?? [])];
    const rec = r.record as ProgressRecord;
    const cols = progressT?.columns ?? new Map<string, number>();
    const at = (key: string) => ({ sheet: progressT?.sheet, row: r.row, column: cols.get(key) });
    let ok = r.ok;
    if (ok) {
      const key = matchKey(rec.projectId);
      const first = firstRow.get(key);
      if (first !== undefined) {
        rowIssues.push(
          issue('report.duplicateProject', at('projectId'), { value: rec.projectId, firstRow: first }),
        );
        ok = false;
      } else firstRow.set(key, r.row);
      if (rec.current > rec.cumulative) {
        rowIssues.push(
          issue('report.currentExceedsCumulative', at('current'), {
            current: rec.current,
            cumulative: rec.cumulative,
          }),
        );
        ok = false;
      }
      const registered = byProject.get(key);
      if (register && !registered) {
        rowIssues.push(issue('ref.project', at('projectId'), { value: rec.projectId }));
        ok = false;
      } else if (
        registered &&
        hq !== undefined &&
        registered.hq !== undefined &&
        matchKey(registered.hq) !== matchKey(hq)
      ) {
        rowIssues.push(
          issue('report.otherHq', at('projectId'), { value: rec.projectId, registered: registered.hq, hq }),
        );
        ok = false;
      }
      const plan = registered?.annualPlan ?? rec.annualPlan;
      if (
        registered &&
        rec.annualPlan !== undefined &&
        round2(rec.annualPlan) !== round2(registered.annualPlan)
      ) {
        rowIssues.push(
          issue('report.planMismatch', at('annualPlan'), {
            typed: rec.annualPlan,
            registered: registered.annualPlan,
          }),
        );
      }
      if (plan !== undefined && ok && rec.cumulative > plan && plan > 0) {
        rowIssues.push(
          issue('report.cumulativeOverPlan', at('cumulative'), { cumulative: rec.cumulative, plan }),
        );
      }
    }
    issues.push(...rowIssues);
    if (ok) {
      progress.push({ sheet: progressT?.sheet ?? PROGRESS.name, row: r.row, record: rec, columns: cols });
      sums = {
        annualPlan: sums.annualPlan + (rec.annualPlan ?? 0),
        current: sums.current + rec.current,
        cumulative: sums.cumulative + rec.cumulative,
      };
    } else
      rejected.push({
        sheet: progressT?.sheet ?? PROGRESS.name,
        row: r.row,
        issues: rowIssues.filter((i) => i.severity === 'error'),
        ...(typeof r.raw[(cols.get('projectId') ?? 0) - 1] === 'string' && {
          projectId: String(r.raw[(cols.get('projectId') ?? 0) - 1]).trim(),
        }),
      });
  }

  // A typed 合计 that disagrees with the rows is worth a warning, never a correction.
  if (progressT?.total && rejected.length === 0) {
    for (const key of ['annualPlan', 'current', 'cumulative'] as const) {
      const typed = progressT.total.values.get(key);
      if (typed !== undefined && round2(typed) !== round2(sums[key])) {
        const header = PROGRESS.columns.find((c) => c.key === key)?.header ?? key;
        issues.push(
          issue(
            'report.totalMismatch',
            { sheet: progressT.sheet, row: progressT.total.row, column: progressT.columns.get(key) },
            { header, typed: round2(typed), sum: round2(sums[key]) },
          ),
        );
      }
    }
  }

  const siteVisits: Located<SiteVisitRecord>[] = [];
  const period = fields.period !== undefined ? parseReportPeriod(fields.period) : undefined;
  const sched = (options.rules ?? DEFAULT_RULES).schedule;
  const range = period && siteVisitWindow(period, sched.firstReportDay, sched.secondReportDay);
  const visitIssues = issuesByRow(visitsT);
  for (const r of visitsT?.rows ?? []) {
    const rowIssues = [...(visitIssues.get(r.row) ?? [])];
    const rec = r.record as SiteVisitRecord;
    const cols = visitsT?.columns ?? new Map<string, number>();
    if (r.ok && range && period && (rec.date < range.from || rec.date > range.to)) {
      rowIssues.push(
        issue(
          'sitevisit.outsidePeriod',
          { sheet: visitsT?.sheet, row: r.row, column: cols.get('date') },
          { value: rec.date, period: fields.period ?? '', from: range.from, to: range.to },
        ),
      );
    }
    issues.push(...rowIssues);
    if (r.ok)
      siteVisits.push({ sheet: visitsT?.sheet ?? SITE_VISITS.name, row: r.row, record: rec, columns: cols });
    else
      rejected.push({
        sheet: visitsT?.sheet ?? SITE_VISITS.name,
        row: r.row,
        issues: rowIssues.filter((i) => i.severity === 'error'),
      });
  }
  return { fields, progress, siteVisits, rejected, issues, ...(hq !== undefined && { hq }) };
}
