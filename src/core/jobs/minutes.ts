import type { Agenda } from '../agenda/build.js';
import { isoWeekday, type IsoDate } from '../values/dates.js';
import type { DecidedItem } from '../decisions/read.js';
import type { DocBlock, OfficialDocument, TableColumn } from '../document/model.js';
import { docText, type DocText } from '../document/text.js';
import { WEEKDAYS } from '../rules/schedule.js';
import { DEADLINE_STATE, type DeadlineState } from '../rules/vocab.js';
import type { RuleSet } from '../rules/ruleset.js';
import { weeksOfYear } from '../calendar/schedule.js';
import type { WorkCalendar } from '../calendar/workdays.js';
import type { RowValues } from '../template/samples.js';
import type { Issue, Locale } from '../issues/issue.js';

/**
 * The weekly meeting's 会议纪要, drafted from its agenda in the 公文 style (GB/T 9704 10.3, 纪要格式):
 * the 督查室's report on earlier decisions, each HQ's problems and projects behind, the decisions
 * of this meeting (from the clerk's 议定事项 workbook when it is filled, else numbered blanks), the
 * chair's summary and 出席/请假/列席 left to fill. With it comes the 议定事项 workbook for this
 * meeting, pre-numbered, whose rows `kpd ledger import` puts into 督办事项.
 *
 * @example
 * const { result } = draftMinutes({ agenda, rules, issueNo: 46 });
 * result.form.rows[0].itemId // "DB-20261114-01"
 */
interface MinutesInput {
  readonly agenda: Agenda;
  readonly rules: RuleSet;
  /** 期数: the meeting's number in its year. */
  readonly issueNo: number;
  /** This meeting's decisions as written down (议定事项 workbook, or 督办事项 rows of the day). */
  readonly decided?: readonly DecidedItem[];
  readonly office?: string;
  readonly locale?: Locale;
}

interface Minutes {
  readonly result: {
    readonly document: OfficialDocument;
    /** The 议定事项 workbook's field and rows (pre-numbered blanks after the written ones). */
    readonly form: { readonly meeting: IsoDate; readonly rows: readonly RowValues[] };
  };
  readonly issues: readonly Issue[];
}

/** Numbered lines a meeting's decisions get when none is written yet, and spare ones after. */
const BLANK_DECISIONS = 10;
const SPARE_DECISIONS = 5;

/** 期数 of a meeting's 纪要: how many meeting days its year has had up to it, itself included. */
export function meetingNumber(meeting: IsoDate, rules: RuleSet, calendar: WorkCalendar): number {
  return weeksOfYear(Number(meeting.slice(0, 4)), rules, calendar).filter((w) => w.meeting <= meeting).length;
}

/** DB-20261114-01: the meeting's date and the item's place, unique across years in 督办事项. */
export const decisionNumber = (meeting: IsoDate, n: number): string =>
  `DB-${meeting.replace(/-/gu, '')}-${String(n).padStart(2, '0')}`;

export function draftMinutes(input: MinutesInput): Minutes {
  const { agenda: a, rules } = input;
  const t = docText(input.locale ?? 'zh');
  const office = input.office ?? rules.documents.office;
  const decided = input.decided ?? [];
  const blanks = decided.length > 0 ? SPARE_DECISIONS : BLANK_DECISIONS;
  const numbered = Array.from({ length: blanks }, (_, i) =>
    decisionNumber(a.meeting, decided.length + i + 1),
  );
  // Numbers the clerk already used are skipped, so a spare never repeats one.
  const used = new Set(decided.map((d) => d.itemId));
  const spares = numbered.filter((n) => !used.has(n));
  const name = rules.documents.minutesMasthead;
  const document: OfficialDocument = {
    masthead: { name, issue: t('doc.issueNo', { n: input.issueNo }), office, date: t.date(a.meeting) },
    body: minutesBody(a, decided, spares, t),
    record: {
      lines: [t('doc.distribution', { to: rules.documents.minutesTo })],
      printedBy: office,
      printedOn: t('doc.printed', { date: t.date(a.meeting) }),
    },
    properties: {
      title: t.aside(name, t('doc.issueNo', { n: input.issueNo })),
      subject: t.date(a.meeting),
      description: a.rulesLabel,
    },
  };
  const rows: RowValues[] = [
    ...decided.map((d) => ({ itemId: d.itemId, content: d.content, unit: d.unit, deadline: d.deadline })),
    ...spares.map((itemId) => ({ itemId })),
  ];
  return { result: { document, form: { meeting: a.meeting, rows } }, issues: [] };
}

/** The 纪要's text: the opening, its four numbered parts, and the attendance left to fill. */
function minutesBody(
  a: Agenda,
  decided: readonly DecidedItem[],
  spares: readonly string[],
  t: DocText,
): DocBlock[] {
  let headings = 0;
  const heading = (text: string): DocBlock => ({
    kind: 'heading',
    level: 1,
    text: t.heading1(++headings, text),
  });
  return [
    {
      kind: 'paragraph',
      text: t('doc.minutes.opening', {
        date: t.date(a.meeting),
        weekday: WEEKDAYS[isoWeekday(a.meeting) - 1] ?? '',
      }),
    },
    heading(t('doc.minutes.h.decisions')),
    ...trackedBlocks(a, t),
    heading(t('doc.minutes.h.problems')),
    ...problemBlocks(a, t),
    heading(t('doc.minutes.h.decided')),
    { kind: 'paragraph', text: t('doc.minutes.decidedIntro', { table: a.decisions.length > 0 ? 2 : 1 }) },
    decidedTable(decided, spares, a.decisions.length > 0 ? 2 : 1, t),
    ...(decided.length === 0 ? [{ kind: 'paragraph' as const, text: t('doc.minutes.decidedBlank') }] : []),
    heading(t('doc.minutes.h.summary')),
    { kind: 'paragraph', text: t('doc.minutes.summary') },
    { kind: 'fill', label: '', lines: 3 },
    { kind: 'paragraph', text: t('doc.minutes.closing') },
    { kind: 'fill', label: t('doc.minutes.attendance'), lines: 3 },
    { kind: 'fill', label: t('doc.minutes.leave'), lines: 1 },
    { kind: 'fill', label: t('doc.minutes.observers'), lines: 2 },
  ];
}

const col = (header: string, width: number, align: TableColumn['align'] = 'left'): TableColumn => ({
  header,
  width,
  align,
});

/** 一: the 督查室's report — counts, the overdue by name, and the table of every tracked item. */
function trackedBlocks(a: Agenda, t: DocText): DocBlock[] {
  if (a.decisions.length === 0) return [{ kind: 'paragraph', text: t('doc.minutes.noDecisions') }];
  const count = (s: DeadlineState): number => a.decisions.filter((d) => d.state === s).length;
  const out: DocBlock[] = [
    {
      kind: 'paragraph',
      text: t('doc.minutes.decisionsSummary', {
        total: a.decisions.length,
        done: count(DEADLINE_STATE.done) + count(DEADLINE_STATE.doneLate),
        lateDone: count(DEADLINE_STATE.doneLate),
        open: count(DEADLINE_STATE.pending),
        overdue: count(DEADLINE_STATE.overdue),
      }),
    },
  ];
  const overdue = a.decisions.filter((d) => d.state === DEADLINE_STATE.overdue);
  if (overdue.length > 0)
    out.push({
      kind: 'paragraph',
      text: t('doc.minutes.overdue', {
        items: t.items(
          overdue.map((d) =>
            t('doc.minutes.overdueItem', {
              id: d.itemId,
              content: d.content,
              unit: d.unit,
              deadline: t.date(d.deadline),
              days: d.overdueDays ?? 0,
            }),
          ),
        ),
      }),
    });
  out.push({
    kind: 'table',
    caption: t('doc.tableCaption', { n: 1, title: t('doc.minutes.table.tracked') }),
    columns: [
      col(t('doc.col.itemId'), 70, 'center'),
      col(t('doc.col.content'), 150),
      col(t('doc.col.unit'), 70),
      col(t('doc.col.deadline'), 62, 'center'),
      col(t('doc.col.state'), 90),
    ],
    rows: a.decisions.map((d) => [
      d.itemId,
      d.content,
      d.unit,
      t.shortDate(d.deadline),
      t.items([
        d.state,
        ...(d.overdueDays !== undefined ? [t('doc.minutes.overdueDays', { days: d.overdueDays })] : []),
        ...(d.note !== undefined ? [d.note] : []),
      ]),
    ]),
  });
  return out;
}

/** 二: HQ by HQ, the topics they raised and their projects behind, with room for the answer. */
function problemBlocks(a: Agenda, t: DocText): DocBlock[] {
  const groups = a.groups.filter(
    (g) => a.topics.some((x) => x.group === g) || a.behind.some((p) => p.hq === g),
  );
  if (groups.length === 0) return [{ kind: 'paragraph', text: t('doc.minutes.noProblems') }];
  const out: DocBlock[] = [];
  groups.forEach((g, i) => {
    out.push({ kind: 'heading', level: 2, text: t.heading2(i + 1, g) });
    for (const topic of a.topics.filter((x) => x.group === g))
      out.push({
        kind: 'paragraph',
        text: t.sentence(
          t('doc.minutes.topic', {
            unit: topic.unit,
            topic: topic.topic,
            problem:
              topic.problem !== undefined ? t('doc.minutes.topicProblem', { text: topic.problem }) : '',
            proposal:
              topic.proposal !== undefined ? t('doc.minutes.topicProposal', { text: topic.proposal }) : '',
          }),
        ),
      });
    const behind = a.behind.filter((p) => p.hq === g);
    if (behind.length > 0) {
      out.push({
        kind: 'paragraph',
        text: t('doc.minutes.behind', {
          n: behind.length,
          items: t.items(
            behind.map((p) => t.pair(p.name, t.items(p.reasons.map((r) => t.tight(t(r.code, r.params)))))),
          ),
        }),
      });
      out.push({ kind: 'fill', label: '', lines: 2 });
    }
  });
  return out;
}

/** 三: this meeting's decisions, written or numbered blanks to write on. */
function decidedTable(
  decided: readonly DecidedItem[],
  spares: readonly string[],
  n: number,
  t: DocText,
): DocBlock {
  return {
    kind: 'table',
    caption: t('doc.tableCaption', { n, title: t('doc.minutes.table.decided') }),
    columns: [
      // Widths in points at 五号: a number and a date each on one line.
      col(t('doc.col.itemId'), 80, 'center'),
      col(t('doc.col.content'), 183),
      col(t('doc.col.unit'), 85),
      col(t('doc.col.deadline'), 94, 'center'),
    ],
    rows: [
      ...decided.map((d) => [d.itemId, d.content, d.unit, t.date(d.deadline)]),
      ...(decided.length === 0 ? spares.map((id) => [id, '', '', '']) : []),
    ],
  };
}
