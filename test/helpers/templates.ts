import * as schema from '../../src/core/schema/index.js';
import type { TemplateSpec } from '../../src/core/schema/types.js';

const isTemplate = (v: unknown): v is TemplateSpec =>
  typeof v === 'object' && v !== null && 'id' in v && 'fileName' in v && 'sheets' in v && 'version' in v;

/** Every template the schema defines (the ones people fill and the ones the tool fills), by file name. */
export const ALL_TEMPLATES: ReadonlyMap<string, TemplateSpec> = new Map(
  (Object.values(schema) as unknown[]).filter(isTemplate).map((t) => [t.fileName, t]),
);

export function templateByFile(fileName: string): TemplateSpec {
  const t = ALL_TEMPLATES.get(fileName);
  if (!t) throw new Error(`no template spec writes ${fileName}`);
  return t;
}
