import {
  AGENT_RULES,
  AGENT_RULE_CODES,
  isAgentRuleCode,
  type AgentRuleCode,
  type AgentRuleDef,
  type RuleSource,
} from '../rules/agent.js';
import { APPROVALS, SURVEYS } from '../schema/master.js';
import type { IssueCode } from '../issues/codes.js';
import { joinNames } from '../issues/issue.js';
import type { Incident } from './types.js';

/**
 * One 扣分记录 row against the rule table, decided once: the master reader reports what it finds
 * (and drops the rows it rejects), the agent scoring reads the same ruling for data built by other
 * means.
 */

/** Where the occurrences of a derived rule come from (the message when one is typed in 扣分记录). */
const DERIVED_SHEET: Readonly<Partial<Record<RuleSource, string>>> = {
  overdueApproval: APPROVALS.name,
  lateApproval: APPROVALS.name,
  onSiteRating: APPROVALS.name,
  survey: SURVEYS.name,
};

/** Rule codes that may be typed into 扣分记录, for the message listing them. */
export const TYPABLE_CODES: readonly AgentRuleCode[] = AGENT_RULE_CODES.filter((c) => {
  const s = (AGENT_RULES[c] as AgentRuleDef).source;
  return s === 'incident' || s === 'discretionary';
});

/** A rule code as typed, as the table knows it: no spaces, lower case. */
export const ruleCodeKey = (typed: string): string => typed.replace(/\s+/gu, '').toLowerCase();

/** What is wrong with a row: the issue, the column it points at, and whether the row is rejected. */
interface IncidentFinding {
  readonly code: IssueCode;
  readonly column: 'ruleCode' | 'points';
  readonly params: Readonly<Record<string, string | number>>;
  readonly rejects: boolean;
}

interface IncidentRuling {
  /** The rule, when the code is one of the table. */
  readonly rule?: { readonly code: AgentRuleCode; readonly def: AgentRuleDef };
  readonly findings: readonly IncidentFinding[];
  /** Whether the row counts (no finding rejects it). */
  readonly usable: boolean;
}

/**
 * The ruling on a row's 规则编号 and 分值: an unknown code or a rule counted from another sheet
 * rejects the row; a 酌情 rule needs its 分值; a typed 分值 of a table rule is ignored (said).
 * @example ruleIncident({ ruleCode: '4.2' }).findings[0].code // 'incident.derivedRule'
 */
export function ruleIncident(
  r: Pick<Incident, 'ruleCode' | 'points'>,
  codeKey = ruleCodeKey,
): IncidentRuling {
  const code = codeKey(r.ruleCode);
  if (!isAgentRuleCode(code)) {
    const params = { value: r.ruleCode, allowed: joinNames(TYPABLE_CODES) };
    return rejected({ code: 'incident.unknownRule', column: 'ruleCode', params, rejects: true });
  }
  const def: AgentRuleDef = AGENT_RULES[code];
  const rule = { code, def };
  const derived = DERIVED_SHEET[def.source];
  if (derived !== undefined) {
    const params = { value: code, sheet: derived };
    return { rule, ...rejected({ code: 'incident.derivedRule', column: 'ruleCode', params, rejects: true }) };
  }
  if (def.source === 'discretionary' && r.points === undefined) {
    const finding: IncidentFinding = {
      code: 'incident.pointsNeeded',
      column: 'points',
      params: { value: code },
      rejects: true,
    };
    return { rule, ...rejected(finding) };
  }
  if (def.source === 'incident' && r.points !== undefined) {
    const params = { value: code, points: def.points ?? 0, typed: r.points };
    return {
      rule,
      findings: [{ code: 'incident.pointsIgnored', column: 'points', params, rejects: false }],
      usable: true,
    };
  }
  return { rule, findings: [], usable: true };
}

const rejected = (f: IncidentFinding): { findings: readonly IncidentFinding[]; usable: false } => ({
  findings: [f],
  usable: false,
});
