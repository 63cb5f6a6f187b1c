import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, expect } from 'vitest';
import { parseEml } from '../../src/adapters/eml.js';
import { readXlsx } from '../../src/adapters/xlsx-read/index.js';
import { REPORT } from '../../src/core/schema/report.js';
import { identifyTemplate, isIssue } from '../../src/core/workbook/identify.js';
import { runKpd } from '../helpers/cli.js';
import { selfSignedCert, startSmtp, type SmtpSink } from '../helpers/mail-servers.js';
import { REPO_ROOT } from '../helpers/paths.js';
import { useTempDir } from '../helpers/tmp.js';
import { requireTool } from '../helpers/tools.js';

const openssl = requireTool('openssl');
const tmp = useTempDir('kpd-remind-');
const MASTER = join(REPO_ROOT, 'examples/总台账.xlsx');
const REPORTS = join(REPO_ROOT, 'examples/reports/2026-11-1');

/** The template attached to a message: a 半月进展报表 our reader recognises. */
function attachedTemplate(raw: Uint8Array): { name: string; isReport: boolean } {
  const att = parseEml(raw).attachments[0];
  if (!att) return { name: '', isReport: false };
  const id = identifyTemplate(readXlsx(att.bytes).workbook);
  return { name: att.filename, isReport: !isIssue(id) && id.template.id === REPORT.id };
}

/** kpd mail remind against an SMTP server (smtp-server, TLS) on 127.0.0.1 that records what it got. */
openssl.describe('kpd mail remind', () => {
  let smtp: SmtpSink;
  let cfg: string;
  let certFile: string;
  const env = (): Record<string, string> => ({ KPD_SMTP_PASSWORD: smtp.password });
  const remind = (args: string[], e: Record<string, string | undefined> = {}) =>
    runKpd(['mail', 'remind', '--master', MASTER, '--period', '2026-11-1', ...args], tmp(), e);

  beforeAll(async () => {
    const cert = selfSignedCert(tmp());
    certFile = cert.certFile;
    smtp = await startSmtp(cert.certFile, cert.keyFile);
    cfg = join(tmp(), '邮箱.toml');
    await writeFile(
      cfg,
      `[smtp]\nhost = "127.0.0.1"\nport = ${smtp.port}\nuser = "${smtp.user}"\nfrom = "县发改局重点项目办 <${smtp.user}>"\nca = "${certFile}"\n`,
    );
  });
  afterAll(async () => {
    await smtp?.stop();
  });

  openssl.it('shows exactly what would go to whom, and sends nothing without --send', async () => {
    const r = await remind(['--at', '2026-11-11T09:00', '--config', cfg, '--outbox', '待发送']);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^以下 8 封邮件尚未发送（加 --send 才发送）：/u);
    expect(r.out).toMatch(
      /收件人：shuixi_zhb@example\.cn\n主题：【提醒】请于 2026-11-12 前报送2026年11月上半月重点项目进展报表\n附件：半月进展报表\.xlsx\n\n水系连通工程指挥部负责同志：/u,
    );
    expect(smtp.sent).toEqual([]);
    // The outbox holds the very messages --send would send.
    const files = (await readdir(join(tmp(), '待发送'))).sort();
    expect(files).toHaveLength(8);
    expect(files[0]).toMatch(/^2026-11-1-报送提醒-.*指挥部\.eml$/u);
    const raw = await readFile(join(tmp(), '待发送', files[0]!));
    const mail = parseEml(raw);
    expect(mail.subject).toBe('【提醒】请于 2026-11-12 前报送2026年11月上半月重点项目进展报表');
    expect(mail.from).toMatch(/县发改局重点项目办 <zdxmb@example\.cn>/u);
    expect(attachedTemplate(raw)).toEqual({ name: '半月进展报表.xlsx', isReport: true });
  });

  openssl.it('before the due date sends every HQ its reminder with the template', async () => {
    smtp.sent.length = 0;
    const r = await remind(['--at', '2026-11-11T09:00', '--config', cfg, '--send'], env());
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^已发送 8 封邮件：/u);
    expect(smtp.sent.map((m) => m.to.join()).sort()).toEqual([
      'gaoduan_zhb@example.cn',
      'nongchanpin_zhb@example.cn',
      'penggai_zhb@example.cn',
      'shuixi_zhb@example.cn',
      'wenlv_zhb@example.cn',
      'wuliu_zhb@example.cn',
      'xinnengyuan_zhb@example.cn',
      'zhihui_zhb@example.cn',
    ]);
    for (const m of smtp.sent) {
      expect(m.from).toBe('zdxmb@example.cn');
      const mail = parseEml(m.raw);
      expect(mail.text).toMatch(/请于 2026-11-12 前报送2026年11月上半月重点项目进展报表/u);
      expect(attachedTemplate(m.raw)).toEqual({ name: '半月进展报表.xlsx', isReport: true });
    }
  });

  openssl.it(
    'after the due date sends the 催报 only to those missing, unsigned or lacking projects',
    async () => {
      smtp.sent.length = 0;
      const r = await remind(
        ['--at', '2026-11-13T08:30', '--reports', REPORTS, '--config', cfg, '--send', '--json'],
        env(),
      );
      expect(r.code).toBe(0);
      const j = JSON.parse(r.out);
      expect(j.phase).toBe('after');
      expect(j.sent).toBe(3);
      expect(j.chase.map((c: { hq: string; reasons: string[] }) => [c.hq, c.reasons])).toEqual([
        ['文旅康养小镇指挥部', ['projectsMissing']],
        ['城区棚户区改造指挥部', ['unsigned']],
        ['水系连通工程指挥部', ['missing']],
      ]);
      const byTo = new Map(smtp.sent.map((m) => [m.to.join(), parseEml(m.raw)]));
      expect(byTo.get('shuixi_zhb@example.cn')?.subject).toBe('【催报】2026年11月上半月重点项目进展报表');
      expect(byTo.get('shuixi_zhb@example.cn')?.text).toMatch(
        /本办未收到贵指挥部2026年11月上半月的半月进展报表/u,
      );
      expect(byTo.get('penggai_zhb@example.cn')?.text).toMatch(
        /贵指挥部报送的报表（城区棚户区改造指挥部-2026年11月上半月进展\.xlsx）未经指挥长签字/u,
      );
    },
  );

  openssl.it(
    'asks for the reports after the due date, and says in Chinese when the SMTP login fails',
    async () => {
      const none = await remind(['--at', '2026-11-13T08:30']);
      expect(none.code).toBe(2);
      expect(none.err).toMatch(
        /已过报送截止日（2026-11-12）：催报只发给未报、未签字的指挥部，请用 --reports 给出已收到的报表/u,
      );
      const wrong = await remind(['--at', '2026-11-11T09:00', '--config', cfg, '--send'], {
        KPD_SMTP_PASSWORD: 'x',
      });
      expect(wrong.code).toBe(2);
      expect(wrong.err).toMatch(/邮箱服务器 127\.0\.0\.1 拒绝登录：用户名「zdxmb@example\.cn」或密码不对/u);
      const bad = await remind(['--at', '2026-11-31T09:00']);
      expect(bad.code).toBe(2);
      expect(bad.err).toMatch(/--at「2026-11-31T09:00」无法识别/u);
    },
  );

  openssl.it('writes English with --lang en (names stay Chinese)', async () => {
    const r = await remind(['--at', '2026-11-11T09:00', '--lang', 'en']);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^8 messages, not sent \(add --send to send them\):/u);
    expect(r.out).toMatch(/Subject: \[Reminder\] Key project report for 2026年11月上半月 due 2026-11-12/u);
    expect(r.out).toMatch(/To 高端装备产业园指挥部:/u);
  });
});
