import type { IsoDate } from '../values/dates.js';
import type { Located, MasterData, Milestone, Project } from '../master/types.js';
import { fitsOneLine, PaperGrid, lineHeight, wrappedLines } from '../paper/builder.js';
import { blockBreaks, PT_PER_WIDTH_UNIT, printableArea, scaleToFit, sheetName } from '../paper/geometry.js';
import { fillText } from '../paper/text.js';
import { zhDate } from '../document/text.js';
import type { Margins, PaperBook, PaperSheet, PaperStyle } from '../paper/types.js';
import {
  CHART_ID,
  CHART_TEXT,
  CHART_VERSION,
  DEFAULT_OFFICE,
  MILESTONE_STATE,
  type MilestoneState,
} from '../schema/chart.js';
import { formatMessage, issue, type Issue } from '../issues/issue.js';
import { matchKey } from '../values/text.js';
import {
  chooseAxis,
  milestoneState,
  orderMilestones,
  slotOf,
  spanStart,
  type AxisSlot,
  type AxisUnit,
} from './chart-model.js';
import { compareText } from '../values/collate.js';

/**
 * `kpd chart` (挂图作战): each HQ's projects as a printable progress chart on A3 landscape — one
 * sheet per HQ, one block per project, a row per milestone (predecessors first) against a time
 * axis by week, month or quarter, with its planned span, planned and actual dates, red flags on
 * done nodes, black flags on overdue ones and a line for the day. Pure: the adapter writes it.
 */
interface ChartOptions {
  /** The day the chart shows (今日线, overdue). */
  readonly on: IsoDate;
  /** Only this HQ (as registered; matched ignoring spaces and full/half width). */
  readonly hq?: string;
  /** Printed in the footer; 发展改革局重点项目办公室 by default. */
  readonly office?: string;
}

interface ChartCounts {
  readonly projects: number;
  readonly milestones: number;
  readonly done: number;
  readonly late: number;
  readonly overdue: number;
  readonly pending: number;
}

interface ChartSheetSummary extends ChartCounts {
  readonly hq: string;
  readonly sheet: string;
  readonly unit: AxisUnit;
  /** Printed pages of the sheet (A3 landscape). */
  readonly pages: number;
}

interface ChartResult {
  readonly on: IsoDate;
  readonly sheets: readonly ChartSheetSummary[];
  readonly totals: ChartCounts;
}

export interface ChartJob {
  readonly result: ChartResult;
  readonly book: PaperBook;
  readonly issues: readonly Issue[];
}

const MARGINS: Margins = { left: 0.4, right: 0.4, top: 0.5, bottom: 0.55, header: 0.25, footer: 0.25 };
const AREA = printableArea('A3', 'landscape', MARGINS);
/** 序号, 节点名称, 前置, 计划完成, 实际完成, 状态 (Excel width units). */
const FIXED = [4.5, 20, 5.5, 10.5, 10.5, 9.5] as const;
/** Width units left for the time axis, with a little room for programs that measure wider. */
const AXIS_UNITS = Math.floor(AREA.w / PT_PER_WIDTH_UNIT) - FIXED.reduce((a, w) => a + w, 0) - 3;
/** Narrowest and widest column of each axis unit (a 10 pt day number, month or quarter fits the narrowest). */
const SLOT_WIDTH: Readonly<Record<AxisUnit, { min: number; max: number }>> = {
  week: { min: 2.8, max: 4 },
  month: { min: 3.4, max: 7 },
  quarter: { min: 4.5, max: 9 },
};
const BODY = 10;
const ROW = lineHeight(1, BODY);
const TITLE_ROWS = 4;

const cellStyle = (s: Partial<PaperStyle> = {}): PaperStyle => ({
  size: BODY,
  face: 'sans',
  border: 'box',
  v: 'middle',
  ...s,
});

const S = MILESTONE_STATE;

const STATE_STYLE: Readonly<Record<MilestoneState, Partial<PaperStyle>>> = {
  [S.done]: { ink: 'red', bold: true },
  [S.late]: { ink: 'red' },
  [S.overdue]: { fill: 'black', ink: 'white', bold: true },
  [S.pending]: {},
};

/** 、 between the HQs of a finding and the predecessors of a node (the chart is Chinese). */
const LIST = formatMessage('values.listSeparator', {});

interface Tally {
  projects: number;
  milestones: number;
  done: number;
  late: number;
  overdue: number;
  pending: number;
}
const emptyTally = (): Tally => ({ projects: 0, milestones: 0, done: 0, late: 0, overdue: 0, pending: 0 });
function count(t: Tally, s: MilestoneState): void {
  t.milestones++;
  if (s === S.done || s === S.late) t.done++;
  if (s === S.late) t.late++;
  if (s === S.overdue) t.overdue++;
  if (s === S.pending) t.pending++;
}

/**
 * @example const { book, result } = progressChart(master, { on: '2026-11-13' }); // one sheet per HQ
 */
export function progressChart(master: MasterData, opts: ChartOptions): ChartJob | Issue {
  const projects = master.projects.map((p) => p.record);
  const hqs = [...new Map(projects.map((p) => [matchKey(p.hq), p.hq])).values()];
  const wanted = opts.hq === undefined ? hqs : hqs.filter((h) => matchKey(h) === matchKey(opts.hq ?? ''));
  if (wanted.length === 0)
    return issue(
      opts.hq === undefined ? 'chart.noProjects' : 'chart.unknownHq',
      {},
      { value: opts.hq ?? '', allowed: hqs.join(LIST) },
    );
  const milestones = new Map<string, Located<Milestone>[]>();
  for (const m of master.milestones) {
    const k = matchKey(m.record.projectId);
    milestones.set(k, [...(milestones.get(k) ?? []), m]);
  }
  const issues: Issue[] = [];
  const taken = new Set<string>();
  const sheets: PaperSheet[] = [];
  const summaries: ChartSheetSummary[] = [];
  const totals = emptyTally();
  for (const hq of wanted) {
    const own = projects.filter((p) => matchKey(p.hq) === matchKey(hq));
    const made = hqSheet(hq, own, milestones, opts, taken);
    taken.add(made.sheet.name);
    sheets.push(made.sheet);
    issues.push(...made.issues);
    summaries.push({
      hq,
      sheet: made.sheet.name,
      unit: made.unit,
      pages: made.sheet.breaks.length + 1,
      ...made.tally,
    });
    for (const k of Object.keys(totals) as (keyof Tally)[]) totals[k] += made.tally[k];
  }
  return {
    result: { on: opts.on, sheets: summaries, totals },
    book: {
      id: CHART_ID,
      version: CHART_VERSION,
      title: CHART_TEXT.bookTitle,
      sheets,
      meta: [
        [CHART_TEXT.meta.day, opts.on],
        ...(opts.hq !== undefined ? [[CHART_TEXT.meta.hq, wanted[0] ?? ''] as const] : []),
      ],
    },
    issues,
  };
}

interface PlannedMilestone {
  readonly m: Milestone;
  readonly state: MilestoneState;
  readonly from: IsoDate;
}

function hqSheet(
  hq: string,
  projects: readonly Project[],
  milestonesOf: ReadonlyMap<string, readonly Located<Milestone>[]>,
  opts: ChartOptions,
  taken: ReadonlySet<string>,
): { sheet: PaperSheet; unit: AxisUnit; tally: Tally; issues: Issue[] } {
  const { plans, tally, issues } = planProjects(projects, milestonesOf, opts.on);
  const axis = sheetAxis(plans, opts.on);
  const g = new PaperGrid();
  const day = zhDate(opts.on);
  titleRows(g, hq, day, tally, axis);
  const blocks = plans.map((plan) => projectBlock(g, plan, axis));

  const scale = scaleToFit(axis.columns, AREA.w);
  const titleHeight = g.rows.slice(0, TITLE_ROWS).reduce((a, h) => a + h, 0);
  const breaks = blockBreaks(g.rows, blocks, (AREA.h * 100) / scale - titleHeight, TITLE_ROWS + 1);
  return {
    sheet: {
      name: sheetName(hq, taken),
      paper: 'A3',
      orientation: 'landscape',
      margins: MARGINS,
      scale,
      columns: axis.columns,
      rows: g.rows,
      cells: g.cells,
      breaks,
      repeatRows: TITLE_ROWS,
      footer: fillText(CHART_TEXT.footer, {
        office: opts.office ?? DEFAULT_OFFICE,
        day,
        page: '{page}',
        pages: '{pages}',
      }),
    },
    unit: axis.unit,
    tally,
    issues,
  };
}

interface ProjectPlan {
  readonly p: Project;
  readonly rows: readonly PlannedMilestone[];
}

/** Each project's milestones in order with their state on the day; the HQ's tally and findings. */
function planProjects(
  projects: readonly Project[],
  milestonesOf: ReadonlyMap<string, readonly Located<Milestone>[]>,
  on: IsoDate,
): { plans: ProjectPlan[]; tally: Tally; issues: Issue[] } {
  const issues: Issue[] = [];
  const tally = emptyTally();
  const plans = projects.map((p) => {
    const list = milestonesOf.get(matchKey(p.projectId)) ?? [];
    const { ordered, issues: found } = orderMilestones(list, p.projectId);
    issues.push(...found);
    if (list.length === 0) issues.push(issue('chart.noMilestones', {}, { project: p.projectId }));
    const rows: PlannedMilestone[] = ordered.map(({ record: m }) => {
      const state = milestoneState(m, on);
      count(tally, state);
      return { m, state, from: spanStart(m, list, p.plannedStart) };
    });
    tally.projects++;
    return { p, rows };
  });
  return { plans, tally, issues };
}

interface SheetAxis {
  readonly unit: AxisUnit;
  readonly slots: readonly AxisSlot[];
  readonly slotWidth: number;
  readonly columns: readonly number[];
  /** The slot of the day. */
  readonly today: number;
}

/**
 * One axis for the sheet, so the projects of an HQ are read against the same weeks or months;
 * it spans the milestones' dates and the day (a span starting earlier is cut at the axis).
 */
function sheetAxis(plans: readonly ProjectPlan[], on: IsoDate): SheetAxis {
  const dates = [on];
  for (const { rows } of plans)
    for (const r of rows) dates.push(r.m.plannedDate, ...(r.m.actualDate ? [r.m.actualDate] : []));
  dates.sort(compareText);
  const { unit, slots } = chooseAxis(dates[0] ?? on, dates.at(-1) ?? on, on, (u) =>
    Math.floor(AXIS_UNITS / SLOT_WIDTH[u].min),
  );
  const slotWidth = Math.min(SLOT_WIDTH[unit].max, Math.floor((AXIS_UNITS / slots.length) * 10) / 10);
  const columns = [...FIXED, ...slots.map(() => slotWidth)];
  return { unit, slots, slotWidth, columns, today: slotOf(slots, on) };
}

/** The sheet's title, subtitle (the day, the axis, the counts) and legend. */
function titleRows(g: PaperGrid, hq: string, day: string, tally: Tally, axis: SheetAxis): void {
  const last = axis.columns.length;
  const axis0 = FIXED.length + 1;
  g.put(
    g.addRow(34),
    1,
    fillText(CHART_TEXT.sheetTitle, { hq }),
    { size: 20, bold: true, face: 'sans', h: 'center' },
    { cols: last },
  );
  g.put(
    g.addRow(20),
    1,
    fillText(CHART_TEXT.subtitle, { day, unit: CHART_TEXT.units[axis.unit], ...tally }),
    { size: 11, face: 'sans', h: 'center' },
    { cols: last },
  );
  const legend = g.addRow(ROW);
  g.put(legend, 1, CHART_TEXT.actualMark, cellStyle({ h: 'center', fill: 'red', ink: 'white', bold: true }));
  g.put(legend, 2, CHART_TEXT.legend.done, cellStyle({ ink: 'red', bold: true }));
  g.put(legend, 3, CHART_TEXT.plannedMark, cellStyle({ h: 'center', fill: 'black', ink: 'white' }));
  g.put(legend, 4, CHART_TEXT.legend.overdue, cellStyle({ bold: true }), { cols: 2 });
  g.put(legend, 6, CHART_TEXT.legend.planned, cellStyle({ h: 'center', fill: 'plan' }));
  const rest = fillText(CHART_TEXT.legend.rest, { day });
  g.put(legend, axis0, rest, { size: BODY, face: 'sans', wrap: true }, { cols: axis.slots.length });
  g.grow(legend, lineHeight(wrappedLines(rest, axis.slotWidth * axis.slots.length, BODY), BODY));
  g.addRow(6);
}

/** A project's block: its line, its facts, the axis header and a row per milestone. */
function projectBlock(
  g: PaperGrid,
  { p, rows }: ProjectPlan,
  axis: SheetAxis,
): { first: number; last: number } {
  const last = axis.columns.length;
  const first = g.addRow(22);
  g.put(
    first,
    1,
    fillText(CHART_TEXT.projectLine, { id: p.projectId, name: p.name, category: p.category }),
    { size: 12, bold: true, face: 'sans', fill: 'head', border: 'box' },
    { cols: last },
  );
  const t = emptyTally();
  for (const r of rows) count(t, r.state);
  g.put(
    g.addRow(ROW),
    1,
    fillText(CHART_TEXT.projectInfo, {
      commander: p.commander,
      unit: p.unit,
      agent: p.agent,
      start: p.plannedStart ?? CHART_TEXT.noDate,
      end: p.plannedEnd ?? CHART_TEXT.noDate,
      ...t,
    }),
    { size: BODY, face: 'sans', border: 'box' },
    { cols: last },
  );
  axisHeader(g, axis.slots, axis.unit, axis.today, axis.slotWidth);
  for (const r of rows) milestoneRow(g, r, axis.slots, axis.today, FIXED[1]);
  if (rows.length === 0)
    g.put(g.addRow(ROW), 1, CHART_TEXT.noMilestones, cellStyle({ ink: 'grey' }), { cols: last });
  return { first, last: g.addRow(10) };
}

/** The two header rows of a block: the fixed columns' names, the axis groups and the slots. */
function axisHeader(
  g: PaperGrid,
  slots: readonly AxisSlot[],
  unit: AxisUnit,
  today: number,
  width: number,
): void {
  const top = g.addRow(ROW);
  const bottom = g.addRow(ROW);
  const head = cellStyle({ bold: true, h: 'center', fill: 'head' });
  CHART_TEXT.columns.forEach((c, i) => g.put(top, i + 1, c, head, { rows: 2 }));
  const axis0 = CHART_TEXT.columns.length + 1;
  const group = (s: AxisSlot): string =>
    unit === 'week'
      ? fillText(CHART_TEXT.monthGroup, { year: s.year, month: s.month })
      : fillText(CHART_TEXT.yearGroup, { year: s.year });
  for (let i = 0; i < slots.length;) {
    const s = slots[i] as AxisSlot;
    let j = i;
    while (j + 1 < slots.length && group(slots[j + 1] as AxisSlot) === group(s)) j++;
    // A group of one or two weeks has no room for 2026年11月: 11月 says enough.
    const label = group(s);
    const short = fillText(CHART_TEXT.monthShort, { month: s.month });
    const fits = fitsOneLine(label, (j - i + 1) * width, BODY);
    g.put(top, axis0 + i, fits || unit !== 'week' ? label : short, head, { cols: j - i + 1 });
    i = j + 1;
  }
  slots.forEach((s, i) => {
    const label =
      unit === 'week'
        ? String(s.n)
        : unit === 'month'
          ? fillText(CHART_TEXT.monthLabel, { month: s.month })
          : fillText(CHART_TEXT.quarterLabel, { quarter: s.n });
    g.put(bottom, axis0 + i, label, { ...head, ...(i === today && { fill: 'today', dayLine: true }) });
  });
}

function milestoneRow(
  g: PaperGrid,
  r: PlannedMilestone,
  slots: readonly AxisSlot[],
  today: number,
  nameWidth: number,
): void {
  const { m, state } = r;
  const row = g.addRow(lineHeight(wrappedLines(m.name, nameWidth, BODY), BODY));
  const done = m.actualDate !== undefined;
  g.put(row, 1, m.seq, cellStyle({ h: 'center' }));
  g.put(row, 2, m.name, cellStyle({ wrap: true }));
  g.put(row, 3, (m.predecessors ?? '').replace(/[,，;；\s]+/gu, LIST), cellStyle({ h: 'center' }));
  g.put(row, 4, m.plannedDate, cellStyle({ h: 'center' }));
  g.put(row, 5, m.actualDate ?? '', cellStyle({ h: 'center', ...(done && { ink: 'red' }) }));
  g.put(row, 6, state, cellStyle({ h: 'center', ...STATE_STYLE[state] }));
  const from = slotOf(slots, r.from);
  const planned = slotOf(slots, m.plannedDate);
  const actual = m.actualDate !== undefined ? slotOf(slots, m.actualDate) : -1;
  const axis0 = CHART_TEXT.columns.length + 1;
  slots.forEach((_, i) => {
    let style = cellStyle({ h: 'center', ...(i >= from && i <= planned && { fill: 'plan' }) });
    let value = '';
    if (i === actual) {
      value = CHART_TEXT.actualMark;
      style = { ...style, fill: 'red', ink: 'white', bold: true };
    } else if (i === planned) {
      value = CHART_TEXT.plannedMark;
      if (state === S.overdue) style = { ...style, fill: 'black', ink: 'white' };
      else if (done) style = { ...style, ink: 'red' };
    }
    if (i === today) style = { ...style, dayLine: true, ...(style.fill === undefined && { fill: 'today' }) };
    g.put(row, axis0 + i, value, style);
  });
}
