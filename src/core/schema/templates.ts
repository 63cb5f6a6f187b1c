import { AGENDA } from './agenda.js';
import { BULLETIN } from './bulletin.js';
import { MASTER } from './master.js';
import { REPORT } from './report.js';
import { TOPICS } from './topics.js';
import { DECISION_FORM } from './decisions.js';
import type { TemplateSpec } from './types.js';
import { CHART_ID, CHART_TEXT } from './chart.js';
import { FORMS } from './forms.js';
import { AGENT_WEEKLY } from './weekly.js';

/** The labels of the hidden sheet (_kpd) where every template records what it is. */
export const TEMPLATE_META_LABELS = {
  id: '模板编号',
  version: '模板版本',
  title: '模板名称',
  generator: '生成程序',
} as const;

/** The templates people fill, in the order `kpd templates` writes them. */
export const TEMPLATES: readonly TemplateSpec[] = [MASTER, REPORT, TOPICS, AGENT_WEEKLY, DECISION_FORM];

/** What the system itself produces from them: recognised by their mark, never filled or checked. */
export const OUTPUTS: readonly TemplateSpec[] = [BULLETIN, AGENDA];

/** Printed papers the system makes (progress chart, agents' forms): recognised by their mark only. */
export const PAPERS: readonly { readonly id: string; readonly title: string }[] = [
  { id: CHART_ID, title: CHART_TEXT.bookTitle },
  ...FORMS,
];

export function templateById(id: string): TemplateSpec | undefined {
  return TEMPLATES.find((t) => t.id === id);
}
