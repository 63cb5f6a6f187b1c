import {
  buildMeetingAgenda,
  checkEdit,
  checkMaster,
  computeRanking,
  type ExcelRun,
  type PaneResult,
} from './pane.js';

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
  const buttons = ['rank', 'check', 'agenda'].map((id) => $<HTMLButtonElement>(id));
  for (const b of buttons) b.disabled = true;
  $('status').textContent = busy;
  $('status').className = '';
  try {
    show(await action());
  } catch (e) {
    show({ summary: `出错了：${e instanceof Error ? e.message : String(e)}`, lines: [], ok: false });
  } finally {
    for (const b of buttons) b.disabled = false;
    acting = false;
  }
}

void Office.onReady((info) => {
  if (info.host !== Office.HostType.Excel) {
    $('status').textContent = '请在 Excel 中打开本加载项。';
    return;
  }
  const run: ExcelRun = (batch) => Excel.run(batch);
  const period = $<HTMLInputElement>('period');
  period.value = lastQuarter(new Date());
  $('rank').addEventListener('click', () => void act('正在计算……', () => computeRanking(run, period.value)));
  $('check').addEventListener('click', () => void act('正在检查……', () => checkMaster(run)));
  const meeting = $<HTMLInputElement>('meeting');
  meeting.value = nextSaturday(new Date());
  $('agenda').addEventListener(
    'click',
    () => void act('正在生成议程……', () => buildMeetingAgenda(run, meeting.value)),
  );
  for (const id of ['rank', 'check', 'agenda']) $<HTMLButtonElement>(id).disabled = false;
  $('status').textContent = '已连接。打开总台账后，选择考评期并点击「计算排名」。';
  void watchEdits(run);
});

/** 输入时检查: each edit of a master sheet is checked as soon as it is typed (ExcelApi 1.9). */
async function watchEdits(run: ExcelRun): Promise<void> {
  const box = $<HTMLInputElement>('live');
  if (!Office.context.requirements.isSetSupported('ExcelApi', '1.9')) {
    box.disabled = true;
    $('live-note').textContent = '此版本的 Excel 不支持输入时检查，请用「检查」按钮。';
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
      const result = await checkEdit(run, name, e.address);
      if (result.summary !== '') show(result);
    });
    await context.sync();
  });
}
