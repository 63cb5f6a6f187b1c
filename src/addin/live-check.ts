import { columnIndex, type Row, type WorkbookGrid } from '../core/values/grid.js';
import { MASTER } from '../core/schema/master.js';
import { REPORT } from '../core/schema/report.js';
import { TOPICS } from '../core/schema/topics.js';
import type { TemplateSpec } from '../core/schema/types.js';
import { identifyTemplate, isIssue, META_SHEET } from '../core/workbook/identify.js';
import { listSheets, readBoxes, readSheetRows, type SheetInfo } from '../adapters/office/excel.js';
import type { ExcelHost } from '../adapters/office/requirements.js';

/**
 * The check of an edit where it is typed reads from Excel only the rows edited and, once, the
 * lists they are checked against (the roster for a 代办员, the register for a 项目编号 …). Those
 * are kept here and patched with every edit Excel reports (any sheet's, so the lists stay true);
 * a sheet whose rows or columns were inserted or deleted is read again, and everything is
 * forgotten when sheets are added or deleted or the pane itself writes (reset()).
 */

/** The forms the pane checks as they are typed. */
const FORMS: readonly TemplateSpec[] = [MASTER, REPORT, TOPICS];
const FORM_SHEETS: ReadonlySet<string> = new Set(FORMS.flatMap((f) => f.sheets.map((s) => s.name)));

type MasterSheetKey = (typeof MASTER.sheets)[number]['key'];

/**
 * The master's sheets each sheet's rows are checked against (core/master/checks.ts and the 规则
 * it reads), besides the sheet itself (its own keys must be unique). A new sheet must be listed;
 * test/addin/live-check.test.ts holds the live check to the whole workbook's check, row by row.
 */
const MASTER_LISTS = {
  projects: ['agents'],
  milestones: ['projects'],
  agents: [],
  approvals: ['projects', 'agents'],
  surveys: ['agents'],
  incidents: ['agents'],
  unitScores: ['projects', 'rules'],
  rankingHistory: [],
  decisions: [],
  progressLog: ['projects'],
  submissionLog: ['projects'],
  siteWorkLog: ['projects'],
  holidays: [],
  meetings: [],
  weeklyLog: ['agents', 'approvals'],
  rules: [],
} as const satisfies Record<MasterSheetKey, readonly MasterSheetKey[]>;

/** The sheets whose rows an edit of `sheet` is checked with: itself and its lists. */
export function sheetsChecked(form: TemplateSpec, sheet: string): string[] {
  if (form.id !== MASTER.id) return form.sheets.map((s) => s.name);
  const spec = MASTER.sheets.find((s) => s.name === sheet);
  if (!spec) return [sheet];
  const lists: readonly MasterSheetKey[] = MASTER_LISTS[spec.key];
  return [sheet, ...lists.map((k) => MASTER.sheets.find((s) => s.key === k)?.name ?? k)];
}

/**
 * The form whose `sheet` was edited: by the workbook's mark (the hidden sheet, the defined name),
 * else the first form that has a sheet of that name (for a host that reports the sheet's name).
 */
export function formOfSheet(marked: WorkbookGrid, sheet: string): TemplateSpec | undefined {
  if (!FORM_SHEETS.has(sheet)) return undefined;
  const id = identifyTemplate(marked, FORMS);
  if (!isIssue(id) && id.template.sheets.some((s) => s.name === sheet)) return id.template;
  return FORMS.find((f) => f.sheets.some((s) => s.name === sheet));
}

/** The 1-based rows an address such as 「项目登记!B5:D7」, 「C9」 or 「5:7」 covers. */
export function rowsOfAddress(address: string): { from: number; to: number } | undefined {
  const refs = address.replace(/^.*!/u, '').split(':');
  const row = (ref: string | undefined): number | undefined => {
    const m = /^(?:\$?[A-Z]+)?\$?(\d+)$/u.exec(ref ?? '');
    return m ? Number(m[1]) : undefined;
  };
  const from = row(refs[0]);
  const to = row(refs[1] ?? refs[0]);
  return from !== undefined && to !== undefined ? { from, to } : undefined;
}

/** The right-most column (0-based) an address names, if it names one. */
function lastColumnOf(address: string): number | undefined {
  const refs = address.replace(/^.*!/u, '').split(':');
  const m = /^\$?([A-Z]+)/u.exec(refs[refs.length - 1] ?? '');
  return m ? columnIndex(m[1] ?? 'A') : undefined;
}

/** What Excel says of an edit (WorksheetChangedEventArgs). */
export interface SheetEdit {
  readonly worksheetId: string;
  readonly address: string;
  /** RangeEdited, RowInserted, RowDeleted, ColumnInserted … (RangeEdited when not given). */
  readonly changeType?: string;
}

/** An edit ready to be checked: the sheet, its rows, and the part of the workbook it is checked with. */
interface EditToCheck {
  readonly sheet: string;
  readonly rows: { readonly from: number; readonly to: number } | undefined;
  readonly grid: WorkbookGrid;
}

/** An edit of more rows than this reads the sheet's used range instead. */
const PATCH_ROWS = 5_000;

interface Cached {
  readonly info: SheetInfo;
  rows: Row[] | undefined;
  /** Rows or columns were inserted or deleted since it was read: read it whole again. */
  stale: boolean;
}

export class LiveCheck {
  private book: { sheets: Cached[]; definedNames: ReadonlyMap<string, string> } | undefined;

  /** Forgets everything read: after the pane wrote sheets, or sheets were added or deleted. */
  reset(): void {
    this.book = undefined;
  }

  /**
   * The edited rows and their lists as a workbook to check, or undefined when the edit is not in
   * a sheet one of our forms has (then nothing but the sheet list is ever read).
   */
  async prepare(excel: ExcelHost, edit: SheetEdit): Promise<EditToCheck | undefined> {
    return excel.run(async (context) => {
      for (let attempt = 0; attempt < 2; attempt++) {
        if (!this.book) {
          const listed = await listSheets(context, excel);
          this.book = {
            sheets: listed.sheets.map((info) => ({ info, rows: undefined, stale: false })),
            definedNames: listed.definedNames,
          };
        }
        const book = this.book;
        const edited = book.sheets.find((s) => s.info.id === edit.worksheetId);
        if (!edited) {
          // A sheet added since the list was read (its event may not have come yet).
          this.reset();
          continue;
        }
        const sheet = edited.info.name;
        if (!FORM_SHEETS.has(sheet)) return undefined;
        const byName = (n: string): Cached | undefined => book.sheets.find((s) => s.info.name === n);
        const meta = byName(META_SHEET);
        if (meta && !meta.rows) await this.readWhole(context, excel, [meta]);
        const form = this.formOf(sheet);
        if (!form) return undefined;
        const rows = rowsOfAddress(edit.address);
        // Rows or columns inserted or deleted, a whole column, or more rows than the patch is
        // worth (all selected and cleared): the sheet is read whole, by its used range.
        if (
          (edit.changeType ?? 'RangeEdited') !== 'RangeEdited' ||
          rows === undefined ||
          rows.to - rows.from >= PATCH_ROWS
        )
          edited.stale = true;
        const wanted = sheetsChecked(form, sheet).flatMap((n) => byName(n) ?? []);
        const whole = wanted.filter((s) => !s.rows || s.stale);
        if (whole.length > 0) await this.readWhole(context, excel, whole);
        if (!whole.includes(edited) && rows) {
          const renamed = await this.patch(context, edited, rows, lastColumnOf(edit.address));
          if (renamed) {
            this.reset();
            continue;
          }
        }
        const keep = new Set<Cached>([...wanted, ...(meta ? [meta] : [])]);
        return {
          sheet,
          rows,
          grid: {
            sheets: book.sheets
              .filter((s) => keep.has(s))
              .map((s) => ({
                name: s.info.name,
                rows: s.rows ?? [],
                ...(s.info.hidden && { hidden: true }),
              })),
            definedNames: book.definedNames,
          },
        };
      }
      return undefined;
    });
  }

  /** The form this workbook is, by its mark (the hidden sheet), else by which form's sheets it has. */
  private formOf(sheet: string): TemplateSpec | undefined {
    const book = this.book;
    if (!book) return undefined;
    const meta = book.sheets.find((s) => s.info.name === META_SHEET);
    const marked = identifyTemplate(
      {
        sheets: meta ? [{ name: META_SHEET, rows: meta.rows ?? [], hidden: true }] : [],
        definedNames: book.definedNames,
      },
      FORMS,
    );
    if (!isIssue(marked) && marked.version !== undefined) return marked.template;
    const names = new Set(book.sheets.map((s) => s.info.name));
    let best: { form: TemplateSpec; score: number } | undefined;
    for (const form of FORMS) {
      if (!form.sheets.some((s) => s.name === sheet)) continue;
      const score = form.sheets.filter((s) => names.has(s.name)).length;
      if (!best || score > best.score) best = { form, score };
    }
    return best?.form;
  }

  private async readWhole(
    context: Excel.RequestContext,
    excel: ExcelHost,
    sheets: readonly Cached[],
  ): Promise<void> {
    const rows = await readSheetRows(
      context,
      excel,
      sheets.map((s) => s.info),
    );
    sheets.forEach((s, i) => {
      s.rows = rows[i] ?? [];
      s.stale = false;
    });
  }

  /** Reads the edited rows (across the sheet's columns) into the cache; true if the sheet was renamed. */
  private async patch(
    context: Excel.RequestContext,
    edited: Cached,
    rows: { from: number; to: number },
    lastColumn: number | undefined,
  ): Promise<boolean> {
    const cached = edited.rows ?? [];
    let width = lastColumn ?? 0;
    for (const r of cached) width = Math.max(width, r.length - 1);
    const ws = context.workbook.worksheets.getItem(edited.info.id);
    ws.load('name');
    // The name is checked in the same round trip as the rows are read.
    const [read] = await readBoxes(context, [
      { ws, top: rows.from - 1, left: 0, bottom: rows.to - 1, right: Math.max(0, width) },
    ]);
    if (ws.name !== edited.info.name) return true;
    const next = cached.slice();
    for (let r = rows.from - 1; r < rows.to; r++) next[r] = read?.[r] ?? [];
    for (let r = 0; r < next.length; r++) next[r] ??= [];
    while (next.length > 0 && (next[next.length - 1] as Row).length === 0) next.pop();
    edited.rows = next;
    return false;
  }
}
