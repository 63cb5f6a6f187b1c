import type ExcelJS from 'exceljs';
import { columnLetters } from '../../core/values/grid.js';
import type { ColumnSpec, SheetSpec } from '../../core/schema/types.js';
import { layoutSheet } from '../../core/template/layout.js';
import { formatMessage, type Locale } from '../../core/issues/issue.js';
import type { IssueCode } from '../../core/issues/codes.js';

/** Excel keeps an inline list under 255 characters. */
const MAX_INLINE_LIST = 250;
const LIST_ROWS = 2000;

type Base = Pick<ExcelJS.DataValidation, 'allowBlank'> & Partial<ExcelJS.DataValidation>;

const prompt = (c: ColumnSpec): Partial<ExcelJS.DataValidation> =>
  c.note ? { showInputMessage: true, promptTitle: c.header.slice(0, 32), prompt: c.note.slice(0, 250) } : {};

function inlineList(values: readonly string[]): string | undefined {
  const s = `"${values.join(',')}"`;
  return s.length <= MAX_INLINE_LIST ? s : undefined;
}

/**
 * The Excel data validation a column's schema asks for, if any; its texts (what Excel says on a
 * wrong entry) in `locale` — the templates are issued in Chinese.
 */
export function validationFor(
  c: ColumnSpec,
  sheets: readonly SheetSpec[],
  locale: Locale = 'zh',
): ExcelJS.DataValidation | undefined {
  const base: Base = { allowBlank: true, ...prompt(c) };
  const say = (code: IssueCode, params: Record<string, string | number> = {}): string =>
    formatMessage(code, { header: c.header, ...params }, locale);
  if (c.type === 'enum' && c.values)
    return enumList(c, c.values, base, say, formatMessage('values.listSeparator', {}, locale));
  const fromSheet = c.listFrom && listFromSheet(c, sheets, base, say);
  if (fromSheet) return fromSheet;
  if (c.suggest) {
    const list = inlineList(c.suggest);
    if (list) return { type: 'list', formulae: [list], ...base, showErrorMessage: false };
  }
  return typedValidation(c, base, say);
}

type Say = (code: IssueCode, params?: Record<string, string | number>) => string;

/** A drop-down of the schema's values; a value outside it refused (or questioned, where aliases are read). */
function enumList(
  c: ColumnSpec,
  values: readonly string[],
  base: Base,
  say: Say,
  separator: string,
): ExcelJS.DataValidation | undefined {
  const list = inlineList(values);
  if (!list) return undefined;
  const hasAliases = c.aliases !== undefined && Object.keys(c.aliases).length > 0;
  return {
    type: 'list',
    formulae: [list],
    ...base,
    showErrorMessage: true,
    errorStyle: hasAliases ? 'warning' : 'stop',
    errorTitle: say('template.dv.wrongTitle'),
    error: say('template.dv.enum', { values: values.join(separator) }).slice(0, 250),
  };
}

/** A drop-down of another sheet's column (项目编号 from 项目库 …), a value not in it questioned. */
function listFromSheet(
  c: ColumnSpec,
  sheets: readonly SheetSpec[],
  base: Base,
  say: Say,
): ExcelJS.DataValidation | undefined {
  const src = sheets.find((s) => s.name === c.listFrom?.sheet);
  const idx = src?.columns.findIndex((x) => x.header === c.listFrom?.header) ?? -1;
  if (!src || idx < 0) return undefined;
  const l = layoutSheet(src, 1);
  const col = columnLetters(idx);
  return {
    type: 'list',
    formulae: [`'${src.name}'!$${col}$${l.firstDataRow}:$${col}$${LIST_ROWS}`],
    ...base,
    showErrorMessage: true,
    errorStyle: 'warning',
    errorTitle: say('template.dv.checkTitle'),
    error: say('template.dv.listFrom', { sheet: src.name }),
  };
}

/** Whole numbers, numbers and dates in their range; other text only prompted. */
function typedValidation(c: ColumnSpec, base: Base, say: Say): ExcelJS.DataValidation | undefined {
  switch (c.type) {
    case 'integer':
      return {
        type: 'whole',
        operator: c.max !== undefined ? 'between' : 'greaterThanOrEqual',
        formulae: c.max !== undefined ? [c.min ?? 0, c.max] : [c.min ?? 0],
        ...base,
        showErrorMessage: true,
        errorStyle: 'stop',
        errorTitle: say('template.dv.wrongTitle'),
        error:
          c.max !== undefined
            ? say('template.dv.integerBetween', { min: c.min ?? 0, max: c.max })
            : say('template.dv.integerFrom', { min: c.min ?? 0 }),
      };
    case 'number':
    case 'money':
    case 'percent':
      return {
        type: 'decimal',
        operator: 'between',
        formulae: [c.min ?? -1e12, c.max ?? 1e12],
        ...base,
        showErrorMessage: true,
        errorStyle: 'stop',
        errorTitle: say('template.dv.wrongTitle'),
        error: numberError(c, say),
      };
    case 'date':
    case 'datetime':
      return {
        type: 'date',
        operator: 'between',
        formulae: [new Date(Date.UTC(2000, 0, 1)), new Date(Date.UTC(2099, 11, 31))],
        ...base,
        showErrorMessage: true,
        errorStyle: 'warning',
        errorTitle: say('template.dv.dateTitle'),
        error: say('template.dv.date'),
      };
    default:
      return c.note
        ? { type: 'textLength', operator: 'greaterThanOrEqual', formulae: [0], ...base }
        : undefined;
  }
}

function numberError(c: ColumnSpec, say: Say): string {
  const money = c.type === 'money';
  if (c.min === undefined) return say(money ? 'template.dv.money' : 'template.dv.number');
  return say(money ? 'template.dv.moneyFrom' : 'template.dv.numberFrom', { min: c.min });
}
