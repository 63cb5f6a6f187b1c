import { cellText } from '../values/parse.js';
import { findSheet, type WorkbookGrid } from '../values/grid.js';
import { OUTPUTS, PAPERS, TEMPLATES, TEMPLATE_META_LABELS } from '../schema/templates.js';
import type { TemplateSpec } from '../schema/types.js';
import { issue, joinNames, type Issue } from '../issues/issue.js';
import { headerScore } from '../table/header.js';

/** Where every template records what it is: a defined name and a hidden sheet. */
export const TEMPLATE_NAME = 'KPD_TEMPLATE';
export const META_SHEET = '_kpd';
export const META_LABELS = TEMPLATE_META_LABELS;

export const templateMark = (t: TemplateSpec): string => `${t.id}@${t.version}`;

interface Identified {
  readonly template: TemplateSpec;
  /** The version the workbook says it is, or undefined when unmarked. */
  readonly version: number | undefined;
  readonly issues: readonly Issue[];
}

function readMark(wb: WorkbookGrid): { id: string; version: number } | undefined {
  const named = wb.definedNames?.get(TEMPLATE_NAME);
  const fromName = named ? /^"?([\w.]+)@(\d+)"?$/u.exec(named.trim()) : null;
  if (fromName) return { id: fromName[1] ?? '', version: Number(fromName[2]) };
  const meta = findSheet(wb, META_SHEET);
  if (!meta) return undefined;
  let id: string | undefined;
  let version: number | undefined;
  for (const row of meta.rows) {
    const label = cellText(row[0]);
    if (label === META_LABELS.id) id = cellText(row[1]);
    if (label === META_LABELS.version) version = Number(cellText(row[1]));
  }
  return id !== undefined && version !== undefined && Number.isFinite(version) ? { id, version } : undefined;
}

/** Recognises which template a workbook was made from: by its mark, else by its sheets and headers. */
export function identifyTemplate(
  wb: WorkbookGrid,
  candidates: readonly TemplateSpec[] = TEMPLATES,
): Identified | Issue {
  const mark = readMark(wb);
  const marked = mark && candidates.find((t) => t.id === mark.id);
  if (mark && marked) {
    const issues =
      mark.version > marked.version
        ? [issue('template.newer', {}, { found: mark.version, current: marked.version })]
        : mark.version !== marked.version
          ? [issue('template.version', {}, { found: mark.version, current: marked.version })]
          : [];
    return { template: marked, version: mark.version, issues };
  }
  const output = mark && [...OUTPUTS, ...PAPERS].find((t) => t.id === mark.id);
  if (output) return issue('template.output', {}, { template: output.title });
  // Unmarked (copied into a fresh workbook, or re-saved by a program that dropped the name):
  // the template whose sheets and headers match best.
  let best: { t: TemplateSpec; score: number } | undefined;
  for (const t of candidates) {
    let score = 0;
    for (const s of t.sheets) {
      const g = findSheet(wb, s.name);
      if (g) score += 1 + headerScore(g, s);
    }
    if (score > 0 && (!best || score > best.score)) best = { t, score };
  }
  if (!best) {
    const expected = joinNames(
      candidates.map((t) => t.sheets[0]?.name ?? t.title),
      'zh',
      'values.orQuoted',
    );
    return issue('template.unknown', {}, { expected });
  }
  return {
    template: best.t,
    version: undefined,
    issues: [issue('template.unmarked', {}, { template: best.t.title })],
  };
}

/** Tells a finding from a result, for functions that return either. */
export const isIssue = <T extends object>(x: T | Issue): x is Issue =>
  'code' in x && 'severity' in x && 'params' in x;
