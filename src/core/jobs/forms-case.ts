import { addDays, type IsoDate } from '../values/dates.js';
import { WorkCalendar } from '../calendar/workdays.js';
import type { MasterData, Project, Survey } from '../master/types.js';
import { dueDates } from '../scoring/due.js';
import { matchKey } from '../values/text.js';
import { compareText } from '../values/collate.js';

/** A case (代办档案) as its forms print it: the project, the enterprise, the agent and the approvals. */
interface CaseApproval {
  readonly item: string;
  readonly department: string;
  readonly secondaryAgent: string;
  readonly difficulty: string;
  readonly limitDays: number | string;
  readonly start: IsoDate | '';
  readonly done?: IsoDate;
  /** 开始日期 plus 时限 in working days (DOMAIN §7). */
  readonly due: IsoDate | '';
  /** Working days from the day after the start to the day it was done. */
  readonly usedDays?: number;
  readonly onTime?: boolean;
  readonly rating?: string;
}

export interface AgentCase {
  readonly caseId: string;
  readonly projectId: string;
  readonly project?: Project;
  readonly company: string;
  readonly agent: string;
  /** The case's first 开始日期: when it was accepted. */
  readonly accepted?: IsoDate;
  readonly approvals: readonly CaseApproval[];
  /** The enterprise's latest 满意度测评 of the agent, if any. */
  readonly survey?: Survey;
}

export const BLANK_CASE: AgentCase = { caseId: '', projectId: '', company: '', agent: '', approvals: [] };

function workdaysUsed(calendar: WorkCalendar, start: IsoDate, done: IsoDate): number {
  let n = 0;
  for (let d = addDays(start, 1); d <= done; d = addDays(d, 1)) if (calendar.isWorkday(d)) n++;
  return n;
}

/** The case's rows of 代办事项 gathered, or undefined when no row has that 案卷号. */
export function agentCase(master: MasterData, caseId: string): AgentCase | undefined {
  // 案卷号 as typed at the prompt: spaces, full-width letters and case do not matter.
  const key = (s: string): string => matchKey(s).toUpperCase();
  const rows = master.approvals.filter((a) => key(a.record.caseId) === key(caseId));
  const first = rows[0]?.record;
  if (!first) return undefined;
  const calendar = new WorkCalendar(master.holidays);
  const due = dueDates(calendar, rows);
  const sorted = [...rows].sort(
    (a, b) => compareText(a.record.startDate, b.record.startDate) || a.row - b.row,
  );
  const approvals = sorted.map((a): CaseApproval => {
    const r = a.record;
    const d = due.due(a);
    return {
      item: r.item,
      department: r.department ?? '',
      secondaryAgent: r.secondaryAgent ?? '',
      difficulty: r.difficulty,
      limitDays: r.limitDays,
      start: r.startDate,
      due: d,
      ...(r.doneDate !== undefined && {
        done: r.doneDate,
        usedDays: workdaysUsed(calendar, r.startDate, r.doneDate),
        onTime: r.doneDate <= d,
      }),
      ...(r.onSiteRating !== undefined && { rating: r.onSiteRating }),
    };
  });
  const company = rows.map((r) => r.record.company).find((c) => c !== undefined && c !== '') ?? '';
  const project = master.projects.find((p) => matchKey(p.record.projectId) === matchKey(first.projectId));
  const surveys = master.surveys
    .map((s) => s.record)
    .filter(
      (s) =>
        matchKey(s.agent) === matchKey(first.primaryAgent) &&
        company !== '' &&
        matchKey(s.company ?? '') === matchKey(company),
    )
    .sort((a, b) => compareText(a.date, b.date));
  const survey = surveys.at(-1);
  return {
    caseId: first.caseId,
    projectId: first.projectId,
    ...(project && { project: project.record }),
    company,
    agent: first.primaryAgent,
    ...(sorted[0] && { accepted: sorted[0].record.startDate }),
    approvals,
    ...(survey && { survey }),
  };
}
