import type { WorkbookGrid } from '../values/grid.js';
import { readMaster } from '../master/read.js';
import { MASTER } from '../schema/master.js';
import { REPORT } from '../schema/report.js';
import { OUTPUTS, TEMPLATES } from '../schema/templates.js';
import { TOPICS } from '../schema/topics.js';
import type { TemplateSpec } from '../schema/types.js';
import { sortIssues, type Issue } from '../issues/issue.js';
import { validateWorkbook, type ValidationContext } from '../validate/workbook.js';
import { identifyTemplate, isIssue } from '../workbook/identify.js';
import { notMasterIssue } from '../workbook/master-kind.js';

/**
 * 检查 / kpd validate, one use case for every shell: which form a workbook is and its findings,
 * sorted (validateWorkbook stays the reader that dispatches to each form's checks).
 */

/** The forms people fill and the pane checks, besides the master. */
const FORMS: ReadonlySet<string> = new Set([REPORT.id, TOPICS.id]);

interface FormCheck {
  readonly template: TemplateSpec;
  /** The form's name as people call its file (总台账, 半月进展报表 …). */
  readonly name: string;
  readonly issues: readonly Issue[];
}

/**
 * The form a workbook is (the master, a 半月进展报表, a 议题申报表) and its findings sorted; or what
 * else it is (`other`: a bulletin, an agenda …; undefined: none of ours), to say it is not a form.
 */
export function formOf(grid: WorkbookGrid): FormCheck | { readonly notAForm: TemplateSpec | undefined } {
  if (notMasterIssue(grid) === undefined) {
    const sheets = MASTER.sheets.map((s) => s.name);
    return { template: MASTER, name: stem(MASTER), issues: sortIssues(readMaster(grid).issues, sheets) };
  }
  const v = validateWorkbook(grid);
  if (v.template && FORMS.has(v.template.id))
    return { template: v.template, name: stem(v.template), issues: v.issues };
  // A bulletin or an agenda is recognised too, to say what it is.
  const id = identifyTemplate(grid, [...TEMPLATES, ...OUTPUTS]);
  return { notAForm: v.template ?? (isIssue(id) ? undefined : id.template) };
}

const stem = (t: TemplateSpec): string => t.fileName.replace(/\.xlsx$/u, '');

interface WorkbookCheck {
  readonly result: { readonly template: TemplateSpec | undefined; readonly version: number | undefined };
  readonly issues: readonly Issue[];
}

/**
 * kpd validate's check of one workbook: what it is and every finding, the reading's own
 * (`known`: a mail's bad date, the loader's notes) sorted with the form's, in its sheets' order.
 */
export function validateJob(
  grid: WorkbookGrid,
  context: ValidationContext = {},
  known: readonly Issue[] = [],
): WorkbookCheck {
  const v = validateWorkbook(grid, context);
  return {
    result: { template: v.template, version: v.version },
    issues: sortIssues(
      [...known, ...v.issues],
      v.template?.sheets.map((s) => s.name),
    ),
  };
}
