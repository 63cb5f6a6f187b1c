import type { ColumnSpec, FieldSpec, SheetSpec } from '../schema/types.js';

/**
 * Where everything of a form sheet goes, in 1-based rows and columns: the title, the field
 * rows (填报单位 / 报告期 / 填报日期 / 指挥长签字 …), "单位：万元", the header, the data rows,
 * the 合计 row and the 填表说明. Pure, so every writer (exceljs, Office.js) lays out the same.
 */
interface FieldPlacement {
  readonly field: FieldSpec;
  readonly row: number;
  readonly labelCol: number;
  /** The value cell spans these columns (merged). */
  readonly valueFrom: number;
  readonly valueTo: number;
}

export interface SheetLayout {
  readonly lastCol: number;
  readonly titleRow: 1;
  /** Lead lines under the title (merged across the table). */
  readonly lead: readonly { readonly row: number; readonly text: string }[];
  readonly fields: readonly FieldPlacement[];
  /** "单位：万元": its row and the columns it spans (right-aligned). */
  readonly unit?: { readonly row: number; readonly from: number; readonly to: number };
  readonly headerRow: number;
  readonly firstDataRow: number;
  readonly lastDataRow: number;
  readonly totalRow?: number;
  readonly notes: readonly { readonly row: number; readonly text: string }[];
  /** Column key → 1-based column. */
  readonly columns: ReadonlyMap<string, number>;
}

export function layoutSheet(spec: SheetSpec, dataRows: number): SheetLayout {
  const lastCol = spec.columns.length;
  const fields = spec.fields ?? [];
  const perRow = lastCol >= 9 ? 3 : 2;
  const slot = Math.max(2, Math.floor(lastCol / perRow));
  const lead = (spec.lead ?? []).map((text, i) => ({ row: 2 + i, text }));
  const fieldTop = 2 + lead.length;
  const placements: FieldPlacement[] = [];
  fields.forEach((field, i) => {
    const row = fieldTop + Math.floor(i / perRow);
    const labelCol = 1 + (i % perRow) * slot;
    const isLastInRow = i % perRow === perRow - 1 || i === fields.length - 1;
    const valueTo = isLastInRow && i % perRow === perRow - 1 ? lastCol : labelCol + slot - 1;
    placements.push({
      field,
      row,
      labelCol,
      valueFrom: labelCol + 1,
      valueTo: Math.max(labelCol + 1, valueTo),
    });
  });
  let next = fieldTop + Math.ceil(fields.length / perRow);
  let unit: SheetLayout['unit'];
  if (spec.money) {
    unit = { row: next, from: Math.max(1, lastCol - 1), to: lastCol };
    next++;
  }
  const headerRow = next;
  const firstDataRow = headerRow + 1;
  const lastDataRow = headerRow + Math.max(dataRows, 1);
  const totalRow = spec.totalRow ? lastDataRow + 1 : undefined;
  const notesStart = (totalRow ?? lastDataRow) + 1;
  const notes = (spec.notes ?? []).map((text, i) => ({ row: notesStart + i, text }));
  const columns = new Map(spec.columns.map((c, i) => [c.key, i + 1]));
  return {
    lastCol,
    titleRow: 1,
    lead,
    fields: placements,
    ...(unit && { unit }),
    headerRow,
    firstDataRow,
    lastDataRow,
    ...(totalRow !== undefined && { totalRow }),
    notes,
    columns,
  };
}

/** Default Excel number format per column type (money in 万元 with 2 decimals). */
const NUMBER_FORMATS: Readonly<Record<ColumnSpec['type'], string | undefined>> = {
  text: '@',
  integer: '0',
  number: '0.00',
  money: '#,##0.00',
  percent: '0.0%',
  date: 'yyyy-mm-dd',
  datetime: 'yyyy-mm-dd hh:mm',
  enum: '@',
  period: '@',
  rankPeriod: '@',
  any: undefined,
};

export const numberFormat = (c: ColumnSpec): string | undefined => c.numFmt ?? NUMBER_FORMATS[c.type];

/** Formats of a form's single-value fields, which have room for the long Chinese form. */
export const FIELD_FORMATS: Readonly<Record<FieldSpec['type'], string | undefined>> = {
  text: '@',
  date: 'yyyy"年"m"月"d"日"',
  datetime: 'yyyy"年"m"月"d"日" hh:mm',
  period: '@',
};

/** Width of text in Excel column units: a CJK character takes two. */
export function displayWidth(s: string): number {
  let w = 0;
  for (const ch of s) w += (ch.codePointAt(0) ?? 0) > 0x2e7f ? 2 : 1;
  return w;
}
