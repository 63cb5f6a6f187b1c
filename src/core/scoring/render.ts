import { AGENT_CATEGORIES, CATEGORY_KEYS } from '../rules/agent.js';
import { CRITERION_KEYS, UNIT_CRITERIA } from '../rules/unit.js';
import type { AgentAssessment, UnitRanking } from './types.js';
import { ACTION_LABEL, OUTCOME_LABEL } from './labels.js';
import { cellRef, formatMessage, message, type Issue, type Locale } from '../issues/issue.js';
import type { RowValues } from '../template/samples.js';
import { RESULT_JOINS } from '../schema/results.js';

/**
 * The rows of the result sheets, by column key: what the writer puts into the workbook. The
 * words joining values come from the message table in `locale` (the sheets are Chinese).
 */

const listSeparator = (locale: Locale): string => formatMessage('values.listSeparator', {}, locale);

export function agentResultRows(a: AgentAssessment): RowValues[] {
  return a.agents.map((r) => ({
    rank: r.rank,
    name: r.name,
    level: r.level,
    ...Object.fromEntries(CATEGORY_KEYS.map((k) => [k, r.scores[k]])),
    total: r.total,
    rating: r.rating ?? null,
    actions: r.actions.map((x) => x.label).join(RESULT_JOINS.clause) || null,
  }));
}

export function scoreLineRows(a: AgentAssessment): RowValues[] {
  return a.lines.map((l) => ({
    agent: l.agent,
    category: AGENT_CATEGORIES[l.category].name,
    code: l.code,
    text: l.text,
    count: l.count,
    perOccurrence: l.perOccurrence ?? null,
    points: l.points,
    sheet: l.sheet,
    row: l.row,
    detail: l.detail,
  }));
}

export function unitRankingRows(u: UnitRanking, locale: Locale = 'zh'): RowValues[] {
  return u.units.map((r) => ({
    rank: r.rank,
    unit: r.unit,
    ...Object.fromEntries(CRITERION_KEYS.map((k) => [k, r.criteria[k].points])),
    total: r.total,
    outcome: r.outcome ? OUTCOME_LABEL[r.outcome] : null,
    streak: r.lastPlaceStreak || null,
    action: r.action ? ACTION_LABEL[r.action] : null,
    typed:
      CRITERION_KEYS.filter((k) => r.criteria[k].typed)
        .map((k) => UNIT_CRITERIA[k].name)
        .join(listSeparator(locale)) || null,
  }));
}

/** 排名计算说明: how each criterion of each unit was counted, in rank order. */
export function unitRankingNoteRows(u: UnitRanking): RowValues[] {
  return u.units.map((r) => ({
    rank: r.rank,
    unit: r.unit,
    notes: CRITERION_KEYS.map(
      (k) => `${UNIT_CRITERIA[k].name}${RESULT_JOINS.labelled}${r.criteria[k].note}`,
    ).join(RESULT_JOINS.clause),
  }));
}

/**
 * This period's rows of 排名历史, each with the rule set used. Merged into the sheet by
 * (考评期, 责任单位): a re-run replaces the period's rows, never doubles them; rows of other
 * periods (typed, or earlier runs) stay as they were.
 */
export function historyRows(u: UnitRanking, rulesLabel: string): RowValues[] {
  return u.units.map((r) => ({
    period: u.period,
    unit: r.unit,
    total: r.total,
    rank: r.rank,
    outcome: r.outcome ? OUTCOME_LABEL[r.outcome] : null,
    streak: r.lastPlaceStreak,
    action: r.action ? ACTION_LABEL[r.action] : null,
    // Which numbers ranked this period: a later change of the 规则 sheet does not rewrite history.
    rules: rulesLabel,
  }));
}

/**
 * 数据问题: its own words (where, how handled) are the sheet's, Chinese like its headers; the
 * messages are in the person's language.
 */
const SHEET_LOCALE: Locale = 'zh';

export function problemRows(issues: readonly Issue[], locale: Locale = 'zh'): RowValues[] {
  return issues
    .filter((i) => i.severity !== 'info' || i.row !== undefined)
    .map((i, k) => ({
      seq: k + 1,
      sheet: i.sheet ?? null,
      cell:
        cellRef(i) ||
        (i.row !== undefined ? formatMessage('mergeOut.rowAt', { row: i.row }, SHEET_LOCALE) : null),
      handling: formatMessage(
        i.severity === 'error' ? 'score.handling.excluded' : 'score.handling.note',
        {},
        SHEET_LOCALE,
      ),
      code: i.code,
      message: message(i, locale),
    }));
}
