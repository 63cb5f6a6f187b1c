/**
 * Which Excel the pane is talking to. Excel 2016 (volume-licensed) has ExcelApi 1.1 only, 2019
 * up to 1.7, 2021 up to 1.14; every member above 1.1 that the pane uses is asked for first
 * (Office.context.requirements.isSetSupported) and done another way, or said to be missing.
 */

/** An ExcelApi requirement set, as Office names it: '1.1' … '1.20'. */
type ExcelApiVersion = `1.${number}`;

/** Whether this Excel has a requirement set (Office.context.requirements.isSetSupported('ExcelApi', v)). */
type SupportsExcelApi = (version: ExcelApiVersion) => boolean;

/** Excel.run, or a fake of it in tests. */
export type ExcelRun = <T>(batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;

/** The open Excel as the pane sees it: a batch runner and what it supports. */
export interface ExcelHost {
  readonly run: ExcelRun;
  readonly supports: SupportsExcelApi;
}

/**
 * The set each feature needs, and the members it uses (test/addin/api-sets.test.ts checks each
 * version against @types/office-js's `[Api set: ExcelApi 1.x]` annotations of those members).
 */
export const EXCEL_FEATURES = {
  /** getUsedRange(valuesOnly): without it the used range includes cells that only have formats. */
  valuesOnlyUsedRange: { version: '1.2', members: ['Worksheet.getUsedRange(valuesOnly)'] },
  /** Merged titles and column widths of result sheets. */
  mergeAndWidths: { version: '1.2', members: ['Range.merge', 'RangeFormat.columnWidth='] },
  /** *OrNullObject: a sheet or used range that may be missing, asked for in the same round trip. */
  nullObjects: {
    version: '1.4',
    members: ['WorksheetCollection.getItemOrNullObject', 'Worksheet.getUsedRangeOrNullObject'],
  },
  /** A defined name's formula (before 1.7 its value, the same for a name of a cell). */
  nameFormula: { version: '1.7', members: ['NamedItem.formula'] },
  /** A frozen header on result sheets. */
  freezePanes: { version: '1.7', members: ['Worksheet.freezePanes', 'WorksheetFreezePanes.freezeRows'] },
  /** Drop-down lists (data validation) on the ledger rows written. */
  dropDowns: { version: '1.8', members: ['Range.dataValidation', 'DataValidation.rule='] },
  /** The bulletin opened as a new workbook (else downloaded). */
  createWorkbook: { version: '1.8', members: ['Excel.createWorkbook'] },
  /** The check of an edit where it is typed: every sheet's edits, and sheets added or deleted. */
  liveCheck: {
    version: '1.9',
    members: [
      'WorksheetCollection.onChanged',
      'WorksheetCollection.onAdded',
      'WorksheetCollection.onDeleted',
    ],
  },
} as const satisfies Record<string, { version: ExcelApiVersion; members: readonly string[] }>;

type ExcelFeature = keyof typeof EXCEL_FEATURES;

export const has = (excel: Pick<ExcelHost, 'supports'>, feature: ExcelFeature): boolean =>
  excel.supports(EXCEL_FEATURES[feature].version);

/** Office.js's own answer (the page); tests give the fake's. */
export const officeSupports: SupportsExcelApi = (version) =>
  Office.context.requirements.isSetSupported('ExcelApi', version);
