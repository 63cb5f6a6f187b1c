import {
  AGENT_RULES,
  AGENT_RULE_CODES,
  POINT_RULE_CODES,
  type AgentRuleCode,
  type AgentRuleDef,
  type PointRuleCode,
  type RuleSource,
} from '../rules/agent.js';
import type { RuleSet } from '../rules/ruleset.js';
import type { IsoDate } from '../values/dates.js';
import type { Agent, Approval, Incident, Located, Project, Survey } from '../master/types.js';
import { ruleCodeKey, ruleIncident } from '../master/incident.js';
import { formatMessage, issue, type Issue, type IssueParams, type Locale } from '../issues/issue.js';
import type { IssueCode } from '../issues/codes.js';
import { APPROVALS, INCIDENTS, SURVEYS } from '../schema/master.js';
import type { ColumnSpec } from '../schema/types.js';
import { AGENT_SCALE, signed, toUnits } from './points.js';
import { surveyLevel } from './survey.js';

/**
 * The lines of the agent assessment, one function per source of occurrences (RuleSource).
 * Which rule a line belongs to comes from the rule table (`source`, `when`); no code is named here.
 */

/** A line before it is attached to its agent's result; `units` is its points × AGENT_SCALE. */
export interface LineDraft {
  readonly agentKey: string;
  readonly code: AgentRuleCode;
  readonly count: number;
  readonly perOccurrence: number;
  readonly units: number;
  readonly sheet: string;
  readonly row: number;
  readonly detail: string;
}

export interface LineContext {
  readonly rules: RuleSet;
  readonly period: string;
  readonly from: IsoDate;
  readonly to: IsoDate;
  readonly roster: ReadonlyMap<string, Located<Agent>>;
  readonly projects: ReadonlyMap<string, Located<Project>>;
  readonly due: (a: Located<Approval>) => IsoDate;
  /** matchKey, remembered for the run. */
  readonly key: (s: string) => string;
  readonly issues: Issue[];
  readonly lines: LineDraft[];
  /** The language of the lines' details (the 考核 sheets are Chinese: 'zh' unless told). */
  readonly locale?: Locale;
}

/** A line's detail, said from the message table. */
const say = (ctx: LineContext, code: IssueCode, params: IssueParams): string =>
  formatMessage(code, params, ctx.locale ?? 'zh');

/** A column's header, as the sheet's schema names it. */
const headerOf = (spec: { readonly columns: readonly ColumnSpec[] }, key: string): string =>
  spec.columns.find((c) => c.key === key)?.header ?? key;

const codesOf = (source: RuleSource): AgentRuleCode[] =>
  AGENT_RULE_CODES.filter((c) => (AGENT_RULES[c] as AgentRuleDef).source === source);

const OVERDUE_BY_WHEN: ReadonlyMap<string, AgentRuleCode> = new Map(
  codesOf('overdueApproval').flatMap((c) => {
    const w = (AGENT_RULES[c] as AgentRuleDef).when;
    return w ? [[`${w.projectCategory}|${w.difficulty}`, c] as const] : [];
  }),
);
const LATE_CODES = codesOf('lateApproval');
const ON_SITE_CODES = codesOf('onSiteRating');
const SURVEY_CODES = codesOf('survey');

const POINT_CODES: ReadonlySet<string> = new Set(POINT_RULE_CODES);
const isPointCode = (c: AgentRuleCode): c is PointRuleCode => POINT_CODES.has(c);

function at(l: Located<unknown>, key: string): { sheet: string; row: number; column?: number } {
  const column = l.columns.get(key);
  return column === undefined ? { sheet: l.sheet, row: l.row } : { sheet: l.sheet, row: l.row, column };
}

/** The roster key of a name typed in a row, or undefined (reported) when it is not in the roster. */
function rosterKey(
  ctx: LineContext,
  l: Located<unknown>,
  key: string,
  header: string,
  name: string,
): string | undefined {
  const k = ctx.key(name);
  if (ctx.roster.has(k)) return k;
  ctx.issues.push(issue('score.unknownAgent', at(l, key), { header, value: name }));
  return undefined;
}

function push(
  ctx: LineContext,
  agentKey: string,
  code: AgentRuleCode,
  count: number,
  perOccurrence: number,
  l: Located<unknown>,
  detail: string,
): void {
  ctx.lines.push({
    agentKey,
    code,
    count,
    perOccurrence,
    // Per occurrence first, then × count: an exact integer product.
    units: toUnits(perOccurrence, AGENT_SCALE) * count,
    sheet: l.sheet,
    row: l.row,
    detail,
  });
}

const inPeriod = (ctx: LineContext, d: IsoDate): boolean => d >= ctx.from && d <= ctx.to;

// ---- 扣分记录 ---------------------------------------------------------------------------------

/** `incident` (table points) and `discretionary` (typed 分值) lines, dated in the quarter. */
export function incidentLines(ctx: LineContext, incidents: readonly Located<Incident>[]): void {
  // Rows of other quarters of the same year are reported one by one (a mistyped date, a late
  // entry for a quarter already assessed); rows of other years are history, counted in one note.
  const year = ctx.from.slice(0, 4);
  let otherYears = 0;
  let sheet: string | undefined;
  // The code as the master reader reads it (no spaces, lower case), once per spelling.
  const codes = new Map<string, string>();
  const codeKey = (typed: string): string => {
    let k = codes.get(typed);
    if (k === undefined) codes.set(typed, (k = ruleCodeKey(typed)));
    return k;
  };
  for (const l of incidents) {
    const r = l.record;
    if (!inPeriod(ctx, r.date)) {
      if (r.date.slice(0, 4) !== year) {
        otherYears++;
        sheet ??= l.sheet;
        continue;
      }
      ctx.issues.push(
        issue('score.outsidePeriod', at(l, 'date'), {
          value: r.date,
          period: ctx.period,
          from: ctx.from,
          to: ctx.to,
        }),
      );
      continue;
    }
    // The master reader has already rejected unknown and derived codes; data built by other
    // means gets the same findings rather than a silent skip.
    const ruling = ruleIncident(r, codeKey);
    if (!ruling.usable || ruling.rule === undefined) {
      for (const f of ruling.findings) {
        if (f.rejects) ctx.issues.push(issue(f.code, at(l, f.column), f.params));
      }
      continue;
    }
    const { code, def } = ruling.rule;
    const per =
      def.source === 'discretionary' ? r.points : isPointCode(code) ? ctx.rules.agentPoints[code] : undefined;
    if (per === undefined) continue;
    const agent = rosterKey(ctx, l, 'agent', headerOf(INCIDENTS, 'agent'), r.agent);
    if (agent === undefined) continue;
    const count = r.count ?? 1;
    const detail = say(ctx, count > 1 ? 'score.line.incidentTimes' : 'score.line.incident', {
      date: r.date,
      count,
      points: signed(per),
      notePart: r.note === undefined ? '' : 'score.line.note',
      note: r.note ?? '',
      byPart: r.recordedBy === undefined ? '' : 'score.line.recordedBy',
      recordedBy: r.recordedBy ?? '',
    });
    push(ctx, agent, code, count, per, l, detail);
  }
  if (otherYears > 0) {
    ctx.issues.push(issue('score.outsideYear', { sheet }, { count: otherYears, year, period: ctx.period }));
  }
}

// ---- 代办事项 ---------------------------------------------------------------------------------

/**
 * 2.1/2.2 (overdue at the quarter's end, every quarter), 2.4 (late, once, in the quarter of the
 * due date) and 4.1 (on-site rating of approvals done in the quarter).
 */
export function approvalLines(ctx: LineContext, approvals: readonly Located<Approval>[]): void {
  for (const l of approvals) {
    const r = l.record;
    const due = ctx.due(l);
    const openAtEnd = r.doneDate === undefined || r.doneDate > ctx.to;
    // The case, its time limit and (when done after the quarter) its done date, for every line.
    const params: IssueParams = {
      caseId: r.caseId,
      item: r.item,
      limitPart: 'score.line.limit',
      days: r.limitDays,
      due,
      laterPart: r.doneDate !== undefined && r.doneDate > ctx.to ? 'score.line.doneLater' : '',
      done: r.doneDate ?? '',
    };
    if (due <= ctx.to && openAtEnd) overdue(ctx, l, params);
    const late = r.doneDate === undefined || r.doneDate > due;
    if (inPeriod(ctx, due) && late) lateLines(ctx, l, openAtEnd, params);
    onSiteLines(ctx, l, params);
  }
}

/** 2.4: the second-level agent of an approval done late (or not at all) with its due date in the quarter. */
function lateLines(ctx: LineContext, l: Located<Approval>, openAtEnd: boolean, params: IssueParams): void {
  const r = l.record;
  if (LATE_CODES.length === 0 || r.secondaryAgent === undefined) return;
  const agentKey = rosterKey(
    ctx,
    l,
    'secondaryAgent',
    headerOf(APPROVALS, 'secondaryAgent'),
    r.secondaryAgent,
  );
  if (agentKey === undefined) return;
  const detail = say(ctx, openAtEnd ? 'score.line.lateOpen' : 'score.line.lateDone', params);
  for (const code of LATE_CODES) {
    if (!isPointCode(code)) continue;
    push(ctx, agentKey, code, 1, ctx.rules.agentPoints[code], l, detail);
  }
}

/** 4.1: the on-site rating of an approval done in the quarter, for its first-level agent. */
function onSiteLines(ctx: LineContext, l: Located<Approval>, params: IssueParams): void {
  const r = l.record;
  const rating = r.onSiteRating;
  if (ON_SITE_CODES.length === 0 || rating === undefined) return;
  if (r.doneDate === undefined || !inPeriod(ctx, r.doneDate)) return;
  const agentKey = rosterKey(ctx, l, 'primaryAgent', headerOf(APPROVALS, 'primaryAgent'), r.primaryAgent);
  if (agentKey === undefined) return;
  const detail = say(ctx, 'score.line.onSite', { ...params, rating });
  for (const code of ON_SITE_CODES) push(ctx, agentKey, code, 1, ctx.rules.levelPoints[rating], l, detail);
}

function overdue(ctx: LineContext, l: Located<Approval>, params: IssueParams): void {
  const r = l.record;
  const project = ctx.projects.get(ctx.key(r.projectId));
  if (!project) {
    ctx.issues.push(issue('score.unknownProject', at(l, 'projectId'), { value: r.projectId }));
    return;
  }
  const category = project.record.category;
  const code = OVERDUE_BY_WHEN.get(`${category}|${r.difficulty}`);
  if (code === undefined || !isPointCode(code)) return; // other categories: no deduction (DOMAIN §7)
  const agentKey = rosterKey(ctx, l, 'primaryAgent', headerOf(APPROVALS, 'primaryAgent'), r.primaryAgent);
  if (agentKey === undefined) return;
  const detail = say(ctx, 'score.line.overdue', {
    ...params,
    projectId: project.record.projectId,
    category,
    difficulty: r.difficulty,
  });
  push(ctx, agentKey, code, 1, ctx.rules.agentPoints[code], l, detail);
}

// ---- 满意度测评 -------------------------------------------------------------------------------

/** 4.2: each survey dated in the quarter, at the points of its overall level. */
export function surveyLines(ctx: LineContext, surveys: readonly Located<Survey>[]): void {
  for (const l of surveys) {
    const r = l.record;
    if (!inPeriod(ctx, r.date)) continue;
    const overall = surveyLevel(r);
    if (!overall) {
      ctx.issues.push(issue('survey.noAnswer', at(l, 'attitude')));
      continue;
    }
    const agentKey = rosterKey(ctx, l, 'agent', headerOf(SURVEYS, 'agent'), r.agent);
    if (agentKey === undefined) continue;
    const detail = say(ctx, r.company === undefined ? 'score.line.survey' : 'score.line.surveyOf', {
      date: r.date,
      company: r.company ?? '',
      answered: overall.answered,
      mean: overall.mean.toFixed(2),
      level: overall.level,
    });
    for (const code of SURVEY_CODES) {
      push(ctx, agentKey, code, 1, ctx.rules.levelPoints[overall.level], l, detail);
    }
  }
}
