import { issue, type Issue } from '../issues/issue.js';
import { UNIT_CRITERIA, CRITERION_KEYS } from '../rules/unit.js';
import { AGENTS, APPROVALS, DECISIONS, MILESTONES, PROJECTS, SURVEYS } from '../schema/master.js';
import type { ColumnSpec } from '../schema/types.js';
import { AGENT_LEVEL, SURVEY_ITEMS } from '../rules/vocab.js';
import { matchKey } from '../values/text.js';
import { ruleIncident } from './incident.js';
import type { Located, MasterData } from './types.js';

/**
 * References between the master's sheets and the consistency rules of DOMAIN §1–§7.
 * A row whose reference cannot be resolved is dropped from the data (and reported); a row that
 * is only inconsistent (plan above total) stays and is reported.
 */

type Where = ReturnType<typeof at>;

function at(l: Located<unknown>, key: string) {
  return { sheet: l.sheet, row: l.row, column: l.columns.get(key) };
}

/** A column's header as the schema names it. */
function headerOf(spec: { readonly columns: readonly ColumnSpec[] }, key: string): string {
  return spec.columns.find((c) => c.key === key)?.header ?? key;
}

/** The people of "五个一": one each per project. */
const ONE_PERSON = ['commander', 'unitHead', 'agent', 'townCadre'] as const;
/** Two or more names in one cell: separated by 、，,;；/, or a space between Chinese names. */
const SEVERAL_NAMES = /[、，,;；/／]|[\u4e00-\u9fff]\s+[\u4e00-\u9fff]/u;

/** Keys of rows that exist in a sheet but have errors (so they are not in the data), with their rows. */
interface FlawedRows {
  readonly projects: ReadonlyMap<string, number>;
  readonly agents: ReadonlyMap<string, number>;
}

const NO_FLAWS: FlawedRows = { projects: new Map(), agents: new Map() };

/** What every check of one master needs: the issues so far and the keys the references resolve to. */
interface Ctx {
  readonly issues: Issue[];
  readonly flawed: FlawedRows;
  readonly projectIds: ReadonlySet<string>;
  readonly agentLevel: ReadonlyMap<string, string>;
}

export function checkMaster(
  d: MasterData,
  flawed: FlawedRows = NO_FLAWS,
): { data: MasterData; issues: Issue[] } {
  const ctx: Ctx = {
    issues: [],
    flawed,
    projectIds: new Set(d.projects.map((p) => matchKey(p.record.projectId))),
    agentLevel: new Map(d.agents.map((a) => [matchKey(a.record.name), a.record.level])),
  };
  checkProjects(ctx, d);
  const milestones = checkMilestones(ctx, d.milestones);
  const approvals = d.approvals.filter((a) => checkApproval(ctx, a));
  const surveys = d.surveys.filter((s) => checkSurvey(ctx, s));
  const incidents = d.incidents.filter((i) => checkIncident(ctx, i));
  const unitScores = checkUnitScores(ctx, d);
  checkDecisions(ctx, d.decisions);
  checkLedgerHqs(ctx, d);
  return { data: { ...d, milestones, approvals, surveys, incidents, unitScores }, issues: ctx.issues };
}

/**
 * A reference that does not resolve: "not registered", unless the name is there on a row
 * that has errors of its own — then that row is the thing to fix, and the message says so.
 */
function unresolved(ctx: Ctx, code: 'ref.project' | 'ref.agent', where: Where, value: string): Issue {
  const [rows, sheet] =
    code === 'ref.project' ? [ctx.flawed.projects, PROJECTS.name] : [ctx.flawed.agents, AGENTS.name];
  const row = rows.get(matchKey(value));
  return row === undefined
    ? issue(code, where, { value })
    : issue('ref.flawedRow', where, { value, sheet, row });
}

// 项目登记
function checkProjects(ctx: Ctx, d: MasterData): void {
  const { issues } = ctx;
  for (const p of d.projects) {
    const r = p.record;
    // "五个一": exactly one person each (DOMAIN §1); two names typed into one cell are flagged.
    for (const key of ONE_PERSON) {
      const v = r[key];
      if (typeof v === 'string' && SEVERAL_NAMES.test(v.trim())) {
        issues.push(issue('project.onePerson', at(p, key), { header: headerOf(PROJECTS, key), value: v }));
      }
    }
    if (r.annualPlan > r.totalInvestment) {
      issues.push(
        issue('project.planExceedsTotal', at(p, 'annualPlan'), {
          project: r.projectId,
          plan: r.annualPlan,
          total: r.totalInvestment,
        }),
      );
    }
    if (r.plannedStart && r.plannedEnd && r.plannedStart > r.plannedEnd) {
      issues.push(
        issue('project.startAfterEnd', at(p, 'plannedEnd'), {
          startHeader: headerOf(PROJECTS, 'plannedStart'),
          start: r.plannedStart,
          endHeader: headerOf(PROJECTS, 'plannedEnd'),
          end: r.plannedEnd,
        }),
      );
    }
    if (r.agent) {
      const level = ctx.agentLevel.get(matchKey(r.agent));
      if (level === undefined && d.agents.length > 0) {
        issues.push(unresolved(ctx, 'ref.agent', at(p, 'agent'), r.agent));
      } else if (level === AGENT_LEVEL.second) {
        const header = headerOf(PROJECTS, 'agent');
        issues.push(issue('ref.agentLevel', at(p, 'agent'), { header, value: r.agent, level }));
      }
    }
  }
}

// 节点计划: the project registered, 节点序号 once per project, 前置节点 among them.
function checkMilestones(ctx: Ctx, all: MasterData['milestones']): MasterData['milestones'] {
  const { issues } = ctx;
  const seqsByProject = new Map<string, Map<number, number>>();
  const milestones = all.filter((m) => {
    const pid = matchKey(m.record.projectId);
    if (!ctx.projectIds.has(pid)) {
      issues.push(unresolved(ctx, 'ref.project', at(m, 'projectId'), m.record.projectId));
      return false;
    }
    const seqs = seqsByProject.get(pid) ?? new Map<number, number>();
    seqsByProject.set(pid, seqs);
    const first = seqs.get(m.record.seq);
    if (first !== undefined) {
      const header = headerOf(MILESTONES, 'seq');
      issues.push(issue('cell.duplicate', at(m, 'seq'), { header, value: m.record.seq, firstRow: first }));
      return false;
    }
    seqs.set(m.record.seq, m.row);
    return true;
  });
  for (const m of milestones) {
    const seqs = seqsByProject.get(matchKey(m.record.projectId));
    for (const pred of (m.record.predecessors ?? '').split(/[,，、;；\s]+/u).filter(Boolean)) {
      if (!seqs?.has(Number(pred))) {
        issues.push(
          issue('ref.milestone', at(m, 'predecessors'), { value: pred, project: m.record.projectId }),
        );
      }
    }
  }
  return milestones;
}

/** Whether a name typed in a row is in the roster (reported when not), its level checked if wanted. */
function knownAgent(
  ctx: Ctx,
  l: Located<unknown>,
  spec: typeof APPROVALS | typeof SURVEYS,
  key: string,
  name: string | undefined,
  want?: string,
): boolean {
  if (name === undefined) return true;
  const level = ctx.agentLevel.get(matchKey(name));
  if (level === undefined) {
    ctx.issues.push(unresolved(ctx, 'ref.agent', at(l, key), name));
    return false;
  }
  if (want && level !== want) {
    ctx.issues.push(issue('ref.agentLevel', at(l, key), { header: headerOf(spec, key), value: name, level }));
  }
  return true;
}

// 代办事项
function checkApproval(ctx: Ctx, a: MasterData['approvals'][number]): boolean {
  const r = a.record;
  let ok = true;
  if (!ctx.projectIds.has(matchKey(r.projectId))) {
    ctx.issues.push(unresolved(ctx, 'ref.project', at(a, 'projectId'), r.projectId));
    ok = false;
  }
  ok = knownAgent(ctx, a, APPROVALS, 'primaryAgent', r.primaryAgent, AGENT_LEVEL.first) && ok;
  ok = knownAgent(ctx, a, APPROVALS, 'secondaryAgent', r.secondaryAgent, AGENT_LEVEL.second) && ok;
  if (r.doneDate !== undefined && r.doneDate < r.startDate) {
    ctx.issues.push(
      issue('approval.doneBeforeStart', at(a, 'doneDate'), { done: r.doneDate, start: r.startDate }),
    );
    ok = false;
  }
  return ok;
}

// 满意度测评
function checkSurvey(ctx: Ctx, s: MasterData['surveys'][number]): boolean {
  let ok = knownAgent(ctx, s, SURVEYS, 'agent', s.record.agent);
  if (SURVEY_ITEMS.every((it) => s.record[it.key] === undefined)) {
    ctx.issues.push(issue('survey.noAnswer', at(s, SURVEY_ITEMS[0].key)));
    ok = false;
  }
  return ok;
}

// 扣分记录: the agent in the roster, the rule ruled once (incident.ts).
function checkIncident(ctx: Ctx, i: MasterData['incidents'][number]): boolean {
  const r = i.record;
  let ok = true;
  if (!ctx.agentLevel.has(matchKey(r.agent))) {
    ctx.issues.push(unresolved(ctx, 'ref.agent', at(i, 'agent'), r.agent));
    ok = false;
  }
  const ruling = ruleIncident(r);
  for (const f of ruling.findings) ctx.issues.push(issue(f.code, at(i, f.column), f.params));
  return ruling.usable && ok;
}

// 单位考评: each typed cell stands alone (DOMAIN §4) — one over its weight is left out (said),
// that criterion is computed, and the row's other typed cells stay.
function checkUnitScores(ctx: Ctx, d: MasterData): MasterData['unitScores'] {
  const units = new Set(d.projects.map((p) => matchKey(p.record.unit)));
  return d.unitScores.map((u) => {
    if (!units.has(matchKey(u.record.unit))) {
      ctx.issues.push(issue('ref.unit', at(u, 'unit'), { value: u.record.unit }));
    }
    let record = u.record;
    for (const k of CRITERION_KEYS) {
      const v = u.record[k];
      const max = d.rules.unitWeights[k];
      if (v !== undefined && v > max) {
        ctx.issues.push(
          issue('unitScore.overWeight', at(u, k), { header: UNIT_CRITERIA[k].name, value: v, max }),
        );
        record = { ...record, [k]: undefined };
      }
    }
    return record === u.record ? u : { ...u, record };
  });
}

// 督办事项
function checkDecisions(ctx: Ctx, decisions: MasterData['decisions']): void {
  for (const x of decisions) {
    if (x.record.deadline < x.record.meetingDate) {
      ctx.issues.push(
        issue('project.startAfterEnd', at(x, 'deadline'), {
          startHeader: headerOf(DECISIONS, 'meetingDate'),
          start: x.record.meetingDate,
          endHeader: headerOf(DECISIONS, 'deadline'),
          end: x.record.deadline,
        }),
      );
    }
  }
}

// Ledgers imported from bulletins: unknown HQs or projects are reported, not dropped.
function checkLedgerHqs(ctx: Ctx, d: MasterData): void {
  const hqs = new Set(d.projects.map((p) => (p.record.hq ? matchKey(p.record.hq) : '')));
  for (const l of [...d.progressLog, ...d.submissionLog, ...d.siteWorkLog, ...d.siteWorkWeeks]) {
    if (!hqs.has(matchKey(l.record.hq)))
      ctx.issues.push(issue('ref.hq', at(l, 'hq'), { value: l.record.hq }));
  }
}
