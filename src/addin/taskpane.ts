import bulletinTemplateUrl from 'kpd-templates/bulletin.xlsx';
import { latin1BytesPlain, latin1StringPlain } from '../adapters/binary.js';
import {
  buildMeetingAgenda,
  checkEdit,
  checkWorkbook,
  computeRanking,
  currentReportPeriod,
  importHolidayNotice,
  importLedger,
  mergeReports,
  type ExcelHost,
  progressChartPaper,
  type PaneResult,
  type PickedFile,
  type WorkbookDelivery,
} from './pane.js';
import { has, officeSupports } from '../adapters/office/requirements.js';
import { OfficeHost } from '../adapters/office/host.js';
import { LiveCheck } from './live-check.js';
import { addinText } from './messages.js';
import { PAGE_ENGLISH } from './messages-page.js';
import type { Locale } from '../core/issues/issue.js';
import { officialDocxInBrowser } from './chart-png.js';
import { linesPage, PAGE_LINES } from './findings.js';
import { isCancelled, WorkCancelled, type WorkProgress } from './slices.js';
import { BULLETIN } from '../core/schema/bulletin.js';

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/** Offers bytes as a file to save (the 公文 the pane makes beside its workbook). */
function download(bytes: Uint8Array, fileName: string, type: string): void {
  const a = document.createElement('a');
  a.href = URL.createObjectURL(new Blob([new Uint8Array(bytes)], { type }));
  a.download = fileName;
  a.click();
}

/** The page: buttons to the pane's actions, results in the status area. */

const $ = <T extends HTMLElement>(id: string): T => document.getElementById(id) as T;

/** The last quarter that has ended, as 2026Q3 (the one a clerk ranks). */
function lastQuarter(today: Date): string {
  const q = Math.floor(today.getMonth() / 3); // 0-based quarter of today
  return q === 0 ? `${today.getFullYear() - 1}Q4` : `${today.getFullYear()}Q${q}`;
}

/** The next meeting day on or after today (Saturday), as 2026-11-14. */
function nextSaturday(today: Date): string {
  const d = new Date(today.getFullYear(), today.getMonth(), today.getDate() + ((6 - today.getDay() + 7) % 7));
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

/** A file's bytes (FileReader: IE11 and old Edge have no Blob.arrayBuffer). */
function fileBytes(f: File): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(new Uint8Array(reader.result as ArrayBuffer));
    reader.onerror = () => reject(reader.error ?? new Error(f.name));
    reader.readAsArrayBuffer(f);
  });
}

/** Today as 2026-11-13 (the day a progress chart is drawn for). */
function isoToday(today: Date): string {
  return `${today.getFullYear()}-${String(today.getMonth() + 1).padStart(2, '0')}-${String(today.getDate()).padStart(2, '0')}`;
}

/**
 * The files chosen in a file input, read into memory (they are never written); `each` is told
 * how many are read so far (FileReader is asynchronous: the page stays responsive meanwhile).
 */
async function pickedFiles(
  input: HTMLInputElement,
  each?: (done: number, total: number) => void,
): Promise<PickedFile[]> {
  const files = Array.from(input.files ?? []);
  let done = 0;
  return Promise.all(
    files.map(async (f) => {
      const bytes = await fileBytes(f);
      each?.(++done, files.length);
      return {
        name: f.name,
        bytes,
        // IE11's File has lastModifiedDate only.
        lastModified:
          f.lastModified ?? (f as { lastModifiedDate?: Date }).lastModifiedDate?.getTime() ?? Date.now(),
      };
    }),
  );
}

let locale: Locale = 'zh';

const BUTTONS = ['check', 'merge', 'ledger', 'agenda', 'rank', 'chart', 'holidays', 'next-ledger'];

/** The bundled bulletin template (templates/重点项目情况通报.xlsx, inlined by webpack). */
function bulletinTemplate(): Uint8Array {
  return latin1BytesPlain(atob(bulletinTemplateUrl.slice(bulletinTemplateUrl.indexOf(',') + 1)));
}

/**
 * A made workbook opened in Excel (ExcelApi 1.8 createWorkbook: a new window, the master
 * untouched), or offered as a file where Excel cannot (IE11 asks to open or save it).
 */
const delivery: WorkbookDelivery = {
  open: (bytes) => Excel.createWorkbook(btoa(latin1StringPlain(bytes))),
  download(bytes, fileName) {
    const blob = new Blob([new Uint8Array(bytes)], {
      type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    });
    const ie = navigator as { msSaveOrOpenBlob?: (b: Blob, name: string) => boolean };
    if (typeof ie.msSaveOrOpenBlob === 'function') {
      ie.msSaveOrOpenBlob(blob, fileName);
      return;
    }
    const a = document.createElement('a');
    a.href = URL.createObjectURL(blob);
    a.download = fileName;
    document.body.appendChild(a);
    a.click();
    document.body.removeChild(a);
  },
};

/** The lines of the result shown, and how many of them are on screen (paged, PAGE_LINES at a time). */
let shownLines: readonly string[] = [];
let shownCount = 0;

function renderLines(): void {
  const list = $('lines');
  while (list.firstChild) list.removeChild(list.firstChild);
  const page = linesPage(shownLines, shownCount, locale);
  for (const l of page.shown) {
    const li = document.createElement('li');
    li.textContent = l;
    list.appendChild(li);
  }
  $('note').textContent = page.note;
  const more = $('more');
  more.textContent = addinText('findings.more', locale, { count: page.more });
  more.style.display = page.more > 0 ? 'inline-block' : 'none';
}

function show(result: PaneResult, className = result.ok ? 'ok' : 'bad'): void {
  const status = $('status');
  status.textContent = result.summary;
  status.className = className;
  shownLines = result.lines;
  shownCount = PAGE_LINES;
  renderLines();
}

/** While a button's action writes sheets, its own edits are not checked as typing. */
let acting = false;
/** What the check of an edit keeps of the workbook; forgotten whenever the pane writes. */
const live = new LiveCheck();

/** An error no action expected, said as it came. */
function failure(e: unknown): PaneResult {
  const why = e instanceof Error ? e.message : String(e);
  return {
    summary: addinText('pane.failed', locale, { why }),
    lines: [],
    ok: false,
  };
}

/** The section an element is in (IE11 has no Element.closest). */
function sectionOf(el: HTMLElement): HTMLElement | undefined {
  for (let n: Node | null = el; n; n = n.parentNode)
    if (n.nodeType === 1 && (n as HTMLElement).tagName === 'SECTION') return n as HTMLElement;
  return undefined;
}

const pageTop = (el: HTMLElement): number =>
  el.getBoundingClientRect().top + (window.pageYOffset || document.documentElement.scrollTop);

/**
 * The result placed where the eye is: right under the button just clicked, the page scrolled
 * so that the button and the status below it are at the top of the pane.
 */
function placeResult(button: HTMLElement): void {
  const result = $('result');
  if (button.parentNode && button.nextSibling !== result)
    button.parentNode.insertBefore(result, button.nextSibling);
  window.scrollTo(0, Math.max(0, pageTop(button) - 8));
}

/** The sheet an action wrote, shown in Excel (Worksheet.activate, ExcelApi 1.1). */
async function showSheet(excel: ExcelHost, name: string): Promise<void> {
  await excel.run(async (context) => {
    context.workbook.worksheets.getItem(name).activate();
    await context.sync();
  });
}

/** 取消 was clicked during the long action running now. */
let cancelRequested = false;

/** What a long action is told: its counts go to the status, 取消 stops it between files. */
const progress: WorkProgress = {
  step(s) {
    $('status').textContent =
      s.phase === 'reading'
        ? addinText('work.reading', locale, { done: s.done, total: s.total, rows: s.rows })
        : addinText('work.writing', locale, { total: s.total, rows: s.rows });
    // Once the result is being written it is no longer the clerk's to stop.
    if (s.phase === 'writing') $('cancel').style.display = 'none';
  },
  cancelled: () => cancelRequested,
};

async function act(
  excel: ExcelHost,
  button: string,
  busy: string,
  action: () => Promise<PaneResult>,
  options: { cancellable?: boolean } = {},
): Promise<void> {
  acting = true;
  cancelRequested = false;
  const buttons = BUTTONS.map((id) => $<HTMLButtonElement>(id));
  for (const b of buttons) b.disabled = true;
  $('next-ledger').style.display = 'none';
  show({ summary: busy, lines: [], ok: true }, '');
  const cancel = $<HTMLButtonElement>('cancel');
  cancel.disabled = false;
  cancel.style.display = options.cancellable ? 'inline-block' : 'none';
  placeResult($(button));
  try {
    const result = await action();
    let lines = result.lines;
    if (result.sheet !== undefined)
      try {
        await showSheet(excel, result.sheet);
      } catch (e) {
        lines = [...lines, failure(e).summary];
      }
    show({ ...result, lines });
  } catch (e) {
    if (isCancelled(e))
      show({ summary: addinText('work.cancelled', locale), lines: [], ok: false }, 'cancelled');
    else show(failure(e));
  } finally {
    cancel.style.display = 'none';
    for (const b of buttons) b.disabled = false;
    live.reset();
    acting = false;
    placeResult($(button));
  }
}

/** The section the ribbon button asked for (taskpane.html#merge …), brought to the top. */
function goToSection(): void {
  const id = (window.location.hash || '').replace(/^#/u, '');
  const section = id === '' ? null : document.getElementById(`s-${id}`);
  const sections = document.getElementsByTagName('section');
  for (let i = 0; i < sections.length; i++) sections[i]?.classList.remove('current');
  if (!section) return;
  section.classList.add('current');
  const result = $('result');
  // The status goes with the section asked for, so what is said there is seen.
  const button = document.getElementById(id);
  if (button && button.parentNode && !sectionOf(result))
    button.parentNode.insertBefore(result, button.nextSibling);
  window.scrollTo(0, Math.max(0, pageTop(section) - 4));
  if (button instanceof HTMLButtonElement && !button.disabled) button.focus();
}

void Office.onReady((info) => {
  if (window.kpdBoot) window.kpdBoot.ready = true;
  locale = (Office.context.displayLanguage ?? 'zh-CN').toLowerCase().startsWith('en') ? 'en' : 'zh';
  if (locale === 'en') {
    document.documentElement.lang = 'en';
    document.title = 'Key Project Desk';
    for (const [id, text] of Object.entries(PAGE_ENGLISH)) {
      const el = document.getElementById(id);
      if (el) el.textContent = text;
    }
  }
  if (info.host !== Office.HostType.Excel) {
    $('status').textContent = addinText('pane.notExcel', locale);
    return;
  }
  const excel: ExcelHost = { run: (batch) => Excel.run(batch), supports: officeSupports };
  // The actions' door to Excel (WPS 表格's page makes an EtHost instead: src/wps/page.ts).
  const host = new OfficeHost(excel, delivery);
  const period = $<HTMLInputElement>('period');
  period.value = lastQuarter(new Date());
  $('rank').addEventListener(
    'click',
    () =>
      void act(excel, 'rank', addinText('pane.busy.rank', locale), () =>
        computeRanking(host, period.value, locale),
      ),
  );
  $('check').addEventListener(
    'click',
    () => void act(excel, 'check', addinText('pane.busy.check', locale), () => checkWorkbook(host, locale)),
  );
  const reportPeriod = $<HTMLInputElement>('report-period');
  reportPeriod.value = currentReportPeriod(new Date());
  const reports = $<HTMLInputElement>('reports');
  const ownTemplate = $<HTMLInputElement>('bulletin-template');
  /** The office's own bulletin template when one is chosen, else the bundled one. */
  const chosenTemplate = async (): Promise<{ bytes: Uint8Array; ownName?: string }> => {
    const [own] = await pickedFiles(ownTemplate);
    return own ? { bytes: own.bytes, ownName: own.name } : { bytes: bulletinTemplate() };
  };
  /** The bulletin 汇总通报 just made, offered to 导入台账 at once (no saving and picking again). */
  let made: PickedFile | undefined;
  const keep = (bytes: Uint8Array, name: string): void => {
    made = { name, bytes };
  };
  const mergeDelivery: WorkbookDelivery = {
    open: (bytes) => {
      keep(bytes, BULLETIN.fileName);
      return delivery.open(bytes);
    },
    download(bytes, fileName) {
      keep(bytes, fileName);
      delivery.download(bytes, fileName);
    },
  };
  $('merge').addEventListener('click', () => {
    made = undefined;
    void act(
      excel,
      'merge',
      addinText('pane.busy.merge', locale),
      async () => {
        const files = await pickedFiles(reports, (done, total) => {
          $('status').textContent = addinText('work.picking', locale, { done, total });
        });
        if (cancelRequested) throw new WorkCancelled();
        return mergeReports(
          excel,
          reportPeriod.value,
          files,
          await chosenTemplate(),
          mergeDelivery,
          locale,
          async (doc, name) => download(await officialDocxInBrowser(doc), name, DOCX),
          progress,
        );
      },
      { cancellable: true },
    ).then(() => {
      const next = $('next-ledger');
      if (made === undefined || $('status').className !== 'ok') return;
      next.textContent = addinText('next.ledger', locale, { file: made.name });
      next.style.display = 'inline-block';
    });
  });
  $('cancel').addEventListener('click', () => {
    cancelRequested = true;
    $<HTMLButtonElement>('cancel').disabled = true;
    $('status').textContent = addinText('work.cancelling', locale);
  });
  const bulletinFile = $<HTMLInputElement>('bulletin');
  $('ledger').addEventListener(
    'click',
    () =>
      void act(excel, 'ledger', addinText('pane.busy.import', locale), async () =>
        importLedger(host, await pickedFiles(bulletinFile), locale),
      ),
  );
  $('next-ledger').addEventListener('click', () => {
    const bulletin = made;
    if (bulletin)
      void act(excel, 'ledger', addinText('pane.busy.import', locale), () =>
        importLedger(host, [bulletin], locale),
      );
  });
  const meeting = $<HTMLInputElement>('meeting');
  meeting.value = nextSaturday(new Date());
  const topics = $<HTMLInputElement>('topics');
  $('agenda').addEventListener(
    'click',
    () =>
      void act(excel, 'agenda', addinText('pane.busy.agenda', locale), async () =>
        buildMeetingAgenda(host, meeting.value, locale, await pickedFiles(topics)),
      ),
  );
  const chartDay = $<HTMLInputElement>('chart-day');
  chartDay.value = isoToday(new Date());
  $('chart').addEventListener(
    'click',
    () =>
      void act(excel, 'chart', addinText('pane.busy.chart', locale), () =>
        progressChartPaper(host, chartDay.value, delivery, locale),
      ),
  );
  $('more').addEventListener('click', () => {
    shownCount += PAGE_LINES;
    renderLines();
  });
  const noticeText = $<HTMLTextAreaElement>('notice-text');
  const noticeYear = $<HTMLInputElement>('notice-year');
  $('holidays').addEventListener(
    'click',
    () =>
      void act(excel, 'holidays', addinText('pane.busy.import', locale), () =>
        importHolidayNotice(host, noticeText.value, noticeYear.value, locale),
      ),
  );
  for (const id of BUTTONS) $<HTMLButtonElement>(id).disabled = false;
  $('status').textContent = addinText('pane.connected', locale);
  goToSection();
  window.addEventListener('hashchange', goToSection);
  void watchEdits(excel);
});

// The boot script's watchdog: this script has run (polyfills included) in this engine.
if (window.kpdBoot) window.kpdBoot.paneStarted = true;

/** 输入时检查: each edit of a form's sheet is checked as soon as it is typed (ExcelApi 1.9). */
async function watchEdits(excel: ExcelHost): Promise<void> {
  const box = $<HTMLInputElement>('live');
  if (!has(excel, 'liveCheck')) {
    box.checked = false;
    box.disabled = true;
    $('live-note').textContent = addinText('api.noLiveCheck', locale);
    return;
  }
  // Edits made while the box is unchecked are not seen: what was kept is read again.
  box.addEventListener('change', () => live.reset());
  await excel.run(async (context) => {
    const sheets = context.workbook.worksheets;
    sheets.onChanged.add(async (e) => {
      if (!box.checked || acting) return;
      try {
        const result = await checkEdit(excel, live, e, locale);
        if (result.summary === '') return;
        // What typing found is said under 检查 (the top of the pane), whatever ran before.
        show(result);
        placeResult($('check'));
      } catch (error) {
        // What was kept may be what failed: it is read again at the next edit.
        live.reset();
        show(failure(error));
        placeResult($('check'));
      }
    });
    sheets.onAdded.add(async () => live.reset());
    sheets.onDeleted.add(async () => live.reset());
    await context.sync();
  });
}
