import type ExcelJS from 'exceljs';
import { columnLetters } from '../../core/values/grid.js';
import type { ColumnSpec, SheetSpec } from '../../core/schema/types.js';
import { layoutSheet } from '../../core/template/layout.js';

/** Excel keeps an inline list under 255 characters. */
const MAX_INLINE_LIST = 250;
const LIST_ROWS = 2000;

const prompt = (c: ColumnSpec): Partial<ExcelJS.DataValidation> =>
  c.note ? { showInputMessage: true, promptTitle: c.header.slice(0, 32), prompt: c.note.slice(0, 250) } : {};

function inlineList(values: readonly string[]): string | undefined {
  const s = `"${values.join(',')}"`;
  return s.length <= MAX_INLINE_LIST ? s : undefined;
}

/** The Excel data validation a column's schema asks for, if any. */
export function validationFor(
  c: ColumnSpec,
  sheets: readonly SheetSpec[],
): ExcelJS.DataValidation | undefined {
  const base = { allowBlank: true, ...prompt(c) };
  if (c.type === 'enum' && c.values) {
    const list = inlineList(c.values);
    if (!list) return undefined;
    const hasAliases = c.aliases !== undefined && Object.keys(c.aliases).length > 0;
    return {
      type: 'list',
      formulae: [list],
      ...base,
      showErrorMessage: true,
      errorStyle: hasAliases ? 'warning' : 'stop',
      errorTitle: '输入有误',
      error: `「${c.header}」只能填写：${c.values.join('、')}。请从下拉列表中选择。`.slice(0, 250),
    };
  }
  if (c.listFrom) {
    const src = sheets.find((s) => s.name === c.listFrom?.sheet);
    const idx = src?.columns.findIndex((x) => x.header === c.listFrom?.header) ?? -1;
    if (src && idx >= 0) {
      const l = layoutSheet(src, 1);
      const col = columnLetters(idx);
      return {
        type: 'list',
        formulae: [`'${src.name}'!$${col}$${l.firstDataRow}:$${col}$${LIST_ROWS}`],
        ...base,
        showErrorMessage: true,
        errorStyle: 'warning',
        errorTitle: '请核对',
        error: `「${c.header}」不在「${src.name}」中，请先登记或从下拉列表中选择。`,
      };
    }
  }
  if (c.suggest) {
    const list = inlineList(c.suggest);
    if (list) return { type: 'list', formulae: [list], ...base, showErrorMessage: false };
  }
  switch (c.type) {
    case 'integer':
      return {
        type: 'whole',
        operator: c.max !== undefined ? 'between' : 'greaterThanOrEqual',
        formulae: c.max !== undefined ? [c.min ?? 0, c.max] : [c.min ?? 0],
        ...base,
        showErrorMessage: true,
        errorStyle: 'stop',
        errorTitle: '输入有误',
        error: `「${c.header}」应为${c.max !== undefined ? ` ${c.min ?? 0}～${c.max} 的` : '不小于 ' + String(c.min ?? 0) + ' 的'}整数。`,
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
        errorTitle: '输入有误',
        error: `「${c.header}」应为${c.min !== undefined ? `不小于 ${c.min} 的` : ''}数字${c.type === 'money' ? '（单位：万元，不要填写文字）' : ''}。`,
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
        errorTitle: '请输入日期',
        error: `「${c.header}」应为日期，如 2026-11-03 或 2026年11月3日。`,
      };
    default:
      return c.note
        ? { type: 'textLength', operator: 'greaterThanOrEqual', formulae: [0], ...base }
        : undefined;
  }
}
