import type { MasterData } from '../master/types.js';
import type { PaperBook, PaperSheet } from '../paper/types.js';
import {
  FORM_META,
  FORMS_VERSION,
  ACCEPTANCE_FORM,
  HANDOVER_FORM,
  RECORD_FORM,
  SURVEY_FORM,
  type FormKind,
} from '../schema/forms.js';
import { issue, type Issue } from '../issues/issue.js';
import { MESSAGES } from '../issues/codes.js';
import { agentCase, BLANK_CASE, type AgentCase } from './forms-case.js';
import { acceptanceSheet, handoverSheet, recordSheet, surveySheet } from './forms-layout.js';

/** Names listed in a finding's value, joined as the Chinese list joins them. */
const LIST_SEPARATOR = MESSAGES['values.listSeparator'].zh;

/**
 * `kpd forms --case 案卷号` (代办员制度 五、工作流程): a case's papers from the master's 代办事项 —
 * 代办受理表 (with the 工作守则), 督导代办情况记录表 (a line per approval done), 手续代办移交表 and
 * the 满意度测评表 of 附件3 — each a workbook of one A4 page. Pure: the adapter writes them.
 */
export interface FormPaper {
  readonly kind: FormKind;
  readonly fileName: string;
  readonly book: PaperBook;
}

interface CaseFormsResult {
  readonly caseId: string;
  readonly projectId: string;
  readonly company: string;
  readonly agent: string;
  readonly approvals: number;
  readonly done: number;
  readonly open: number;
  /** The date of the survey printed on the 满意度测评表, if one is recorded. */
  readonly survey?: string;
}

export interface CaseFormsJob {
  readonly result: CaseFormsResult;
  readonly papers: readonly FormPaper[];
  readonly issues: readonly Issue[];
}

const LAYOUTS: Readonly<
  Record<
    FormKind,
    {
      readonly form: { id: string; fileName: string; title: string };
      readonly sheet: (c: AgentCase) => PaperSheet;
    }
  >
> = {
  acceptance: { form: ACCEPTANCE_FORM, sheet: acceptanceSheet },
  record: { form: RECORD_FORM, sheet: recordSheet },
  handover: { form: HANDOVER_FORM, sheet: handoverSheet },
  survey: { form: SURVEY_FORM, sheet: surveySheet },
};

function papers(c: AgentCase, prefix: string): FormPaper[] {
  return (Object.keys(LAYOUTS) as FormKind[]).map((kind) => {
    const { form, sheet } = LAYOUTS[kind];
    return {
      kind,
      fileName: `${prefix}${form.fileName}`,
      book: {
        id: form.id,
        version: FORMS_VERSION,
        title: form.title,
        sheets: [sheet(c)],
        ...(c.caseId !== '' && { meta: [[FORM_META.caseId, c.caseId] as const] }),
      },
    };
  });
}

/**
 * @example const job = caseForms(master, 'DB-2026-001'); // four papers, DB-2026-001-代办受理表.xlsx …
 */
export function caseForms(master: MasterData, caseId: string): CaseFormsJob | Issue {
  const c = agentCase(master, caseId.trim());
  if (!c) {
    const known = [...new Set(master.approvals.map((a) => a.record.caseId))];
    return issue(
      'forms.unknownCase',
      {},
      { value: caseId, allowed: known.slice(0, 12).join(LIST_SEPARATOR) + (known.length > 12 ? ' …' : '') },
    );
  }
  const open = c.approvals.filter((a) => a.done === undefined);
  const issues: Issue[] = [];
  if (open.length > 0)
    issues.push(
      issue(
        'forms.openApprovals',
        {},
        { caseId: c.caseId, count: open.length, items: open.map((a) => a.item).join(LIST_SEPARATOR) },
      ),
    );
  if (!c.survey) issues.push(issue('forms.noSurvey', {}, { agent: c.agent, company: c.company }));
  return {
    result: {
      caseId: c.caseId,
      projectId: c.projectId,
      company: c.company,
      agent: c.agent,
      approvals: c.approvals.length,
      done: c.approvals.length - open.length,
      open: open.length,
      ...(c.survey && { survey: c.survey.date }),
    },
    papers: papers(c, `${c.caseId}-`),
    issues,
  };
}

/** The four forms blank, for `kpd templates`: 代办受理表.xlsx, 督导代办情况记录表.xlsx … */
export const blankForms = (): FormPaper[] => papers(BLANK_CASE, '');
