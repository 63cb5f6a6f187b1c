import { appendFile, mkdir, readFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { instantToCst } from '../../core/calendar/dates.js';
import {
  heldMeetingsOf,
  planSchedule,
  recordStep,
  startState,
  type ScheduleState,
} from '../../core/jobs/schedule.js';
import { formatMessage, message, type IssueParams } from '../../core/validate/issue.js';
import type { IssueCode } from '../../core/validate/codes.js';
import { writeAtomic } from '../../adapters/files.js';
import { MailError } from '../../adapters/mail/errors.js';
import { calendarContext, loadMaster } from '../context.js';
import { EXIT, UsageError, type ExitCode, type Io } from '../io.js';
import { localeOf } from '../lang.js';
import { clockAt, loadConfig } from '../mail-common.js';
import { describeStep, runStep, StepError } from '../schedule-steps.js';
export { SCHEDULE_USAGE } from '../usage.js';

/** The clock and the wait of a long-running schedule: injected, so a test can run a fortnight. */
export interface ScheduleClock {
  now(): Date;
  /** Waits up to `ms`; false when the schedule is asked to stop (Ctrl+C, service stop). */
  sleep(ms: number): Promise<boolean>;
}

const realClock = (): ScheduleClock => {
  let stop = false;
  let wake: (() => void) | undefined;
  const halt = (): void => {
    stop = true;
    wake?.();
  };
  process.once('SIGINT', halt).once('SIGTERM', halt);
  return {
    now: () => new Date(),
    sleep: (ms) =>
      new Promise((r) => {
        const t = setTimeout(() => r(!stop), ms);
        wake = () => (clearTimeout(t), r(false));
        if (stop) wake();
      }),
  };
};

type Saved = ScheduleState & { warnedOn?: string };

export async function scheduleCommand(
  argv: readonly string[],
  io: Io,
  clock?: ScheduleClock,
): Promise<ExitCode> {
  const { values } = parseArgs({
    args: [...argv],
    options: {
      master: { type: 'string' },
      config: { type: 'string' },
      send: { type: 'boolean' },
      once: { type: 'boolean' },
      at: { type: 'string' },
      'dry-run': { type: 'boolean' },
      lang: { type: 'string' },
    },
  });
  const locale = localeOf(values.lang, io.env);
  const say = (code: IssueCode, params: IssueParams = {}): string => formatMessage(code, params, locale);
  if (!values.master) throw new UsageError(say('mail.usage.master'));
  if (!values.config) throw new UsageError(say('mail.usage.config'));
  if (values.at !== undefined && !values.once && !values['dry-run'])
    throw new UsageError(say('mail.usage.at', { value: values.at }));
  const fixed = values.at !== undefined ? clockAt(values.at, locale) : undefined;
  const config = await loadConfig(values.config, io.cwd, locale);
  const masterPath = resolve(io.cwd, values.master);
  const s = config.schedule;
  const dry = values['dry-run'] === true;
  let state: Saved = await readFile(s.state, 'utf8').then(
    (t) => JSON.parse(t) as Saved,
    () => ({ steps: {} }),
  );
  let failed = false;
  let idleFor: string | undefined;

  /** One look at the clock: the steps due run, the missed ones are said; false to stop for good. */
  const tick = async (instant: Date): Promise<{ go: boolean; next?: Date }> => {
    const at = { cst: instantToCst(instant), instant };
    const log = async (line: string): Promise<void> => {
      io.out(`${at.cst.slice(0, 16)} ${line}\n`);
      if (dry) return;
      await mkdir(dirname(s.log), { recursive: true });
      await appendFile(s.log, `${at.cst} ${line}\n`);
    };
    const { master } = await loadMaster(masterPath, locale);
    const ctx = await calendarContext({ master, holidays: s.holidays }, locale);
    if (!state.since && !dry) state = { ...state, ...startState(at.cst) };
    const plan = planSchedule({
      now: at.cst,
      calendar: ctx.calendar,
      rules: master.data.rules,
      state,
      times: s.times,
      heldMeetings: heldMeetingsOf(master.data),
      retryMinutes: s.retryMinutes,
    });
    if (plan.stop) {
      await log(say('schedule.stopped', { reason: message(plan.stop, locale) }));
      return { go: false };
    }
    if (!dry && state.warnedOn !== at.cst.slice(0, 10))
      for (const w of [...plan.warnings, ...ctx.issues.filter((i) => i.severity !== 'info')]) {
        await log(say('schedule.warning', { reason: message(w, locale) }));
        state = { ...state, warnedOn: at.cst.slice(0, 10) };
      }
    const stepCtx = {
      config,
      masterPath,
      master,
      calendar: ctx.calendar,
      send: values.send === true,
      io,
      locale,
      at,
      log,
    };
    const name = (k: { kind: string; key: string }): string =>
      say(`schedule.step.${k.kind}` as IssueCode, { key: k.key });
    for (const m of plan.missed) {
      await log(
        say('schedule.missed', { step: name(m), at: m.at.slice(0, 16), until: m.until.slice(0, 16) }),
      );
      if (!dry) state = recordStep(state, m, 'missed', at.cst);
    }
    if (dry && plan.due.length === 0) io.out(say('schedule.dryNothing', { now: at.cst.slice(0, 16) }) + '\n');
    for (const step of plan.due) {
      if (dry) {
        io.out(
          [say('schedule.dryRun', { step: name(step) }), ...describeStep(step, stepCtx)].join('\n  ') + '\n',
        );
        continue;
      }
      await log(say('schedule.begin', { step: name(step), at: step.at.slice(0, 16) }));
      try {
        await runStep(step, stepCtx);
        state = recordStep(state, step, 'done', at.cst);
        await log(say('schedule.done', { step: name(step) }));
      } catch (e) {
        if (!(
          e instanceof MailError ||
          e instanceof StepError ||
          (e instanceof Error && e.name === 'OutputError')
        ))
          throw e;
        failed = true;
        state = recordStep(state, step, 'failed', at.cst);
        const reason = e instanceof MailError ? e.text(locale) : e.message;
        await log(
          say('schedule.failed', {
            step: name(step),
            reason,
            retry: s.retryMinutes,
            until: step.until.slice(0, 16),
          }),
        );
      }
      await writeAtomic(s.state, JSON.stringify(state, null, 2) + '\n');
    }
    if (!dry) await writeAtomic(s.state, JSON.stringify(state, null, 2) + '\n');
    // Said once per next step, not at every wake-up.
    if (plan.due.length === 0 && plan.next && !dry && idleFor !== plan.next.id) {
      idleFor = plan.next.id;
      await log(
        say('schedule.idle', {
          now: at.cst.slice(0, 16),
          step: name(plan.next),
          at: plan.next.at.slice(0, 16),
        }),
      );
    }
    return { go: true, ...(plan.next && { next: new Date(`${plan.next.at.replace(' ', 'T')}+08:00`) }) };
  };

  if (values.once || dry) {
    const r = await tick(fixed?.instant ?? (clock ?? realClock()).now());
    return !r.go ? EXIT.unusable : failed ? EXIT.findings : EXIT.ok;
  }
  const c = clock ?? realClock();
  await mkdir(dirname(s.log), { recursive: true });
  const send = formatMessage(values.send ? 'schedule.sendOn' : 'schedule.sendOff', {}, locale);
  const started = say('schedule.started', { master: values.master, config: values.config, send });
  io.out(started + '\n');
  await appendFile(s.log, `${instantToCst(c.now())} ${started}\n`);
  for (;;) {
    const now = c.now();
    const r = await tick(now);
    if (!r.go) return EXIT.unusable;
    // Wake for the next step, and at least every ten minutes (a clock set forward, a failed step's retry).
    const wait = Math.max(1_000, Math.min(r.next ? r.next.getTime() - now.getTime() : Infinity, 600_000));
    if (!(await c.sleep(wait))) return failed ? EXIT.findings : EXIT.ok;
  }
}
