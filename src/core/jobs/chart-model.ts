import { dayNumber, fromDayNumber, weekStart, ymd, type IsoDate } from '../values/dates.js';
import type { Located, Milestone } from '../master/types.js';
import { MILESTONE_STATE, type MilestoneState } from '../schema/chart.js';
import { formatMessage, issue, type Issue } from '../issues/issue.js';
import { compareText } from '../values/collate.js';

/**
 * The pieces of 挂图作战 that are not layout: each milestone's state on the day, the order of a
 * project's milestones (predecessors first), where a milestone's planned span starts, and the
 * time axis.
 */

/** Done nodes carry the red flag; planned by the day and not done is overdue (as the bulletin says). */
export function milestoneState(m: Milestone, on: IsoDate): MilestoneState {
  const S = MILESTONE_STATE;
  if (m.actualDate !== undefined) return m.actualDate > m.plannedDate ? S.late : S.done;
  return m.plannedDate <= on ? S.overdue : S.pending;
}

/** 前置节点 as typed ("1,2", "1、2", "1，2") → the sequence numbers. */
export function predecessorSeqs(text: string | undefined): number[] {
  return [...(text ?? '').matchAll(/\d+/gu)].map((m) => Number(m[0]));
}

/**
 * A project's milestones with every predecessor before its successors (Kahn's order), ties by
 * planned date then 节点序号 so the chart reads top-down in time. A cycle is reported and its
 * nodes follow in 节点序号 order; a predecessor planned after its successor is reported too.
 */
export function orderMilestones(
  list: readonly Located<Milestone>[],
  projectId: string,
): { ordered: Located<Milestone>[]; issues: Issue[] } {
  const issues: Issue[] = [];
  const bySeq = new Map(list.map((m) => [m.record.seq, m]));
  const preds = new Map(
    list.map((m) => [m, predecessorSeqs(m.record.predecessors).filter((s) => bySeq.has(s))]),
  );
  const before = (a: Located<Milestone>, b: Located<Milestone>): number =>
    compareText(a.record.plannedDate, b.record.plannedDate) || a.record.seq - b.record.seq;
  for (const m of list) {
    for (const s of preds.get(m) ?? []) {
      const p = bySeq.get(s);
      if (p && p.record.plannedDate > m.record.plannedDate)
        issues.push(
          issue(
            'chart.predecessorLater',
            { sheet: m.sheet, row: m.row },
            { project: projectId, seq: m.record.seq, pred: s, date: p.record.plannedDate },
          ),
        );
    }
  }
  const placed = new Set<number>();
  const ordered: Located<Milestone>[] = [];
  let ready = list.filter((m) => (preds.get(m) ?? []).length === 0).sort(before);
  while (ready.length > 0) {
    const next = ready.shift() as Located<Milestone>;
    ordered.push(next);
    placed.add(next.record.seq);
    const freed = list.filter(
      (m) =>
        !placed.has(m.record.seq) && !ready.includes(m) && (preds.get(m) ?? []).every((s) => placed.has(s)),
    );
    ready = [...ready, ...freed].sort(before);
  }
  const rest = list.filter((m) => !ordered.includes(m)).sort((a, b) => a.record.seq - b.record.seq);
  if (rest.length > 0)
    issues.push(
      issue(
        'chart.cycle',
        { sheet: rest[0]?.sheet, row: rest[0]?.row },
        {
          project: projectId,
          nodes: rest.map((m) => m.record.seq).join(formatMessage('values.listSeparator', {})),
        },
      ),
    );
  return { ordered: [...ordered, ...rest], issues };
}

/** Where a milestone's planned span starts: when its last predecessor is planned, else the project's start. */
export function spanStart(
  m: Milestone,
  all: readonly Located<Milestone>[],
  projectStart: IsoDate | undefined,
): IsoDate {
  const seqs = predecessorSeqs(m.predecessors);
  const dates = all.filter((x) => seqs.includes(x.record.seq)).map((x) => x.record.plannedDate);
  const from = dates.length > 0 ? dates.sort(compareText).at(-1) : projectStart;
  return from !== undefined && from < m.plannedDate ? from : m.plannedDate;
}

export type AxisUnit = 'week' | 'month' | 'quarter';

export interface AxisSlot {
  readonly start: IsoDate;
  /** The last day of the slot. */
  readonly end: IsoDate;
  readonly year: number;
  readonly month: number;
  /** Day of month of a week's Monday; quarter number of a quarter. */
  readonly n: number;
}

const firstOfMonth = (y: number, m: number): IsoDate =>
  `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-01`;

/** Slots of `unit` covering from…to (weeks start on Monday, quarters in January, April …). */
export function axisSlots(unit: AxisUnit, from: IsoDate, to: IsoDate): AxisSlot[] {
  const slots: AxisSlot[] = [];
  if (unit === 'week') {
    for (let d = dayNumber(weekStart(from)); d <= dayNumber(to); d += 7) {
      const [y, m, day] = ymd(fromDayNumber(d));
      slots.push({ start: fromDayNumber(d), end: fromDayNumber(d + 6), year: y, month: m, n: day });
    }
    return slots;
  }
  const step = unit === 'month' ? 1 : 3;
  let [y, m] = ymd(from);
  if (step === 3) m = m - ((m - 1) % 3);
  const [ty, tm] = ymd(to);
  while (y < ty || (y === ty && m <= tm)) {
    const ny = m + step > 12 ? y + 1 : y;
    const nm = ((m + step - 1) % 12) + 1;
    const end = fromDayNumber(dayNumber(firstOfMonth(ny, nm)) - 1);
    slots.push({ start: firstOfMonth(y, m), end, year: y, month: m, n: Math.ceil(m / 3) });
    y = ny;
    m = nm;
  }
  return slots;
}

/** The slot holding a date; dates before or after the axis go to its first or last slot. */
export function slotOf(slots: readonly AxisSlot[], date: IsoDate): number {
  if (slots.length === 0) return 0;
  if (date < (slots[0] as AxisSlot).start) return 0;
  const i = slots.findIndex((s) => date >= s.start && date <= s.end);
  return i < 0 ? slots.length - 1 : i;
}

/**
 * The unit whose slots over from…to fit in `capacity(unit)` columns, finest first; when even
 * quarters do not fit, a window of quarters around `around` (markers outside it sit on its edges;
 * the dates themselves are always printed in the 计划完成 / 实际完成 columns).
 */
export function chooseAxis(
  from: IsoDate,
  to: IsoDate,
  around: IsoDate,
  capacity: (u: AxisUnit) => number,
): { unit: AxisUnit; slots: AxisSlot[] } {
  for (const unit of ['week', 'month', 'quarter'] as const) {
    const slots = axisSlots(unit, from, to);
    if (slots.length <= capacity(unit)) return { unit, slots };
  }
  const all = axisSlots('quarter', from, to);
  const cap = capacity('quarter');
  const at = slotOf(all, around);
  const first = Math.max(0, Math.min(at - Math.floor(cap / 2), all.length - cap));
  return { unit: 'quarter', slots: all.slice(first, first + cap) };
}
