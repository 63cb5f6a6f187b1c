import type { ExcelHost } from '../../adapters/office/requirements.js';
import type { WorkbookHost } from '../../core/table/host.js';
import { formOfSheet, rowsOfAddress, sheetsChecked, type LiveCheck, type SheetEdit } from '../live-check.js';
import { type WorkbookGrid } from '../../core/values/grid.js';
import { MASTER } from '../../core/schema/master.js';
import { REPORT } from '../../core/schema/report.js';
import type { TemplateSpec } from '../../core/schema/types.js';
import { formatMessage, type Issue, type Locale } from '../../core/issues/issue.js';
import { META_SHEET } from '../../core/workbook/identify.js';
import { formOf as formOfWorkbook } from '../../core/jobs/validate.js';
import { addinText } from '../messages.js';
import { hostOf, type PaneHost, type PaneResult, refused, finding } from './common.js';

/**
 * The form a workbook is (the master, a 半月进展报表, a 议题申报表) and its findings; or why 检查
 * does not apply to it (core/jobs/validate.ts formOf, said in the pane's words).
 */
export function formOf(
  grid: WorkbookGrid,
  locale: Locale,
): { template: TemplateSpec; name: string; issues: readonly Issue[] } | { why: string } {
  const form = formOfWorkbook(grid);
  if (!('notAForm' in form)) return form;
  return {
    why: form.notAForm
      ? addinText('check.notAForm', locale, { kind: form.notAForm.title })
      : addinText('check.unknown', locale),
  };
}

/** 检查: every finding of the open workbook (the master, a 半月进展报表 or a 议题申报表), errors first. */
export async function checkWorkbook(excel: PaneHost, locale: Locale = 'zh'): Promise<PaneResult> {
  const host = hostOf(excel);
  const opened = formOf(await host.readWorkbook(), locale);
  if ('why' in opened) return refused(opened.why);
  const { issues: sorted, name, template } = opened;
  const errors = sorted.filter((i) => i.severity === 'error').length;
  const warnings = sorted.filter((i) => i.severity === 'warning').length;
  // The master by what it is; a form by its name in Chinese, its title in English.
  const form =
    template.id === MASTER.id ? addinText('check.master', locale) : locale === 'en' ? template.title : name;
  const notes = sorted.length - errors - warnings;
  return {
    summary:
      sorted.length === 0
        ? addinText('check.clean', locale, { form })
        : addinText('check.counts', locale, { form, errors, warnings, notes }),
    lines: [
      ...sorted.filter((i) => i.severity !== 'info').map((i) => finding(i, locale)),
      ...(template.id === REPORT.id ? [addinText('check.notAgainstMaster', locale)] : []),
    ],
    ok: errors === 0,
  };
}

export { rowsOfAddress };

/**
 * Checks an edit where it was typed: the findings of the form (the master, a 半月进展报表, a
 * 议题申报表) that fall on the changed rows of that sheet, cross-sheet checks included (e.g. a
 * 代办员 not in the roster). Only the edited rows are read from Excel; `live` keeps the lists.
 */
export async function checkEdit(
  excel: ExcelHost,
  live: LiveCheck,
  edit: SheetEdit,
  locale: Locale = 'zh',
): Promise<PaneResult> {
  const prepared = await live.prepare(excel, edit);
  if (!prepared) return { summary: '', lines: [], ok: true };
  return editFindings(prepared.grid, prepared.sheet, prepared.rows, edit.address, locale);
}

/** The findings of a form that fall on the edited rows of one sheet, as the pane says them. */
function editFindings(
  grid: WorkbookGrid,
  sheet: string,
  rows: { readonly from: number; readonly to: number } | undefined,
  address: string,
  locale: Locale,
): PaneResult {
  const quiet = { summary: '', lines: [], ok: true };
  const opened = formOf(grid, locale);
  // Not one of our forms, or not a sheet people fill (a result sheet): nothing to say.
  if ('why' in opened || !opened.template.sheets.some((s) => s.name === sheet)) return quiet;
  const here = opened.issues.filter(
    (i) =>
      i.sheet === sheet &&
      i.severity !== 'info' &&
      (rows === undefined || (i.row !== undefined && i.row >= rows.from && i.row <= rows.to)),
  );
  const place = formatMessage('values.quoted', { name: sheet }, 'zh') + address.replace(/^.*!/u, '');
  return {
    summary:
      here.length === 0
        ? addinText('check.editClean', locale, { place })
        : addinText('check.editProblems', locale, { place, count: here.length }),
    lines: here.map((i) => finding(i, locale)),
    ok: here.every((i) => i.severity !== 'error'),
  };
}

/**
 * The check of an edit where it is typed, through any WorkbookHost (WPS 表格: SheetChange gives
 * the sheet's name and the changed cells' address): the form's mark is read, then only the
 * edited sheet and the sheets its rows are checked against (live-check.ts sheetsChecked), as the
 * Office pane's LiveCheck reads them. Nothing is said of a sheet no form has.
 */
export async function checkEditedRows(
  host: WorkbookHost,
  sheet: string,
  address: string,
  locale: Locale = 'zh',
): Promise<PaneResult> {
  const quiet = { summary: '', lines: [], ok: true };
  const form = formOfSheet(await host.readWorkbook([META_SHEET]), sheet);
  if (!form) return quiet;
  const grid = await host.readWorkbook([...new Set([...sheetsChecked(form, sheet), META_SHEET])]);
  return editFindings(grid, sheet, rowsOfAddress(address), address, locale);
}
