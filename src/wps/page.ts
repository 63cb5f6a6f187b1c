import bulletinTemplateUrl from 'kpd-templates/bulletin.xlsx';
import { latin1BytesPlain } from '../adapters/binary.js';
import { EtHost } from '../adapters/wps/et.js';
import type { EtApplication } from '../adapters/wps/et-api.js';
import { officialDocxInBrowser } from '../addin/chart-png.js';
import { addinText, type AddinCode } from '../addin/messages.js';
import {
  buildMeetingAgenda,
  checkEditedRows,
  checkWorkbook,
  computeRanking,
  currentReportPeriod,
  importHolidayNotice,
  importLedger,
  mergeReports,
  progressChartPaper,
  type PaneResult,
  type PickedFile,
} from '../addin/pane.js';

/**
 * The task pane page as WPS 表格 shows it: the shared page (src/addin/taskpane.html) and the
 * shared actions (src/addin/pane.ts, each calling the core job the CLI calls), over the WPS host
 * (EtHost over the window.Application WPS gives a 加载项's pages) instead of Office.js. This file
 * is only the page's wiring: which button runs which action with which fields, and the status.
 * The ribbon button clicked is named in location.hash: the page scrolls to that section.
 */

/** Section (from the ribbon, main.ts SECTIONS) → the element of taskpane.html that starts it. */
const SECTION_START: Readonly<Record<string, string>> = {
  rank: 'h-rank',
  merge: 'h-merge',
  ledger: 'l-bulletin',
  agenda: 'h-agenda',
  check: 'h-check',
  holidays: 'h-holidays',
  chart: 'h-chart',
};

function showSection(): void {
  const id = SECTION_START[window.location.hash.replace(/^#/u, '')];
  const el = id === undefined ? null : document.getElementById(id);
  if (el) el.scrollIntoView();
}

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/** Bytes offered as a browser download (where WPS gives no FileSystem to write them with). */
function download(bytes: Uint8Array, fileName: string, type = XLSX): void {
  const a = document.createElement('a');
  a.href = URL.createObjectURL(new Blob([new Uint8Array(bytes)], { type }));
  a.download = fileName;
  document.body.appendChild(a);
  a.click();
  document.body.removeChild(a);
}

declare global {
  interface Window {
    kpdHost?: EtHost;
  }
}

const $ = <T extends HTMLElement>(id: string): T => document.getElementById(id) as T;

/** The buttons of the shared page, all disabled while one action runs. */
const BUTTONS = ['rank', 'merge', 'ledger', 'check', 'agenda', 'chart', 'holidays'];

/** WPS 表格 on 信创 machines is Chinese; the page's own words are the HTML's. */
const locale = 'zh' as const;
const say = (code: AddinCode, params: Readonly<Record<string, string | number>> = {}): string =>
  addinText(code, locale, params);

function show(result: PaneResult): void {
  const status = $('status');
  status.textContent = result.summary;
  status.className = result.ok ? 'ok' : 'bad';
  const list = $('lines');
  while (list.firstChild) list.removeChild(list.firstChild);
  for (const l of result.lines.slice(0, 200)) {
    const li = document.createElement('li');
    li.textContent = l;
    list.appendChild(li);
  }
}

const failed = (e: unknown): PaneResult => ({
  summary: say('pane.failed', { why: e instanceof Error ? e.message : String(e) }),
  lines: [],
  ok: false,
});

/** While a button's action writes sheets (and just after: WPS may report its writes late), edits are not checked. */
let acting = false;

async function act(busy: AddinCode, action: () => Promise<PaneResult>): Promise<void> {
  acting = true;
  const buttons = BUTTONS.map((id) => $<HTMLButtonElement>(id));
  for (const b of buttons) b.disabled = true;
  $('status').textContent = say(busy);
  $('status').className = '';
  try {
    show(await action());
  } catch (e) {
    // Never swallowed: what went wrong reaches the clerk as it came.
    show(failed(e));
  } finally {
    for (const b of buttons) b.disabled = false;
    // The status is under the last section: brought into view, whichever button was clicked.
    $('status').scrollIntoView(false);
    setTimeout(() => (acting = false), 0);
  }
}

/** 输入时检查: each edit of a form's sheet (SheetChange) checked on its rows, as in the Office pane. */
async function watchEdits(host: EtHost): Promise<void> {
  const box = $<HTMLInputElement>('live');
  if (!host.capabilities.editEvents) {
    box.checked = false;
    box.disabled = true;
    $('live-note').textContent = say('wps.noLiveCheck');
    return;
  }
  await host.onEdit((sheet, address) => {
    if (!box.checked || acting) return;
    checkEditedRows(host, sheet, address, locale).then(
      (result) => {
        if (result.summary !== '') show(result);
      },
      (e: unknown) => show(failed(e)),
    );
  });
}

/** A file's bytes (FileReader: WPS's Chromium may predate Blob.arrayBuffer). */
function fileBytes(f: File): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(new Uint8Array(reader.result as ArrayBuffer));
    reader.onerror = () => reject(reader.error ?? new Error(f.name));
    reader.readAsArrayBuffer(f);
  });
}

async function pickedFiles(input: HTMLInputElement): Promise<PickedFile[]> {
  return Promise.all(
    Array.from(input.files ?? []).map(async (f) => ({
      name: f.name,
      bytes: await fileBytes(f),
      lastModified: f.lastModified,
    })),
  );
}

const pad = (n: number): string => String(n).padStart(2, '0');
const iso = (d: Date): string => `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
/** The last quarter that has ended (2026Q3), the next Saturday, today: the fields' first values. */
const lastQuarter = (d: Date): string => {
  const q = Math.floor(d.getMonth() / 3);
  return q === 0 ? `${d.getFullYear() - 1}Q4` : `${d.getFullYear()}Q${q}`;
};
const nextSaturday = (d: Date): string =>
  iso(new Date(d.getFullYear(), d.getMonth(), d.getDate() + ((6 - d.getDay() + 7) % 7)));

/** The bundled bulletin template (templates/重点项目情况通报.xlsx, inlined by webpack). */
const bundledTemplate = (): Uint8Array =>
  latin1BytesPlain(atob(bulletinTemplateUrl.slice(bulletinTemplateUrl.indexOf(',') + 1)));

/** Every button of the shared page to its action in pane.ts, over the WPS host. */
function wire(host: EtHost): void {
  const value = (id: string): string => $<HTMLInputElement>(id).value;
  const files = (id: string): Promise<PickedFile[]> => pickedFiles($<HTMLInputElement>(id));
  const on = (id: string, busy: AddinCode, action: () => Promise<PaneResult>): void =>
    $(id).addEventListener('click', () => void act(busy, action));
  const today = new Date();
  $<HTMLInputElement>('period').value = lastQuarter(today);
  $<HTMLInputElement>('report-period').value = currentReportPeriod(today);
  $<HTMLInputElement>('meeting').value = nextSaturday(today);
  $<HTMLInputElement>('chart-day').value = iso(today);

  on('rank', 'pane.busy.rank', () => computeRanking(host, value('period'), locale));
  on('check', 'pane.busy.check', () => checkWorkbook(host, locale));
  on('merge', 'pane.busy.merge', async () => {
    const [own] = await files('bulletin-template');
    return mergeReports(
      host,
      value('report-period'),
      await files('reports'),
      own ? { bytes: own.bytes, ownName: own.name } : { bytes: bundledTemplate() },
      undefined,
      locale,
      // The 公文 beside the workbook: into the same folder WPS opens the bulletin from.
      async (doc, name) => {
        const bytes = await officialDocxInBrowser(doc);
        const path = host.saveFile(bytes, name);
        if (path === undefined) return void download(bytes, name, DOCX);
        return say('wps.documentSaved', { path });
      },
    );
  });
  on('ledger', 'pane.busy.import', async () => importLedger(host, await files('bulletin'), locale));
  on('agenda', 'pane.busy.agenda', async () =>
    buildMeetingAgenda(host, value('meeting'), locale, await files('topics')),
  );
  on('chart', 'pane.busy.chart', () => progressChartPaper(host, value('chart-day'), undefined, locale));
  on('holidays', 'pane.busy.import', () =>
    importHolidayNotice(host, $<HTMLTextAreaElement>('notice-text').value, value('notice-year'), locale),
  );
  for (const id of BUTTONS) $<HTMLButtonElement>(id).disabled = false;
  $('status').textContent = say('wps.ready');
  void watchEdits(host);
}

const wps = (window as unknown as { Application?: EtApplication }).Application;
if (wps) {
  window.kpdHost = new EtHost(wps, { download: (bytes, name) => download(bytes, name) });
  wire(window.kpdHost);
} else $('status').textContent = say('wps.notWps');
showSection();
window.addEventListener('hashchange', showSection);
