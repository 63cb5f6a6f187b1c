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
  type PlannedStep,
  type ScheduleState,
} from '../core/jobs/schedule.js';
import type { MasterRead } from '../core/master/read.js';
import type { IssueCode } from '../core/issues/codes.js';
import { formatMessage, message, type Issue, type IssueParams, type Locale } from '../core/issues/issue.js';
import { writeAtomic } from '../adapters/files.js';
import type { MailConfig } from '../adapters/mail/config.js';
import { MailError } from '../adapters/mail/errors.js';
import { calendarContext, loadMaster } from './context.js';
import type { Io } from './io.js';
import { describeStep, runStep, StepError, type StepContext } from './schedule-steps.js';

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

interface ScheduleOptions {
  readonly config: MailConfig;
  readonly masterPath: string;
  readonly io: Io;
  readonly locale: Locale;
  readonly send: boolean;
  readonly dry: boolean;
  /** One look (Task Scheduler, cron): nothing to say when nothing is due. */
  readonly once: boolean;
}

interface ScheduleRun {
  /** One look at the clock; `go` false when the schedule must stop (a year without holiday data). */
  tick(instant: Date): Promise<{ go: boolean; next?: Date }>;
  /** Whether a step failed in this run. */
  readonly failed: () => boolean;
}

export async function scheduleRun(o: ScheduleOptions): Promise<ScheduleRun> {
  const state = await readFile(o.config.schedule.state, 'utf8').then(
    (t) => JSON.parse(t) as Saved,
    () => ({ steps: {} }),
  );
  const run = new Schedule(o, state);
  return { tick: (instant) => run.tick(instant), failed: () => run.failed };
}

type Plan = ReturnType<typeof planSchedule>;

/** One schedule's memory between looks at the clock: its state file, the master last read, what was said. */
class Schedule {
  failed = false;
  /** The master is read again only when the clerk changed it (a big one takes a second to read). */
  private cached: { stamp: string; master: MasterRead } | undefined;
  private written: string;
  private idleFor: string | undefined;

  constructor(
    private readonly o: ScheduleOptions,
    private state: Saved,
  ) {
    this.written = JSON.stringify(state);
  }

  private say(code: IssueCode, params: IssueParams = {}): string {
    return formatMessage(code, params, this.o.locale);
  }

  private name(k: { kind: string; key: string }): string {
    return this.say(`schedule.step.${k.kind}` as IssueCode, { key: k.key });
  }

  private async currentMaster(): Promise<MasterRead> {
    const st = await stat(this.o.masterPath).catch(() => undefined);
    const stamp = st ? `${st.mtimeMs}:${st.size}` : '';
    if (!this.cached || this.cached.stamp !== stamp || !st)
      this.cached = { stamp, master: (await loadMaster(this.o.masterPath, this.o.locale)).master };
    return this.cached.master;
  }

  private async save(): Promise<void> {
    const now = JSON.stringify(this.state);
    if (this.o.dry || now === this.written) return;
    await writeAtomic(this.o.config.schedule.state, JSON.stringify(this.state, null, 2) + '\n');
    this.written = now;
  }

  /** One look at the clock: the steps due run, the missed ones are said; false to stop for good. */
  async tick(instant: Date): Promise<{ go: boolean; next?: Date }> {
    const { o } = this;
    const s = o.config.schedule;
    const at = { cst: instantToCst(instant), instant };
    const log = async (line: string): Promise<void> => {
      o.io.out(`${at.cst.slice(0, 16)} ${line}\n`);
      if (o.dry) return;
      await mkdir(dirname(s.log), { recursive: true });
      await appendFile(s.log, `${at.cst} ${line}\n`);
    };
    const master = await this.currentMaster();
    const ctx = await calendarContext({ master, holidays: s.holidays }, o.locale);
    if (!this.state.since && !o.dry) this.state = { ...this.state, ...startState(at.cst) };
    const plan = planSchedule({
      now: at.cst,
      calendar: ctx.calendar,
      rules: master.data.rules,
      state: this.state,
      times: s.times,
      heldMeetings: heldMeetingsOf(master.data),
      retryMinutes: s.retryMinutes,
    });
    if (plan.stop) {
      await log(this.say('schedule.stopped', { reason: message(plan.stop, o.locale) }));
      return { go: false };
    }
    const c: StepContext = {
      ...{ config: o.config, masterPath: o.masterPath, master, calendar: ctx.calendar },
      ...{ send: o.send, io: o.io, locale: o.locale, at, log },
    };
    await this.warnOncePerDay([...plan.warnings, ...ctx.issues.filter((i) => i.severity !== 'info')], c);
    await this.sayMissed(plan, c);
    if (o.dry && plan.due.length === 0)
      o.io.out(this.say('schedule.dryNothing', { now: at.cst.slice(0, 16) }) + '\n');
    for (const step of plan.due) await this.runDue(step, c);
    await this.save();
    await this.sayIdle(plan, log);
    return { go: true, ...(plan.next && { next: new Date(`${plan.next.at.replace(' ', 'T')}+08:00`) }) };
  }

  private async warnOncePerDay(warnings: readonly Issue[], c: StepContext): Promise<void> {
    const day = c.at.cst.slice(0, 10);
    if (this.o.dry || this.state.warnedOn === day) return;
    for (const w of warnings) {
      await c.log(this.say('schedule.warning', { reason: message(w, this.o.locale) }));
      this.state = { ...this.state, warnedOn: day };
    }
  }

  private async sayMissed(plan: Plan, c: StepContext): Promise<void> {
    for (const m of plan.missed) {
      const span = { at: m.at.slice(0, 16), until: m.until.slice(0, 16) };
      await c.log(this.say('schedule.missed', { step: this.name(m), ...span }));
      if (!this.o.dry) this.state = recordStep(this.state, m, 'missed', c.at.cst);
    }
  }

  /** A step due: said (dry run) or run, its outcome logged and kept. */
  private async runDue(step: PlannedStep, c: StepContext): Promise<void> {
    const name = this.name(step);
    if (this.o.dry) {
      const lines = [this.say('schedule.dryRun', { step: name }), ...describeStep(step, c)];
      this.o.io.out(lines.join('\n  ') + '\n');
      return;
    }
    await c.log(this.say('schedule.begin', { step: name, at: step.at.slice(0, 16) }));
    try {
      await runStep(step, c);
      this.state = recordStep(this.state, step, 'done', c.at.cst);
      await c.log(this.say('schedule.done', { step: name }));
    } catch (e) {
      if (!isStepFailure(e)) throw e;
      this.failed = true;
      this.state = recordStep(this.state, step, 'failed', c.at.cst);
      const reason = e instanceof MailError ? e.text(this.o.locale) : e.message;
      const retry = this.o.config.schedule.retryMinutes;
      await c.log(this.say('schedule.failed', { step: name, reason, retry, until: step.until.slice(0, 16) }));
    }
    await this.save();
  }

  /** Said once per next step, not at every wake-up. */
  private async sayIdle(plan: Plan, log: (line: string) => Promise<void>): Promise<void> {
    const next = plan.next;
    if (plan.due.length > 0 || !next || this.o.dry || this.o.once || this.idleFor === next.id) return;
    this.idleFor = next.id;
    await log(this.say('schedule.idle', { step: this.name(next), at: next.at.slice(0, 16) }));
  }
}

/** What a step may fail with and the schedule live on (mail, a step's own refusal, an output). */
const isStepFailure = (e: unknown): e is Error =>
  e instanceof MailError || e instanceof StepError || (e instanceof Error && e.name === 'OutputError');

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
