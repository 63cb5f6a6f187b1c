/**
 * The running schedule of kpd schedule: at each look at the clock the core plans what is due
 * (core/jobs/schedule.ts), the steps run (./schedule-steps.ts), every line goes to the log file,
 * and the state is kept in a file so that nothing is done twice across runs.
 */
import { appendFile, mkdir, readFile, stat } from 'node:fs/promises';
import { dirname } from 'node:path';
import { instantToCst } from '../core/values/dates.js';
import {
  heldMeetingsOf,
  planSchedule,
  recordStep,
  startState,
  type ScheduleState,
} from '../core/jobs/schedule.js';
import type { MasterRead } from '../core/master/read.js';
import type { IssueCode } from '../core/issues/codes.js';
import { formatMessage, message, type IssueParams, type Locale } from '../core/issues/issue.js';
import { writeAtomic } from '../adapters/files.js';
import type { MailConfig } from '../adapters/mail/config.js';
import { MailError } from '../adapters/mail/errors.js';
import { calendarContext, loadMaster } from './context.js';
import type { Io } from './io.js';
import { describeStep, runStep, StepError } from './schedule-steps.js';

/** The clock and the wait of a long-running schedule: injected, so a test can run a fortnight. */
export interface ScheduleClock {
  now(): Date;
  /** Waits up to `ms`; false when the schedule is asked to stop (Ctrl+C, service stop). */
  sleep(ms: number): Promise<boolean>;
}

export const realClock = (): ScheduleClock => {
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

export interface ScheduleOptions {
  readonly config: MailConfig;
  readonly masterPath: string;
  readonly io: Io;
  readonly locale: Locale;
  readonly send: boolean;
  readonly dry: boolean;
  /** One look (Task Scheduler, cron): nothing to say when nothing is due. */
  readonly once: boolean;
}

export interface ScheduleRun {
  /** One look at the clock; `go` false when the schedule must stop (a year without holiday data). */
  tick(instant: Date): Promise<{ go: boolean; next?: Date }>;
  /** Whether a step failed in this run. */
  readonly failed: () => boolean;
}

export async function scheduleRun(o: ScheduleOptions): Promise<ScheduleRun> {
  const { config, masterPath, io, locale, dry } = o;
  const s = config.schedule;
  const say = (code: IssueCode, params: IssueParams = {}): string => formatMessage(code, params, locale);
  let state: Saved = await readFile(s.state, 'utf8').then(
    (t) => JSON.parse(t) as Saved,
    () => ({ steps: {} }),
  );
  let failed = false;
  // The master is read again only when the clerk changed it (a big one takes a second to read).
  let cached: { stamp: string; master: MasterRead } | undefined;
  const currentMaster = async (): Promise<MasterRead> => {
    const st = await stat(masterPath).catch(() => undefined);
    const stamp = st ? `${st.mtimeMs}:${st.size}` : '';
    if (!cached || cached.stamp !== stamp || !st)
      cached = { stamp, master: (await loadMaster(masterPath, locale)).master };
    return cached.master;
  };
  let written = JSON.stringify(state);
  const save = async (): Promise<void> => {
    const now = JSON.stringify(state);
    if (dry || now === written) return;
    await writeAtomic(s.state, JSON.stringify(state, null, 2) + '\n');
    written = now;
  };
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
    const master = await currentMaster();
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
      send: o.send,
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
      await save();
    }
    await save();
    // Said once per next step, not at every wake-up.
    if (plan.due.length === 0 && plan.next && !dry && !o.once && idleFor !== plan.next.id) {
      idleFor = plan.next.id;
      await log(
        say('schedule.idle', {
          step: name(plan.next),
          at: plan.next.at.slice(0, 16),
        }),
      );
    }
    return { go: true, ...(plan.next && { next: new Date(`${plan.next.at.replace(' ', 'T')}+08:00`) }) };
  };

  return { tick, failed: () => failed };
}

/**
 * Runs until asked to stop (true) or until the schedule must stop (false): wakes for the next
 * step, and at least every ten minutes.
 */
export async function scheduleLoop(run: ScheduleRun, clock: ScheduleClock): Promise<boolean> {
  for (;;) {
    const now = clock.now();
    const r = await run.tick(now);
    if (!r.go) return false;
    // At least every ten minutes: a clock set forward, a failed step's retry.
    const wait = Math.max(1_000, Math.min(r.next ? r.next.getTime() - now.getTime() : Infinity, 600_000));
    if (!(await clock.sleep(wait))) return true;
  }
}
