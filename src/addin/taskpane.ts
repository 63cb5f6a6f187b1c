import bulletinTemplateUrl from '../../templates/重点项目情况通报.xlsx';
import { latin1BytesPlain, latin1StringPlain } from '../adapters/binary.js';
import {
  buildMeetingAgenda,
  checkEdit,
  checkWorkbook,
  computeRanking,
  currentReportPeriod,
  importLedger,
  mergeReports,
  type ExcelRun,
  type PaneResult,
  type PickedFile,
} from './pane.js';
import type { Locale } from '../core/validate/issue.js';
import { officialDocxInBrowser } from './chart-png.js';

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
export function lastQuarter(today: Date): string {
  const q = Math.floor(today.getMonth() / 3); // 0-based quarter of today
  return q === 0 ? `${today.getFullYear() - 1}Q4` : `${today.getFullYear()}Q${q}`;
}

/** The next meeting day on or after today (Saturday), as 2026-11-14. */
export function nextSaturday(today: Date): string {
  const d = new Date(today.getFullYear(), today.getMonth(), today.getDate() + ((6 - today.getDay() + 7) % 7));
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

/** The files chosen in a file input, read into memory (they are never written). */
async function pickedFiles(input: HTMLInputElement): Promise<PickedFile[]> {
  return Promise.all(
    Array.from(input.files ?? []).map(async (f) => ({
      name: f.name,
      bytes: new Uint8Array(await f.arrayBuffer()),
      lastModified: f.lastModified,
    })),
  );
}

/** The page's own words in English, by element id (Chinese is in the HTML). */
const ENGLISH: Readonly<Record<string, string>> = {
  title: 'Key Project Desk',
  'h-rank': 'Agent assessment and unit ranking',
  'l-period': 'Period',
  'hint-period': 'A quarter as 2026Q3, a half-year as 2026H2 (half-years rank units only).',
  rank: 'Rank (计算排名)',
  'hint-rank':
    'Results go to the sheets 代办员考核结果, 扣分明细, 单位考评排名, 排名历史 and 数据问题; no other sheet changes.',
  'h-merge': 'Half-month bulletin',
  'l-report-period': 'Period',
  'hint-report-period':
    '2026-11-1 for the first half (due the 12th), 2026-11-2 for the month (due the 25th).',
  'l-reports': 'Reports received (several allowed; .xlsx, .eml or .zip)',
  merge: 'Merge into bulletin (汇总通报)',
  'hint-merge':
    'Merges them against this master into the 重点项目情况通报, opened as a new workbook (the master and the files are not changed); save it.',
  'l-bulletin-template': 'Your own bulletin template (optional; made in Excel, with your masthead)',
  'l-bulletin': 'Bulletin file (to import into the ledgers)',
  ledger: 'Import into ledgers (导入台账)',
  'hint-ledger':
    'Writes the period’s progress, submissions and site work into 进展记录, 报送记录 and 一线工作记录 of this workbook (importing a period again replaces it); the unit ranking reads them.',
  'h-agenda': 'Weekly meeting agenda',
  'l-meeting': 'Meeting day (Saturday)',
  agenda: 'Build agenda',
  'l-topics': 'Topic forms received (several allowed; .xlsx, .eml or .zip)',
  'hint-agenda':
    'Writes 议程, 督办落实 and 议题及滞后项目: the decisions, the topics sent in and the projects behind. With forms chosen, the files and rows not used go to 议题数据问题. Files are only read.',
  'h-check': 'Check this workbook',
  check: 'Check',
  'l-live': 'Check entries as they are typed (master workbook, half-month report, topic form)',
};

let locale: Locale = 'zh';

const BUTTONS = ['rank', 'merge', 'ledger', 'check', 'agenda'];

/** The bundled bulletin template (templates/重点项目情况通报.xlsx, inlined by webpack). */
function bulletinTemplate(): Uint8Array {
  return latin1BytesPlain(atob(bulletinTemplateUrl.slice(bulletinTemplateUrl.indexOf(',') + 1)));
}

/**
 * A made workbook opened in Excel (ExcelApi 1.8 createWorkbook: a new window, the master
 * untouched); where Excel cannot, it is offered as a download.
 */
async function openWorkbook(bytes: Uint8Array, fileName: string): Promise<boolean> {
  if (Office.context.requirements.isSetSupported('ExcelApi', '1.8')) {
    await Excel.createWorkbook(btoa(latin1StringPlain(bytes)));
    return true;
  }
  const a = document.createElement('a');
  a.href = URL.createObjectURL(
    new Blob([new Uint8Array(bytes)], {
      type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    }),
  );
  a.download = fileName;
  a.click();
  return false;
}

function show(result: PaneResult): void {
  const status = $('status');
  status.textContent = result.summary;
  status.className = result.ok ? 'ok' : 'bad';
  const list = $('lines');
  list.replaceChildren(
    ...result.lines.slice(0, 200).map((l) => {
      const li = document.createElement('li');
      li.textContent = l;
      return li;
    }),
  );
}

/** While a button's action writes sheets, its own edits are not checked as typing. */
let acting = false;

async function act(busy: string, action: () => Promise<PaneResult>): Promise<void> {
  acting = true;
  const buttons = BUTTONS.map((id) => $<HTMLButtonElement>(id));
  for (const b of buttons) b.disabled = true;
  $('status').textContent = busy;
  $('status').className = '';
  try {
    show(await action());
  } catch (e) {
    const why = e instanceof Error ? e.message : String(e);
    show({
      summary: locale === 'en' ? `Something went wrong: ${why}` : `出错了：${why}`,
      lines: [],
      ok: false,
    });
  } finally {
    for (const b of buttons) b.disabled = false;
    acting = false;
  }
}

void Office.onReady((info) => {
  locale = (Office.context.displayLanguage ?? 'zh-CN').toLowerCase().startsWith('en') ? 'en' : 'zh';
  const t = (zh: string, en: string): string => (locale === 'en' ? en : zh);
  if (locale === 'en') {
    document.documentElement.lang = 'en';
    document.title = 'Key Project Desk';
    for (const [id, text] of Object.entries(ENGLISH)) {
      const el = document.getElementById(id);
      if (el) el.textContent = text;
    }
  }
  if (info.host !== Office.HostType.Excel) {
    $('status').textContent = t('请在 Excel 中打开本加载项。', 'Open this add-in in Excel.');
    return;
  }
  const run: ExcelRun = (batch) => Excel.run(batch);
  const period = $<HTMLInputElement>('period');
  period.value = lastQuarter(new Date());
  $('rank').addEventListener(
    'click',
    () => void act(t('正在计算……', 'Computing…'), () => computeRanking(run, period.value, locale)),
  );
  $('check').addEventListener(
    'click',
    () => void act(t('正在检查……', 'Checking…'), () => checkWorkbook(run, locale)),
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
  $('merge').addEventListener(
    'click',
    () =>
      void act(t('正在汇总……', 'Merging…'), async () =>
        mergeReports(
          run,
          reportPeriod.value,
          await pickedFiles(reports),
          await chosenTemplate(),
          openWorkbook,
          locale,
          async (doc, name) => download(await officialDocxInBrowser(doc), name, DOCX),
        ),
      ),
  );
  const bulletinFile = $<HTMLInputElement>('bulletin');
  $('ledger').addEventListener(
    'click',
    () =>
      void act(t('正在导入……', 'Importing…'), async () =>
        importLedger(
          run,
          await pickedFiles(bulletinFile),
          locale,
          Office.context.requirements.isSetSupported('ExcelApi', '1.8'),
        ),
      ),
  );
  const meeting = $<HTMLInputElement>('meeting');
  meeting.value = nextSaturday(new Date());
  const topics = $<HTMLInputElement>('topics');
  $('agenda').addEventListener(
    'click',
    () =>
      void act(t('正在生成议程……', 'Building the agenda…'), async () =>
        buildMeetingAgenda(run, meeting.value, locale, await pickedFiles(topics)),
      ),
  );
  for (const id of BUTTONS) $<HTMLButtonElement>(id).disabled = false;
  $('status').textContent = t(
    '已连接。打开总台账后，选择考评期并点击「计算排名」。',
    'Connected. In the master workbook, choose the period and click Rank.',
  );
  void watchEdits(run);
});

/** 输入时检查: each edit of a master sheet is checked as soon as it is typed (ExcelApi 1.9). */
async function watchEdits(run: ExcelRun): Promise<void> {
  const box = $<HTMLInputElement>('live');
  if (!Office.context.requirements.isSetSupported('ExcelApi', '1.9')) {
    box.disabled = true;
    $('live-note').textContent =
      locale === 'en'
        ? 'This version of Excel cannot check as you type; use Check.'
        : '此版本的 Excel 不支持输入时检查，请用「检查」按钮。';
    return;
  }
  await Excel.run(async (context) => {
    context.workbook.worksheets.onChanged.add(async (e) => {
      if (!box.checked || acting) return;
      const name = await Excel.run(async (ctx) => {
        const ws = ctx.workbook.worksheets.getItem(e.worksheetId);
        ws.load('name');
        await ctx.sync();
        return ws.name;
      });
      const result = await checkEdit(run, name, e.address, locale);
      if (result.summary !== '') show(result);
    });
    await context.sync();
  });
}
