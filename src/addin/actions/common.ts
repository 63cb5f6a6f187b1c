import type { ExcelHost, ExcelRun } from '../../adapters/office/requirements.js';
import { OfficeHost, type WorkbookDelivery } from '../../adapters/office/host.js';
import type { Delivery, WorkbookHost } from '../../core/table/host.js';
import { addinText, type AddinCode } from '../messages.js';
import { expandFilesInOrder, type IgnoredInput, type InputItem } from '../../adapters/expand.js';
import { WorkCalendar } from '../../core/calendar/workdays.js';
import type { WorkbookGrid } from '../../core/values/grid.js';
import { readMaster, type MasterRead } from '../../core/master/read.js';
import { cellRef, type Issue, type Locale } from '../../core/issues/issue.js';
import { notMasterIssue } from '../../core/workbook/master-kind.js';
import { paneMessage } from '../findings.js';
import { JOINERS } from '../../core/schema/punctuation.js';

/**
 * What the task pane's buttons do, apart from the page: read the open workbook, call the core
 * job the CLI calls, write result sheets — all through the WorkbookHost (core/host.ts), so the
 * same functions serve Excel (OfficeHost over Office.js) and WPS 表格 (EtHost). An ExcelHost
 * (Excel.run with what this Excel supports, or a fake in tests) is wrapped in an OfficeHost.
 */
export type { ExcelHost, ExcelRun, WorkbookDelivery };

/** The workbook program the pane works in: any WorkbookHost, or Excel's batch runner. */
export type PaneHost = WorkbookHost | ExcelHost;

/** The host behind `h`; an ExcelHost given directly delivers made workbooks through `delivery`. */
export const hostOf = (h: PaneHost, delivery?: WorkbookDelivery): WorkbookHost =>
  'run' in h ? new OfficeHost(h, delivery) : h;

export interface PaneResult {
  /** One line for the status bar. */
  readonly summary: string;
  /** Lines listed under it (findings, the ranking's ends). */
  readonly lines: readonly string[];
  readonly ok: boolean;
  /** The sheet of this workbook the action wrote, to be shown (activated) when it is done. */
  readonly sheet?: string;
}

/** Why this workbook cannot be used as the 总台账, or undefined when it can. */
function notMaster(grid: WorkbookGrid, locale: Locale): string | undefined {
  const why = notMasterIssue(grid);
  return why && paneMessage(why, locale);
}

/** The open workbook read as the master, with its calendar; or why it is not a master. */
export async function openMaster(
  host: WorkbookHost,
  locale: Locale,
): Promise<{ master: MasterRead; calendar: WorkCalendar; grid: WorkbookGrid } | { why: string }> {
  const grid = await host.readWorkbook();
  const why = notMaster(grid, locale);
  if (why) return { why };
  const master = readMaster(grid);
  return { master, calendar: new WorkCalendar(master.data.holidays), grid };
}

export const refused = (why: string): PaneResult => ({ summary: why, lines: [], ok: false });

/** What this host could not do of the result sheets' layout, and what to do instead. */
export function layoutNotes(host: WorkbookHost, locale: Locale): string[] {
  const code: AddinCode | undefined = !host.capabilities.mergeAndWidths
    ? 'api.basicLayout'
    : !host.capabilities.freezePanes
      ? 'api.noFreeze'
      : undefined;
  return code ? [addinText(code, locale)] : [];
}

/** Rows written without their drop-down lists, where the host cannot set them. */
export const dropDownNotes = (host: WorkbookHost, locale: Locale): string[] =>
  host.capabilities.dropDowns ? [] : [addinText('api.noDropDowns', locale)];

/** What the clerk is told of a made workbook downloaded instead of opened, host by host. */
export const downloadedNote = (host: WorkbookHost, how: Delivery, locale: Locale): string[] =>
  how === 'opened' ? [] : [addinText(host.kind === 'wps' ? 'wps.downloaded' : 'api.downloaded', locale)];

const where = (i: Issue, locale: Locale): string =>
  [i.sheet ?? '', cellRef(i) || (i.row ? addinText('pane.row', locale, { row: i.row }) : '')]
    .join(' ')
    .trim();
export const finding = (i: Issue, locale: Locale): string =>
  [
    addinText(i.severity === 'error' ? 'pane.severity.error' : 'pane.severity.warning', locale),
    where(i, locale),
    paneMessage(i, locale),
  ].join(JOINERS.zh.gap);

/** A file the clerk picked in the pane: a 议题申报表, an e-mail carrying one, or a .zip of them. */
export interface PickedFile {
  readonly name: string;
  readonly bytes: Uint8Array;
  /** File.lastModified (ms): the least trusted of the times a topic's submission can have. */
  readonly lastModified?: number;
}

/**
 * What the picked files hold (workbooks, e-mail attachments, zip entries) and what was ignored,
 * each in name order, as the CLI orders what it collects: the same files, the same result.
 */
export function openPicked(picked: readonly PickedFile[]): { items: InputItem[]; ignored: IgnoredInput[] } {
  return expandFilesInOrder(
    picked.map((f) => ({
      name: f.name,
      bytes: f.bytes,
      ...(f.lastModified !== undefined && { mtime: new Date(f.lastModified) }),
    })),
  );
}
