import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkMailConfig, loadMailConfig } from '../../../src/adapters/mail/config.js';
import { message } from '../../../src/core/issues/issue.js';
import { runKpd } from '../../helpers/cli.js';
import { useTempDir } from '../../helpers/tmp.js';
import { REPO_ROOT } from '../../helpers/paths.js';
import { encodeGbk } from '../../../scripts/examples/eml.js';

const tmp = useTempDir('kpd-mailconfig-');

const FULL = `# 县发改局重点项目办的邮箱
[imap]
host = "mail.example.gov.cn"
user = "zdxmb@example.gov.cn"
folder = "报表"

[smtp]
host = "smtp.example.gov.cn"
port = 587
user = "zdxmb@example.gov.cn"
from = "县发改局重点项目办 <zdxmb@example.gov.cn>"

[schedule]
reports = "收件"
output = '输出\\通报'
remind_at = "8:45"
doc = true
`;

const texts = (text: string, locale: 'zh' | 'en' = 'zh'): string[] =>
  checkMailConfig(text, '邮箱.toml', locale).issues.map((i) => message(i, locale));

describe('邮箱.toml', () => {
  it('reads the settings, with defaults and paths from the file’s folder', () => {
    const { config, issues } = checkMailConfig(FULL, '/srv/kpd/邮箱.toml');
    expect(issues).toEqual([]);
    expect(config?.imap).toMatchObject({
      host: 'mail.example.gov.cn',
      port: 993,
      folder: '报表',
      passwordEnv: 'KPD_IMAP_PASSWORD',
      keyring: true,
      markSeen: false,
    });
    expect(config?.imap?.moveTo).toBeUndefined();
    expect(config?.smtp).toMatchObject({ port: 587, starttls: true, passwordEnv: 'KPD_SMTP_PASSWORD' });
    expect(config?.schedule).toMatchObject({
      reports: '/srv/kpd/收件',
      output: '/srv/kpd/输出\\通报',
      log: '/srv/kpd/kpd-schedule.log',
      doc: true,
      times: { remind: '08:45', draft: '17:30', final: '08:30', agenda: '09:00' },
    });
  });

  it('accepts the example file shipped with kpd', async () => {
    const { config, issues } = await loadMailConfig(join(REPO_ROOT, '邮箱.example.toml'));
    expect(issues).toEqual([]);
    expect(config?.imap?.folder).toBe('INBOX');
    expect(config?.smtp?.starttls).toBe(false);
    expect(config?.schedule.times).toEqual({
      remind: '09:00',
      draft: '17:30',
      final: '08:30',
      agenda: '09:00',
    });
  });

  it('says each mistake in Chinese, with its line and an example', () => {
    expect(texts('[imap]\nhost = mail.example.gov.cn\n')).toEqual([
      expect.stringMatching(/^邮箱设置文件「邮箱\.toml」第 2 行写法有误。写法是“键 = 值”，文字加英文双引号/u),
    ]);
    expect(texts('[imap]\nhost = "m"\nuser = "u"\nfodler = "INBOX"\n')).toEqual([
      '邮箱设置文件「邮箱.toml」第 4 行：「[imap]」中没有「fodler」这一项（拼写有误？）。可用的有：host、port、user、password_env、keyring、ca、folder、mark_seen、move_to、max_message_mb。',
    ]);
    expect(texts('[imap]\nhost = "m"\nuser = "u"\nport = "993"\n')).toEqual([
      '邮箱设置文件「邮箱.toml」第 4 行：「[imap]」的「port」应为1 到 65535 之间的端口号（不加引号），如 port = 993；现在是 "993"。',
    ]);
    expect(texts('[imap]\nport = 993\n')).toEqual([
      '邮箱设置文件「邮箱.toml」：「[imap]」缺少「host」（邮件服务器地址），如 host = "mail.example.gov.cn"。',
      '邮箱设置文件「邮箱.toml」：「[imap]」缺少「user」（登录邮箱的用户名），如 user = "zdxmb@example.gov.cn"。',
    ]);
    expect(texts('[schedule]\nremind_at = "25:00"\n')[0]).toMatch(
      /「remind_at」应为“时:分”（加英文双引号），如 remind_at = "09:00"/u,
    );
    expect(texts('[imap]\nhost = "m"\nuser = "u"\n[pop3]\nhost = "x"\n')).toEqual([
      '邮箱设置文件「邮箱.toml」中的「[pop3]」不认识：只有 [imap]、[smtp]、[schedule]。',
    ]);
  });

  it('refuses a password written in the file', () => {
    expect(texts('[smtp]\nhost = "m"\nuser = "u"\npassword = "123456"\n')).toEqual([
      '邮箱设置文件「邮箱.toml」第 4 行：密码不能写在文件里（「[smtp]」的「password」）。请删去这一行，把密码放在环境变量 KPD_SMTP_PASSWORD 或系统钥匙串中（见 README）。',
    ]);
  });

  it('speaks English with --lang en', () => {
    expect(texts('[imap]\nhost = "m"\nuser = "u"\nfodler = "x"\n', 'en')[0]).toMatch(
      /^Mail settings file "邮箱\.toml", line 4: \[imap\] has no "fodler" \(a typo\?\)/u,
    );
  });

  it('reads a file Notepad saved in GBK', async () => {
    const file = join(tmp(), 'gbk.toml');
    const text = '# 单位邮箱\n[imap]\nhost = "m"\nuser = "u"\nfolder = "报表收件"\n';
    await writeFile(file, encodeGbk(text));
    expect((await loadMailConfig(file)).config?.imap?.folder).toBe('报表收件');
  });

  it('says when the file is not there, and kpd stops with exit 2 and every correction', async () => {
    expect((await loadMailConfig(join(tmp(), '没有.toml'))).issues.map((i) => i.code)).toEqual([
      'mail.config.notFound',
    ]);
    const bad = join(tmp(), '邮箱.toml');
    await writeFile(bad, '[imap]\nport = 0\npass = "x"\n');
    const r = await runKpd(
      ['mail', 'fetch', '--config', bad, '--period', '2026-11-1', '--into', '收件'],
      tmp(),
    );
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/^邮箱设置文件有 4 处要改，改好后再运行：/u);
    expect(r.err).toMatch(/密码不能写在文件里/u);
    expect(r.err).toMatch(/「port」应为1 到 65535 之间的端口号/u);
  });

  it('kpd schedule wants [imap], and [smtp] with --send, before it starts', async () => {
    const file = join(tmp(), '只收信.toml');
    await writeFile(file, '[imap]\nhost = "m"\nuser = "u"\n');
    const master = join(REPO_ROOT, 'examples/总台账.xlsx');
    const r = await runKpd(['schedule', '--master', master, '--config', file, '--send', '--once'], tmp());
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/^邮箱设置文件「.*只收信\.toml」中没有「\[smtp\]」一节，kpd schedule需要它。/u);
  });
});
