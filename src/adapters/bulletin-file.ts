import type { BulletinSheets } from '../core/bulletin/render.js';
import type { ChartSpec } from '../core/document/chart.js';
import { templateIssues, templateUnusable } from '../core/jobs/merge.js';
import { issue, type Issue } from '../core/issues/issue.js';
import { addCharts } from './xlsx-charts/index.js';
import { fillParts, type FilledParts } from './xlsx-fill/parts.js';

/**
 * The bulletin's sheets written into its template (the bundled one or an office's own) with its
 * charts: the parts to zip, or why the template cannot be used. Both shells call this; the CLI
 * zips with Node's zlib (xlsx-fill zipEntries), the pane with fflate (zipFilledParts).
 */
export function fillBulletin(
  template: Uint8Array,
  sheets: BulletinSheets,
  charts: readonly ChartSpec[],
  /** The template's name as the person gave it ('' for the bundled one). */
  templateName: string,
): { readonly parts?: FilledParts; readonly issues: readonly Issue[] } {
  let filled: FilledParts;
  try {
    filled = fillParts(template, sheets);
  } catch {
    return { issues: [templateUnusable(templateName)] };
  }
  const said = templateIssues(sheets, filled.missing, templateName);
  if (said.some((i) => i.severity === 'error')) return { issues: said };
  const added = addCharts(filled, charts);
  const skipped = added.skipped.map((s) => issue('chart.notPlaced', {}, { sheet: s.sheet }));
  return { parts: added.parts, issues: [...skipped, ...said] };
}
