import { AGENDA } from './agenda.js';
import { BULLETIN } from './bulletin.js';
import { MASTER } from './master.js';
import { REPORT } from './report.js';
import { TOPICS } from './topics.js';
import { DECISION_FORM } from './decisions.js';
import type { TemplateSpec } from './types.js';

/** The templates people fill, in the order `kpd templates` writes them. */
export const TEMPLATES: readonly TemplateSpec[] = [MASTER, REPORT, TOPICS, DECISION_FORM];

/** What the system itself produces from them: recognised by their mark, never filled or checked. */
export const OUTPUTS: readonly TemplateSpec[] = [BULLETIN, AGENDA];

export function templateById(id: string): TemplateSpec | undefined {
  return TEMPLATES.find((t) => t.id === id);
}
