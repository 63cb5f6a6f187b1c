import { readdir, readFile, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, expect } from 'vitest';
import { parseEml } from '../../src/adapters/eml.js';
import { readXlsx } from '../../src/adapters/xlsx-read/index.js';
import { scheduleCommand } from '../../src/cli/commands/schedule.js';
import type { ScheduleClock } from '../../src/cli/schedule-run.js';
import { runKpd } from '../helpers/cli.js';
import { DOVECOT, startDovecot, startSmtp, type Dovecot, type SmtpSink } from '../helpers/mail-servers.js';
import { cstInstant } from '../helpers/mail-messages.js';
import { deliveries, type Delivery } from '../helpers/mail-world.js';
import { REPO_ROOT } from '../helpers/paths.js';
import { useTempDir } from '../helpers/tmp.js';
import { requireTool } from '../helpers/tools.js';

const servers = requireTool(DOVECOT, 'openssl');
const tmp = useTempDir('kpd-schedule-');
const MASTER = join(REPO_ROOT, 'examples/总台账.xlsx');

/** Every text cell of a sheet, row by row. */
function sheetRows(file: Uint8Array, sheet: string): string[] {
  const s = readXlsx(file).workbook.sheets.find((x) => x.name === sheet);
  return (s?.rows ?? []).map((r) => r.map((c) => (c === null || c === undefined ? '' : String(c))).join('|'));
}

/**
 * kpd schedule over a fortnight of the examples (2–16 November 2026), end to end against
 * Dovecot and an SMTP server on 127.0.0.1, with the clock injected: the HQs' mails arrive in the
 * mailbox at their times while the schedule sleeps. The office has declared Friday 13 November a
 * rest day (its 节假日 file): the bulletin moves to Monday the 16th, the agenda of Saturday the
 * 14th is drafted on Thursday the 12th.
 */
servers.describe('kpd schedule: a fortnight end to end', () => {
  let dovecot: Dovecot;
  let smtp: SmtpSink;
  let mail: Delivery[];
  const base = (): string => join(tmp(), '重点办');
  const env = (): Record<string, string> => ({
    KPD_IMAP_PASSWORD: dovecot.password,
    KPD_SMTP_PASSWORD: smtp.password,
  });

  const writeConfig = async (name: string, dir: string): Promise<string> => {
    const file = join(base(), name);
    await writeFile(
      file,
      [
        '[imap]',
        'host = "127.0.0.1"',
        `port = ${dovecot.port}`,
        `user = "${dovecot.user}"`,
        `ca = "${dovecot.certFile}"`,
        '',
        '[smtp]',
        'host = "127.0.0.1"',
        `port = ${smtp.port}`,
        `user = "${smtp.user}"`,
        `from = "县发改局重点项目办 <${smtp.user}>"`,
        `ca = "${dovecot.certFile}"`,
        '',
        '[schedule]',
        `reports = "${dir}/收件"`,
        `topics = "${dir}/议题"`,
        `output = "${dir}/输出"`,
        `log = "${dir}/kpd-schedule.log"`,
        'holidays = "节假日.csv"',
        '',
      ].join('\n'),
    );
    return file;
  };

  beforeAll(async () => {
    dovecot = await startDovecot();
    smtp = await startSmtp(dovecot.certFile, dovecot.keyFile);
    mail = await deliveries();
    await runKpd(['templates', '--out', base()], tmp()); // a folder of the office, with its own files
    await writeFile(join(base(), '节假日.csv'), '日期,类型,说明\n2026-11-13,休,全县集中休息日\n');
  });
  afterAll(async () => {
    await smtp?.stop();
    await dovecot?.stop();
  });

  servers.it('reminds, fetches, merges, chases and drafts each on its day, once', async () => {
    const cfg = await writeConfig('邮箱.toml', '两周');
    const pending = [...mail];
    const end = cstInstant('2026-11-16 12:00:00');
    let t = cstInstant('2026-11-02 00:00:00');
    // Mail arrives while the schedule sleeps: APPENDed with the time it reached the server.
    const clock: ScheduleClock = {
      now: () => new Date(t),
      sleep: async (ms) => {
        const to = new Date(t.getTime() + ms);
        while (pending.length > 0 && cstInstant(pending[0]!.at) <= to) {
          const d = pending.shift()!;
          await dovecot.append(d.bytes, cstInstant(d.at));
        }
        t = to;
        return t <= end;
      },
    };
    while (pending.length > 0 && cstInstant(pending[0]!.at) <= t) {
      const d = pending.shift()!;
      await dovecot.append(d.bytes, cstInstant(d.at));
    }
    let out = '';
    const io = {
      out: (s: string) => void (out += s),
      err: (s: string) => void (out += s),
      interactive: false,
      cwd: base(),
      env: env(),
    };
    const code = await scheduleCommand(['--master', MASTER, '--config', cfg, '--send'], io, clock);
    expect(code).toBe(0);

    const log = await readFile(join(base(), '两周/kpd-schedule.log'), 'utf8');
    const steps = [...log.matchAll(/^(\S+ \S+) 完成「(.+)」。$/gmu)].map((m) => [m[1]?.slice(0, 16), m[2]]);
    expect(steps).toEqual([
      ['2026-11-03 17:00', '2026-11-07 例会议题收取'],
      ['2026-11-06 09:00', '2026-11-07 例会议程'],
      ['2026-11-10 17:00', '2026-11-14 例会议题收取'],
      ['2026-11-11 09:00', '2026-11-1 期报送提醒'],
      ['2026-11-12 09:00', '2026-11-14 例会议程'],
      ['2026-11-12 17:30', '2026-11-1 期通报草稿'],
      ['2026-11-16 08:30', '2026-11-1 期正式通报和催报'],
    ]);
    expect(log).not.toMatch(/未完成|错过了/u);

    // The reminders of 11 November went to every HQ; the 催报 of the 13th to those chased.
    const sent = smtp.sent.map((m) => ({ to: m.to.join(), mail: parseEml(m.raw) }));
    const reminders = sent.filter((m) => m.mail.subject?.startsWith('【提醒】'));
    expect(reminders).toHaveLength(8);
    for (const r of reminders)
      expect(r.mail.date?.toISOString()).toBe(cstInstant('2026-11-11 09:00:00').toISOString());
    expect(reminders.find((r) => r.to === 'xinnengyuan_zhb@example.cn')?.mail.text).toMatch(
      /本办已于 2026-11-10 16:02 收到贵指挥部本期报表/u,
    );
    const chased = sent.filter((m) => m.mail.subject?.startsWith('【催报】')).map((m) => m.to);
    expect(chased).toEqual(['wenlv_zhb@example.cn', 'penggai_zhb@example.cn', 'shuixi_zhb@example.cn']);
    expect(sent).toHaveLength(11);

    // The bulletin of Monday the 16th: 物流园's report of Friday 09:12 is late, 水系连通's missing.
    const dir = join(base(), '两周/输出/2026-11-1');
    expect((await readdir(dir)).sort()).toEqual([
      '催报名单-2026-11-1.txt',
      '重点项目情况通报-第21期.xlsx',
      '重点项目情况通报-第21期（草稿）.xlsx',
    ]);
    const status = sheetRows(await readFile(join(dir, '重点项目情况通报-第21期.xlsx')), '报送情况');
    const row = (hq: string): string => status.find((r) => r.includes(hq) && !r.includes('已替换')) ?? '';
    expect(row('现代物流园指挥部')).toMatch(/迟报.*2026-11-13 09:12/u);
    expect(row('水系连通工程指挥部')).toMatch(/未报/u);
    expect(row('智慧城市建设指挥部')).toMatch(/按时/u);
    expect(row('新能源汽车零部件指挥部')).toMatch(/2026-11-11 10:40/u);
    expect(await readFile(join(dir, '催报名单-2026-11-1.txt'), 'utf8')).toBe(
      [
        '2026年11月上半月催报名单（报送截止 2026-11-12，统计至 2026-11-16 08:30）',
        '',
        '文旅康养小镇指挥部：缺项目：AY-2026-006 康养中心建设项目；联系邮箱 wenlv_zhb@example.cn',
        '城区棚户区改造指挥部：未经指挥长签字；联系邮箱 penggai_zhb@example.cn',
        '水系连通工程指挥部：未报；联系邮箱 shuixi_zhb@example.cn',
        '',
      ].join('\n'),
    );
    // The draft of the 12th at 17:30 had only what had come by then (农产品 at 18:30 had not).
    const draft = sheetRows(await readFile(join(dir, '重点项目情况通报-第21期（草稿）.xlsx')), '报送情况');
    expect(draft.find((r) => r.includes('农产品加工园指挥部'))).toMatch(/未报/u);

    // The agenda of the 14th, drafted on Thursday the 12th: the topic in by Tuesday 17:00 is on it.
    const agenda = await readFile(join(base(), '两周/输出/周例会议程-2026-11-14.xlsx'));
    const topics = sheetRows(agenda, '议题及滞后项目').join('\n');
    expect(topics).toMatch(/城市综合管廊建设资金缺口/u);
    expect(topics).not.toMatch(/洹河闸坝施工占地补偿/u); // sent Wednesday 09:20: next week's
  });

  servers.it('without --send writes the messages to the outbox and sends nothing', async () => {
    const cfg = await writeConfig('不发送.toml', '试');
    const before = smtp.sent.length;
    const r = await runKpd(
      ['schedule', '--master', MASTER, '--config', cfg, '--once', '--at', '2026-11-11T09:00'],
      base(),
      env(),
    );
    expect(r.code).toBe(0);
    expect(smtp.sent.length).toBe(before);
    const outbox = join(base(), '试/输出/待发送/2026-11-1');
    expect((await readdir(outbox)).filter((f) => f.endsWith('.eml'))).toHaveLength(8);
    expect(r.out).toMatch(/报送提醒 8 封：试\/输出\/待发送\/2026-11-1\//u);
    // The same moment again: the step is done, nothing happens twice.
    const again = await runKpd(
      ['schedule', '--master', MASTER, '--config', cfg, '--once', '--at', '2026-11-11T09:20'],
      base(),
      env(),
    );
    expect(again.code).toBe(0);
    expect(again.out).toBe('');
  });

  servers.it('--dry-run says what the step would do and does nothing', async () => {
    const cfg = await writeConfig('试运行.toml', '试运行');
    const r = await runKpd(
      ['schedule', '--master', MASTER, '--config', cfg, '--dry-run', '--at', '2026-11-16T08:30'],
      base(),
      env(),
    );
    expect(r.code).toBe(0);
    expect(r.out).toBe(
      [
        '（试运行，什么也不做）「2026-11-1 期正式通报和催报」将：',
        '  从邮箱「INBOX」取 2026-11-1 期的半月进展报表邮件，存入「试运行/收件/2026-11-1」',
        '  按总台账汇总「试运行/收件/2026-11-1」中的报表，写出「试运行/输出/2026-11-1/重点项目情况通报-第21期.xlsx」',
        '  写出催报名单「试运行/输出/2026-11-1/催报名单-2026-11-1.txt」',
        '  给各指挥部联系邮箱写催报（写入「试运行/输出/待发送/2026-11-1」，不发出）',
        '',
      ].join('\n'),
    );
    expect(existsSync(join(base(), '试运行'))).toBe(false);
  });

  servers.it('stops with the loud warning in a year without holiday data', async () => {
    const cfg = await writeConfig('明年.toml', '明年');
    const r = await runKpd(
      ['schedule', '--master', MASTER, '--config', cfg, '--once', '--at', '2027-01-11T09:00'],
      base(),
      env(),
    );
    expect(r.code).toBe(2);
    const log = await readFile(join(base(), '明年/kpd-schedule.log'), 'utf8');
    expect(log).toMatch(
      /^2027-01-11 09:00:00 自动运行已停止：没有 2027 年的法定节假日和调休数据：只按周末推算，节假日未计入。请在「节假日」表或 --holidays 文件中录入 2027 年国务院放假安排。 录入后再启动。$/mu,
    );
  });
});
