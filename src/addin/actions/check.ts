import type { ExcelHost } from '../../adapters/office/requirements.js';
import type { WorkbookHost } from '../../core/host.js';
import { formOfSheet, rowsOfAddress, sheetsChecked, type LiveCheck, type SheetEdit } from '../live-check.js';
import { type WorkbookGrid } from '../../core/grid.js';
import { readMaster } from '../../core/master/read.js';
import { MASTER } from '../../core/schema/master.js';
import { REPORT } from '../../core/schema/report.js';
import { TOPICS } from '../../core/schema/topics.js';
import type { TemplateSpec } from '../../core/schema/types.js';
import { validateWorkbook } from '../../core/validate/workbook.js';
import { OUTPUTS, TEMPLATES } from '../../core/schema/templates.js';
import { sortIssues, type Issue, type Locale } from '../../core/validate/issue.js';
import { identifyTemplate, isIssue, META_SHEET } from '../../core/workbook/identify.js';
import { hostOf, type PaneHost, type PaneResult, tr, notMaster, refused, finding } from './common.js';

/**
 * The workbook 检查 and the check of an edit work on: the master, or a form an HQ or a unit fills
 * (半月进展报表, 周例会议题申报表) — so HQ staff have their report checked as they type it too.
 */
async function openForm(
  host: WorkbookHost,
  locale: Locale,
): Promise<{ template: TemplateSpec; name: string; issues: readonly Issue[] } | { why: string }> {
  return formOf(await host.readWorkbook(), locale);
}

/** The form a workbook is (the master, a 半月进展报表, a 议题申报表) and its findings; or why not one. */
export function formOf(
  grid: WorkbookGrid,
  locale: Locale,
): { template: TemplateSpec; name: string; issues: readonly Issue[] } | { why: string } {
  if (notMaster(grid, locale) === undefined) {
    const sheets = MASTER.sheets.map((s) => s.name);
    return { template: MASTER, name: '总台账', issues: sortIssues(readMaster(grid).issues, sheets) };
  }
  const v = validateWorkbook(grid);
  if (v.template && FORMS.has(v.template.id))
    return { template: v.template, name: v.template.fileName.replace(/\.xlsx$/u, ''), issues: v.issues };
  const t = tr(locale);
  // A bulletin or an agenda is recognised too, to say what it is.
  const id = identifyTemplate(grid, [...TEMPLATES, ...OUTPUTS]);
  const known = v.template ?? (isIssue(id) ? undefined : id.template);
  return {
    why: known
      ? t(
          `当前工作簿是「${known.title}」。「检查」用于总台账、半月进展报表和周例会议题申报表。`,
          `This workbook is a "${known.title}". Check works on the master workbook, the half-month report and the topic form.`,
        )
      : t(
          '当前工作簿不是本系统的表格（总台账、半月进展报表或周例会议题申报表），无法检查。',
          'This workbook is not one of our forms (master workbook, half-month report, topic form).',
        ),
  };
}

/** The forms people fill and the pane checks (the master is recognised by openForm itself). */
const FORMS: ReadonlySet<string> = new Set([REPORT.id, TOPICS.id]);

/** 检查: every finding of the open workbook (the master, a 半月进展报表 or a 议题申报表), errors first. */
export async function checkWorkbook(excel: PaneHost, locale: Locale = 'zh'): Promise<PaneResult> {
  const t = tr(locale);
  const host = hostOf(excel);
  const opened = await openForm(host, locale);
  if ('why' in opened) return refused(opened.why);
  const { issues: sorted, name, template } = opened;
  const errors = sorted.filter((i) => i.severity === 'error').length;
  const warnings = sorted.filter((i) => i.severity === 'warning').length;
  const en = template.id === MASTER.id ? 'Master workbook' : template.title;
  return {
    summary:
      sorted.length === 0
        ? t(`${name}检查完毕，没有发现问题。`, `${en} checked: no problems found.`)
        : t(
            `${name}检查完毕：错误 ${errors} 处，提醒 ${warnings} 处，提示 ${sorted.length - errors - warnings} 处。`,
            `${en} checked: ${errors} errors, ${warnings} warnings, ${sorted.length - errors - warnings} notes.`,
          ),
    lines: [
      ...sorted.filter((i) => i.severity !== 'info').map((i) => finding(i, locale)),
      ...(template.id === REPORT.id
        ? [
            t(
              '（未对照总台账：项目是否登记、是否属于本指挥部，由重点办汇总时检查。）',
              '(Not checked against the master: whether each project is registered to this HQ is checked when the office merges.)',
            ),
          ]
        : []),
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
  const t = tr(locale);
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
  const place = `「${sheet}」${address.replace(/^.*!/u, '')}`;
  return {
    summary:
      here.length === 0
        ? t(`${place}：已检查，没有问题。`, `${place}: checked, no problems.`)
        : t(`${place}：有 ${here.length} 处问题，请修改。`, `${place}: ${here.length} problem(s) to fix.`),
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
