import { resolve } from 'node:path';
import { parseCommandArgs } from '../args.js';
import { isoWeekday } from '../../core/calendar/dates.js';
import { weeksOfYear, yearSchedule } from '../../core/calendar/schedule.js';
import { formatMessage, message } from '../../core/validate/issue.js';
import { Meetings } from '../../core/calendar/meetings.js';
import { masterMeetings } from '../../core/master/meetings.js';
import { calendarContext, loadMaster, yearWarnings } from '../context.js';
export { DEADLINES_USAGE } from '../usage.js';
import { EXIT, UsageError, type ExitCode, type Io } from '../io.js';
import { localeOf, t } from '../lang.js';
import { table } from '../format.js';

const WEEKDAY_ZH = ['', '周一', '周二', '周三', '周四', '周五', '周六', '周日'];
const WEEKDAY_EN = ['', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];

export async function deadlinesCommand(argv: readonly string[], io: Io): Promise<ExitCode> {
  const { values, positionals } = parseCommandArgs({
    args: [...argv],
    allowPositionals: true,
    options: {
      json: { type: 'boolean' },
      holidays: { type: 'string' },
      master: { type: 'string' },
      weekly: { type: 'boolean' },
      lang: { type: 'string' },
    },
  });
  const locale = localeOf(values.lang, io.env);
  const year = Number(positionals[0]);
  if (positionals.length !== 1 || !Number.isInteger(year)) {
    throw new UsageError(
      t(locale, '请给出年份，如：kpd deadlines 2026', 'Give a year, e.g. kpd deadlines 2026'),
    );
  }
  if (year < 2000 || year > 2100) {
    throw new UsageError(
      t(locale, `年份 ${year} 超出范围：只支持 2000–2100 年。`, `Year ${year} is out of range (2000–2100).`),
    );
  }
  const master = values.master
    ? (await loadMaster(resolve(io.cwd, values.master), locale)).master
    : undefined;
  const ctx = await calendarContext(
    { master, holidays: values.holidays && resolve(io.cwd, values.holidays) },
    locale,
  );
  const periods = yearSchedule(year, ctx.calendar, ctx.rules);
  const warnings = [
    ...ctx.issues.filter((i) => i.severity !== 'info'),
    ...yearWarnings(ctx.calendar, [year]),
  ];
  const meetings = master ? masterMeetings(master.data, ctx.calendar) : new Meetings(ctx.rules, ctx.calendar);
  const weeks = values.weekly ? weeksOfYear(year, ctx.rules, ctx.calendar, meetings) : undefined;

  // Holiday rows are named by sheet (or file) and row, so the clerk can find them.
  const where = (w: (typeof warnings)[number]): string =>
    w.row !== undefined
      ? t(
          locale,
          `「${w.sheet ?? values.holidays ?? '节假日'}」第 ${w.row} 行：`,
          `${w.sheet ?? ''} row ${w.row}: `,
        )
      : '';
  for (const w of warnings) io.err(`${t(locale, '警告', 'Warning')}：${where(w)}${message(w, locale)}\n`);
  if (values.json) {
    io.out(
      JSON.stringify({
        year,
        calendar: ctx.calendar.source(year),
        periods: periods.map((p) => ({
          period: p.period,
          nominal: p.nominal,
          due: p.due,
          bulletin: p.bulletin,
        })),
        ...(weeks && {
          weeks: weeks.map((w) => ({
            week: w.week,
            meeting: w.meeting,
            meetingHeld: w.held,
            topicCutoff: w.topicCutoff,
            agentReportDue: w.agentReportDue,
          })),
        }),
        warnings: warnings.map((w) => ({
          code: w.code,
          sheet: w.sheet ?? null,
          row: w.row ?? null,
          message: message(w, locale),
        })),
      }) + '\n',
    );
    return EXIT.ok;
  }
  const source = t(
    locale,
    { builtin: '内置国务院放假安排', office: '节假日表（本单位录入）', none: '无节假日数据，仅按周末推算' }[
      ctx.calendar.source(year)
    ],
    {
      builtin: 'built-in State Council holidays',
      office: "the office's holiday sheet",
      none: 'no holiday data: weekends only',
    }[ctx.calendar.source(year)],
  );
  io.out(
    t(
      locale,
      `${year} 年半月报送时间表（${source}）\n\n`,
      `Half-month reporting schedule ${year} (${source})\n\n`,
    ),
  );
  const weekdays = locale === 'en' ? WEEKDAY_EN : WEEKDAY_ZH;
  const day = (d: string): string => `${d.slice(5)} ${weekdays[isoWeekday(d)]}`;
  io.out(
    table(
      locale === 'en'
        ? ['Period', 'No.', 'Nominal', 'Due', 'Bulletin', 'Note']
        : ['报告期', '期数', '应报日', '报送截止', '通报日', '说明'],
      periods.map((p) => [
        locale === 'en' ? p.period : p.label,
        locale === 'en' ? String(p.number) : `第${p.number}期`,
        day(p.nominal),
        day(p.due),
        day(p.bulletin),
        p.due !== p.nominal
          ? t(
              locale,
              `遇${ctx.calendar.dayName(p.nominal) ?? '休息日'}提前`,
              `earlier: ${ctx.calendar.dayName(p.nominal) ?? 'rest day'}`,
            )
          : '',
      ]),
    ),
  );
  if (weeks) {
    io.out('\n');
    io.out(
      table(
        locale === 'en'
          ? ['Week (Monday)', 'Meeting', 'Topics by', 'Agents report by']
          : ['周（周一）', '例会', '议题截止', '代办员周报截止'],
        weeks.map((w) => [
          w.week,
          // A rest-day Saturday has no meeting (DOMAIN §5): said, with no cut-off.
          w.held
            ? w.meeting
            : formatMessage(
                'meeting.notHeldShort',
                { date: w.meeting, name: ctx.calendar.dayName(w.meeting) ?? '' },
                locale,
              ),
          w.held ? w.topicCutoff.slice(0, 16) : '',
          w.agentReportDue.slice(0, 16),
        ]),
      ),
    );
  }
  return EXIT.ok;
}
