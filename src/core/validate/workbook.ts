import type { WorkbookGrid } from '../values/grid.js';
import { MASTER } from '../schema/master.js';
import { REPORT } from '../schema/report.js';
import { TOPICS } from '../schema/topics.js';
import { AGENT_WEEKLY } from '../schema/weekly.js';
import { readWeekly } from '../weekly/read.js';
import { DECISION_FORM } from '../schema/decisions.js';
import { readDecisionForm } from '../decisions/read.js';
import type { TemplateSpec } from '../schema/types.js';
import { identifyTemplate, isIssue } from '../workbook/identify.js';
import { readMaster } from '../master/read.js';
import { readReport, type RegisterContext } from '../report/read.js';
import { readTopics } from '../topics/read.js';
import { DEFAULT_RULES, type RuleSet } from '../rules/ruleset.js';
import { sortIssues, type Issue } from '../issues/issue.js';

export interface ValidationContext {
  /** The register, to check reports' projects against (kpd validate --master). */
  readonly register?: RegisterContext;
  readonly rules?: RuleSet;
}

interface WorkbookValidation {
  readonly template?: TemplateSpec;
  readonly version?: number;
  readonly issues: readonly Issue[];
}

type Validator = (wb: WorkbookGrid, ctx: ValidationContext) => readonly Issue[];

/** Each template declares how it is checked; `validateWorkbook` only dispatches. */
const VALIDATORS: Readonly<Record<string, Validator>> = {
  [MASTER.id]: (wb) => readMaster(wb).issues,
  [REPORT.id]: (wb, ctx) => readReport(wb, ctx.register).issues,
  [TOPICS.id]: (wb, ctx) => readTopics(wb, ctx.rules ?? DEFAULT_RULES).issues,
  [AGENT_WEEKLY.id]: (wb, ctx) => readWeekly(wb, ctx.rules ?? DEFAULT_RULES).issues,
  [DECISION_FORM.id]: (wb) => readDecisionForm(wb).issues,
};

/**
 * Recognises a filled workbook's template and checks everything the template's schema and
 * rules say. Issues come sorted by sheet order, row and column.
 */
export function validateWorkbook(wb: WorkbookGrid, ctx: ValidationContext = {}): WorkbookValidation {
  const id = identifyTemplate(wb);
  if (isIssue(id)) return { issues: [id] };
  const validate = VALIDATORS[id.template.id];
  const issues = [...id.issues, ...(validate ? validate(wb, ctx) : [])];
  return {
    template: id.template,
    ...(id.version !== undefined && { version: id.version }),
    issues: sortIssues(
      issues,
      id.template.sheets.map((s) => s.name),
    ),
  };
}
