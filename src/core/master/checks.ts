import { issue, type Issue } from '../validate/issue.js';
import { AGENT_RULES, isAgentRuleCode, type AgentRuleDef } from '../rules/agent.js';
import { UNIT_CRITERIA, CRITERION_KEYS } from '../rules/unit.js';
import { SURVEYS, APPROVALS, PROJECTS } from '../schema/master.js';
import { SURVEY_ITEMS } from '../schema/vocab.js';
import { matchKey } from '../values/text.js';
import type { Located, MasterData } from './types.js';

/**
 * References between the master's sheets and the consistency rules of DOMAIN §1–§7.
 * A row whose reference cannot be resolved is dropped from the data (and reported); a row that
 * is only inconsistent (plan above total) stays and is reported.
 */

function at(l: Located<unknown>, key: string) {
  return { sheet: l.sheet, row: l.row, column: l.columns.get(key) };
}

/** The people of "五个一": one each per project. */
const ONE_PERSON = ['commander', 'unitHead', 'agent', 'townCadre'] as const;
/** Two or more names in one cell: separated by 、，,;；/, or a space between Chinese names. */
const SEVERAL_NAMES = /[、，,;；/／]|[\u4e00-\u9fff]\s+[\u4e00-\u9fff]/u;

/** Incident codes that may be typed into 扣分记录, for the message listing them. */
const TYPABLE = (Object.entries(AGENT_RULES) as [string, AgentRuleDef][])
  .filter(([, d]) => d.source === 'incident' || d.source === 'discretionary')
  .map(([c]) => c);

const DERIVED_FROM: Readonly<Record<string, string>> = {
  overdueApproval: '代办事项',
  lateApproval: '代办事项',
  onSiteRating: '代办事项',
  survey: '满意度测评',
};

/** Keys of rows that exist in a sheet but have errors (so they are not in the data), with their rows. */
export interface FlawedRows {
  readonly projects: ReadonlyMap<string, number>;
  readonly agents: ReadonlyMap<string, number>;
}

const NO_FLAWS: FlawedRows = { projects: new Map(), agents: new Map() };

export function checkMaster(
  d: MasterData,
  flawed: FlawedRows = NO_FLAWS,
): { data: MasterData; issues: Issue[] } {
  const issues: Issue[] = [];
  /**
   * A reference that does not resolve: "not registered", unless the name is there on a row
   * that has errors of its own — then that row is the thing to fix, and the message says so.
   */
  const unresolved = (
    code: 'ref.project' | 'ref.agent',
    where: ReturnType<typeof at>,
    value: string,
  ): Issue => {
    const [rows, sheet] =
      code === 'ref.project' ? [flawed.projects, '项目登记'] : [flawed.agents, '代办员名册'];
    const row = rows.get(matchKey(value));
    return row === undefined
      ? issue(code, where, { value })
      : issue('ref.flawedRow', where, { value, sheet, row });
  };
  const projectIds = new Set(d.projects.map((p) => matchKey(p.record.projectId)));
  const agentLevel = new Map(d.agents.map((a) => [matchKey(a.record.name), a.record.level]));
  const units = new Set(d.projects.map((p) => matchKey(p.record.unit)));
  const hqs = new Set(d.projects.map((p) => (p.record.hq ? matchKey(p.record.hq) : '')));

  // 项目登记
  for (const p of d.projects) {
    const r = p.record;
    // "五个一": exactly one person each (DOMAIN §1); two names typed into one cell are flagged.
    for (const key of ONE_PERSON) {
      const v = r[key];
      if (typeof v === 'string' && SEVERAL_NAMES.test(v.trim())) {
        const header = PROJECTS.columns.find((c) => c.key === key)?.header ?? key;
        issues.push(issue('project.onePerson', at(p, key), { header, value: v }));
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
          startHeader: '计划开工日期',
          start: r.plannedStart,
          endHeader: '计划竣工日期',
          end: r.plannedEnd,
        }),
      );
    }
    if (r.agent) {
      const level = agentLevel.get(matchKey(r.agent));
      if (level === undefined && d.agents.length > 0) {
        issues.push(unresolved('ref.agent', at(p, 'agent'), r.agent));
      } else if (level === '二级') {
        issues.push(
          issue('ref.agentLevel', at(p, 'agent'), { header: '代办员', value: r.agent, level: '二级' }),
        );
      }
    }
  }

  // 节点计划
  const seqsByProject = new Map<string, Map<number, number>>();
  const milestones = d.milestones.filter((m) => {
    const pid = matchKey(m.record.projectId);
    if (!projectIds.has(pid)) {
      issues.push(unresolved('ref.project', at(m, 'projectId'), m.record.projectId));
      return false;
    }
    const seqs = seqsByProject.get(pid) ?? new Map<number, number>();
    seqsByProject.set(pid, seqs);
    const first = seqs.get(m.record.seq);
    if (first !== undefined) {
      issues.push(
        issue('cell.duplicate', at(m, 'seq'), { header: '节点序号', value: m.record.seq, firstRow: first }),
      );
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

  const knownAgent = (
    l: Located<unknown>,
    spec: typeof APPROVALS | typeof SURVEYS,
    key: string,
    name: string | undefined,
    want?: string,
  ): boolean => {
    if (name === undefined) return true;
    const level = agentLevel.get(matchKey(name));
    if (level === undefined) {
      issues.push(unresolved('ref.agent', at(l, key), name));
      return false;
    }
    if (want && level !== want) {
      const header = spec.columns.find((c) => c.key === key)?.header ?? key;
      issues.push(issue('ref.agentLevel', at(l, key), { header, value: name, level }));
    }
    return true;
  };

  // 代办事项
  const approvals = d.approvals.filter((a) => {
    const r = a.record;
    let ok = true;
    if (!projectIds.has(matchKey(r.projectId))) {
      issues.push(unresolved('ref.project', at(a, 'projectId'), r.projectId));
      ok = false;
    }
    ok = knownAgent(a, APPROVALS, 'primaryAgent', r.primaryAgent, '一级') && ok;
    ok = knownAgent(a, APPROVALS, 'secondaryAgent', r.secondaryAgent, '二级') && ok;
    if (r.doneDate !== undefined && r.doneDate < r.startDate) {
      issues.push(
        issue('approval.doneBeforeStart', at(a, 'doneDate'), { done: r.doneDate, start: r.startDate }),
      );
      ok = false;
    }
    return ok;
  });

  // 满意度测评
  const surveys = d.surveys.filter((s) => {
    let ok = knownAgent(s, SURVEYS, 'agent', s.record.agent);
    if (SURVEY_ITEMS.every((it) => s.record[it.key] === undefined)) {
      issues.push(issue('survey.noAnswer', at(s, 'attitude')));
      ok = false;
    }
    return ok;
  });

  // 扣分记录
  const incidents = d.incidents.filter((i) => {
    const r = i.record;
    const where = (key: string) => at(i, key);
    let ok = true;
    if (!agentLevel.has(matchKey(r.agent))) {
      issues.push(unresolved('ref.agent', where('agent'), r.agent));
      ok = false;
    }
    const code = r.ruleCode.replace(/\s+/gu, '').toLowerCase();
    if (!isAgentRuleCode(code)) {
      issues.push(
        issue('incident.unknownRule', where('ruleCode'), { value: r.ruleCode, allowed: TYPABLE.join('、') }),
      );
      return false;
    }
    const def: AgentRuleDef = AGENT_RULES[code];
    const derivedFrom = DERIVED_FROM[def.source];
    if (derivedFrom) {
      issues.push(issue('incident.derivedRule', where('ruleCode'), { value: code, sheet: derivedFrom }));
      return false;
    }
    if (def.source === 'discretionary' && r.points === undefined) {
      issues.push(issue('incident.pointsNeeded', where('points'), { value: code }));
      ok = false;
    }
    if (def.source === 'incident' && r.points !== undefined) {
      issues.push(
        issue('incident.pointsIgnored', where('points'), {
          value: code,
          points: def.points ?? 0,
          typed: r.points,
        }),
      );
    }
    return ok;
  });

  // 单位考评: each typed cell stands alone (DOMAIN §4) — one over its weight is left out (said),
  // that criterion is computed, and the row's other typed cells stay.
  const unitScores = d.unitScores.map((u) => {
    if (!units.has(matchKey(u.record.unit))) {
      issues.push(issue('ref.unit', at(u, 'unit'), { value: u.record.unit }));
    }
    let record = u.record;
    for (const k of CRITERION_KEYS) {
      const v = u.record[k];
      const max = d.rules.unitWeights[k];
      if (v !== undefined && v > max) {
        issues.push(
          issue('unitScore.overWeight', at(u, k), { header: UNIT_CRITERIA[k].name, value: v, max }),
        );
        record = { ...record, [k]: undefined };
      }
    }
    return record === u.record ? u : { ...u, record };
  });

  // 督办事项
  for (const x of d.decisions) {
    if (x.record.deadline < x.record.meetingDate) {
      issues.push(
        issue('project.startAfterEnd', at(x, 'deadline'), {
          startHeader: '会议日期',
          start: x.record.meetingDate,
          endHeader: '完成时限',
          end: x.record.deadline,
        }),
      );
    }
  }

  // Ledgers imported from bulletins: unknown HQs or projects are reported, not dropped.
  for (const l of [...d.progressLog, ...d.submissionLog, ...d.siteWorkLog, ...d.siteWorkWeeks]) {
    if (!hqs.has(matchKey(l.record.hq))) issues.push(issue('ref.hq', at(l, 'hq'), { value: l.record.hq }));
  }

  return { data: { ...d, milestones, approvals, surveys, incidents, unitScores }, issues };
}
