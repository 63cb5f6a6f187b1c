/**
 * Scoring: 附件1 agent assessment (quarterly) and the 五、考核问责 unit ranking (quarterly or
 * half-yearly), computed from the master workbook's data and the rule set it carries.
 */
export { scoreAgents, type AgentInput } from './agents.js';
export { rankUnits, rankingHasData, MANUAL_NOTE, type UnitInput } from './units.js';
export { NOTHING_TO_COUNT } from './unit-ledgers.js';
export { surveyLevel, ratingOf, type SurveyLevel } from './survey.js';
export { competitionRanks, type Ranked } from './rank.js';
export { OUTCOME_LABEL, ACTION_LABEL } from './labels.js';
export {
  type AgentAction,
  type AgentAssessment,
  type AgentResult,
  type ScoreLine,
  type CriterionScore,
  type UnitAction,
  type UnitOutcome,
  type UnitRanking,
  type UnitResult,
} from './types.js';
