import type { AgentAssessment, UnitRanking } from '../core/scoring/index.js';
import { CATEGORY_KEYS } from '../core/rules/agent.js';
import { rankingSummary, type ScoreOutcome } from '../core/jobs/score.js';
import { message, type Issue, type Locale } from '../core/issues/issue.js';
import { table } from './format.js';
import { columns, say } from './say.js';
import { JOINERS } from '../core/schema/punctuation.js';

/** What kpd score prints: the results as JSON (--json), or the two tables for a person. */

const round2 = (n: number): number => Math.round(n * 100) / 100;

export function scoreJson(
  period: string,
  agents: AgentAssessment | undefined,
  units: UnitRanking,
  warnings: readonly Issue[],
  locale: Locale,
) {
  return {
    period,
    agents: (agents?.agents ?? []).map((a) => ({
      name: a.name,
      level: a.level,
      scores: Object.fromEntries(CATEGORY_KEYS.map((k) => [k, round2(a.scores[k])])),
      total: round2(a.total),
      rank: a.rank,
      actions: a.actions.map((x) => x.label),
    })),
    units: units.units.map((u) => ({
      unit: u.unit,
      criteria: Object.fromEntries(Object.entries(u.criteria).map(([k, c]) => [k, round2(c.points)])),
      total: round2(u.total),
      rank: u.rank,
      outcome: u.outcome ?? null,
      lastPlaceStreak: u.lastPlaceStreak,
      action: u.action ?? null,
    })),
    // Every finding of the 数据问题 sheet, notes included (a date outside the quarter, a number
    // typed as text): the JSON lists what the sheet lists.
    warnings: warnings.map((w) => ({
      code: w.code,
      severity: w.severity,
      sheet: w.sheet ?? null,
      row: w.row ?? null,
      message: message(w, locale),
    })),
  };
}

export function formatScore(period: string, outcome: ScoreOutcome, out: string, locale: Locale): string {
  const { agents, units } = outcome;
  const summary = rankingSummary(outcome);
  const label = (k: 'praise' | 'criticize' | 'admonition' | 'organization'): string =>
    say(`say.score.${k}`, locale);
  let s = '';
  if (agents) {
    s += say('say.score.agents', locale, { period }) + '\n';
    s += table(
      columns('say.score.agentColumns', locale),
      agents.agents.map((a) => [
        a.rank,
        a.name,
        a.level,
        ...CATEGORY_KEYS.map((k) => round2(a.scores[k])),
        round2(a.total),
        a.actions.map((x) => x.label).join(JOINERS[locale].semicolon),
      ]),
    );
    s += '\n';
  }
  s += say('say.score.units', locale, { period }) + '\n';
  s += table(
    columns('say.score.unitColumns', locale),
    units.units.map((u) => [
      u.rank,
      u.unit,
      round2(u.total),
      u.outcome ? label(u.outcome) : '',
      u.lastPlaceStreak || '',
      u.action ? label(u.action) : '',
    ]),
  );
  const { rowsNotCounted: problems, notes } = summary;
  if (problems + notes > 0)
    s += `\n${problems > 0 ? say('say.score.rowsNotCounted', locale, { count: problems }) : ''}${notes > 0 ? say('say.score.notes', locale, { count: notes }) : ''}${say('say.score.seeProblems', locale)}\n`;
  s += `\n${say('cli.wroteCopy', locale, { out })}\n`;
  return s;
}
