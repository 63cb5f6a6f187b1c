import { MASTER } from './master.js';
import { REPORT } from './report.js';
import { TOPICS } from './topics.js';
import type { TemplateSpec } from './types.js';

/** The templates people fill, in the order `kpd templates` writes them. */
export const TEMPLATES: readonly TemplateSpec[] = [MASTER, REPORT, TOPICS];

export function templateById(id: string): TemplateSpec | undefined {
  return TEMPLATES.find((t) => t.id === id);
}
