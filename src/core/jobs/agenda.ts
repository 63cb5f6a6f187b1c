import {
  agendaContext,
  agendaSheets,
  assembleAgenda,
  meetingDayProblem,
  readTopicFile,
  type Agenda,
  type AgendaContext,
  type TopicFileRead,
} from '../agenda/index.js';
import type { ReceivedFile } from '../bulletin/model.js';
import type { BulletinSheets } from '../bulletin/render.js';
import type { IsoDate } from '../values/dates.js';
import type { WorkCalendar } from '../calendar/workdays.js';
import type { MasterData } from '../master/types.js';
import { AGENDA_PROBLEMS } from '../schema/agenda.js';
import { DEADLINE_STATE, type DeadlineState } from '../rules/vocab.js';
import type { Issue, Locale, IgnoredFile } from '../issues/issue.js';

/**
 * 周例会议程 (DOMAIN §5), one use case for every shell: `kpd agenda` (files read one at a time,
 * each read then dropped: startAgenda → readTopicFile → finishAgenda) and the pane's 生成议程
 * (files picked: agendaJob). A day with no meeting is refused before anything is read.
 */
interface AgendaStart {
  readonly meeting: IsoDate;
  readonly master: MasterData;
  readonly calendar: WorkCalendar;
  readonly locale?: Locale;
}

/** The agenda's context, or why no agenda is made that day (a rest-day Saturday not in 例会). */
export function startAgenda(input: AgendaStart): { refused: Issue } | { context: AgendaContext } {
  const notHeld = meetingDayProblem(input.meeting, input.master, input.calendar);
  return notHeld ? { refused: notHeld } : { context: agendaContext(input) };
}

/** One received file read for the agenda (re-exported so a shell needs this module only). */
export { readTopicFile };
export type { TopicFileRead };

interface AgendaOptions {
  /** The office named on the agenda's first sheet. */
  readonly office?: string;
  /**
   * Where 数据问题 goes: its own sheet (the default), under a prefixed name and title (the pane,
   * whose 「数据问题」 is 计算排名's), or left out (`null`: no files were given to speak of).
   */
  readonly problemsSheet?: { readonly prefix: string } | null;
}

/** The counts every shell reports of an agenda. */
interface AgendaCounts {
  readonly decisions: number;
  readonly done: number;
  readonly notDue: number;
  readonly overdue: number;
  readonly topics: number;
  readonly behind: number;
  readonly received: number;
  readonly used: number;
  readonly problems: number;
}

export interface AgendaJob {
  readonly result: Agenda;
  readonly counts: AgendaCounts;
  readonly sheets: BulletinSheets;
  /** What a shell must say besides the sheets: a year without holiday data (DOMAIN §3). */
  readonly issues: readonly Issue[];
}

/** The agenda from the files' reads (in the shell's deterministic order) and the files not read. */
export function finishAgenda(
  context: AgendaContext,
  reads: readonly TopicFileRead[],
  ignored: readonly IgnoredFile[],
  options: AgendaOptions = {},
): AgendaJob {
  const agenda = assembleAgenda(context, reads, ignored);
  const made = agendaSheets(agenda, { ...(options.office !== undefined && { office: options.office }) });
  const { problemsSheet } = options;
  const tables =
    problemsSheet === undefined
      ? made.tables
      : made.tables.flatMap((x) =>
          x.sheet !== AGENDA_PROBLEMS
            ? [x]
            : problemsSheet === null
              ? []
              : [
                  {
                    ...x,
                    sheet: {
                      ...x.sheet,
                      name: problemsSheet.prefix + x.sheet.name,
                      title: problemsSheet.prefix + x.sheet.title,
                    },
                  },
                ],
        );
  return {
    result: agenda,
    counts: agendaCounts(agenda),
    sheets: { ...made, tables },
    issues: agenda.warnings,
  };
}

/** The whole agenda from files at hand (the pane's picked files), or why there is none that day. */
export function agendaJob(
  input: AgendaStart & {
    readonly files: readonly ReceivedFile[];
    readonly ignored?: readonly IgnoredFile[];
  },
  options: AgendaOptions = {},
): { refused: Issue } | AgendaJob {
  const started = startAgenda(input);
  if ('refused' in started) return started;
  const reads = input.files.map((f) => readTopicFile(f, started.context));
  return finishAgenda(started.context, reads, input.ignored ?? [], options);
}

function agendaCounts(a: Agenda): AgendaCounts {
  const count = (s: DeadlineState): number => a.decisions.filter((d) => d.state === s).length;
  return {
    decisions: a.decisions.length,
    done: count(DEADLINE_STATE.done) + count(DEADLINE_STATE.doneLate),
    notDue: count(DEADLINE_STATE.pending),
    overdue: count(DEADLINE_STATE.overdue),
    topics: a.topics.length,
    behind: a.behind.length,
    received: a.files.received,
    used: a.files.used,
    problems: a.problems.length,
  };
}
