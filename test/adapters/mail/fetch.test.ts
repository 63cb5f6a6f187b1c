import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, expect } from 'vitest';
import { runKpd } from '../../helpers/cli.js';
import { DOVECOT, startCuttingProxy, startDovecot, type Dovecot } from '../../helpers/mail-servers.js';
import { cstInstant, mimeMessage } from '../../helpers/mail-messages.js';
import { deliveries, type Delivery } from '../../helpers/mail-world.js';
import { useTempDir } from '../../helpers/tmp.js';
import { requireTool } from '../../helpers/tools.js';
import { REPO_ROOT } from '../../helpers/paths.js';

const servers = requireTool(DOVECOT, 'openssl');
const tmp = useTempDir('kpd-fetch-');

/** kpd mail fetch against Dovecot on 127.0.0.1: the office's mailbox, filled by APPEND. */
servers.describe('kpd mail fetch', () => {
  let dovecot: Dovecot;
  let mail: Delivery[];
  const uids = new Map<number, Delivery>();
  const env = (): Record<string, string> => ({ KPD_IMAP_PASSWORD: dovecot.password });

  const config = async (name: string, extra = '', port = dovecot.port): Promise<string> => {
    const file = join(tmp(), name);
    await writeFile(
      file,
      `# 测试用邮箱设置\n[imap]\nhost = "127.0.0.1"\nport = ${port}\nuser = "${dovecot.user}"\nca = "${dovecot.certFile}"\n${extra}`,
    );
    return file;
  };
  const fetch = (cfg: string, into: string, which = ['--period', '2026-11-1'], e = env()) =>
    runKpd(['mail', 'fetch', '--config', cfg, ...which, '--into', into], tmp(), e);
  const files = async (dir: string): Promise<string[]> => (await readdir(dir)).sort();

  beforeAll(async () => {
    dovecot = await startDovecot();
    mail = await deliveries();
    for (const d of mail) uids.set(await dovecot.append(d.bytes, cstInstant(d.at)), d);
  });
  afterAll(async () => {
    await dovecot?.stop();
  });

  servers.it(
    'saves each message carrying a report of the period, unchanged, with the server time beside it',
    async () => {
      const cfg = await config('邮箱.toml');
      const into = join(tmp(), '收件/2026-11-1');
      const flagsBefore = await dovecot.flags();
      const r = await fetch(cfg, into);
      expect(r.err).toBe('');
      expect(r.code).toBe(0);
      const names = await files(into);
      const emls = names.filter((n) => n.endsWith('.eml'));
      const wanted = [...uids].filter(([, d]) => d.expect === 'report' || d.expect === 'unusable');
      expect(emls).toHaveLength(wanted.length);
      expect(names).toEqual([...emls.map((n) => [n, `${n}.json`]).flat(), '.kpd-mail.json'].sort());
      for (const [uid, d] of wanted) {
        const name = emls.find((n) => n.endsWith(` #${uid}.eml`));
        expect(name, d.label).toBeDefined();
        // Bytes as on the server: what was appended, byte for byte.
        expect(Buffer.compare(await readFile(join(into, name!)), Buffer.from(d.bytes)), d.label).toBe(0);
        const car = JSON.parse(await readFile(join(into, `${name!}.json`), 'utf8'));
        expect(new Date(car.internalDate).getTime()).toBe(cstInstant(d.at).getTime());
        expect(car.uid).toBe(uid);
      }
      // Every message of the window is accounted for, kept or not, with the reason.
      expect(r.out).toMatch(/新保存 9 封，跳过 6 封，以前已看过 0 封/u);
      expect(r.out).toMatch(/未保存「县政务云邮箱升级通知」.*没有附件/u);
      expect(r.out).toMatch(/未保存「会议通知」.*附件中没有重点项目半月进展报表/u);
      expect(r.out).toMatch(/未保存「台账请参考」.*附件中没有重点项目半月进展报表/u);
      expect(r.out).toMatch(
        /未保存「水系连通工程指挥部10月进展（补报）」.*报告期是 2026-10-2，不是 2026-11-1/u,
      );
      expect(r.out).toMatch(/未保存「智慧城市建设指挥部议题申报」.*附件中没有重点项目半月进展报表/u);
      expect(r.out).not.toMatch(/关于报送2026年10月进展的补充说明/u); // before the window
      // Nothing on the server was marked.
      expect(await dovecot.flags()).toEqual(flagsBefore);

      // A second run fetches nothing twice.
      const again = await fetch(cfg, into);
      expect(again.code).toBe(0);
      expect(again.out).toMatch(/新保存 0 封，跳过 0 封，以前已看过 15 封/u);
      expect(await files(into)).toEqual(names);
    },
  );

  servers.it('feeds the merge: the server time is the e-mail time, GBK names decoded', async () => {
    const into = join(tmp(), '收件/2026-11-1');
    const out = join(tmp(), '通报.xlsx');
    const r = await runKpd(
      [
        'merge',
        into,
        '--master',
        join(REPO_ROOT, 'examples/总台账.xlsx'),
        '--period',
        '2026-11-1',
        '--out',
        out,
        '--json',
      ],
      tmp(),
    );
    expect(r.code).toBe(0);
    const b = JSON.parse(r.out);
    // No bookkeeping file among the ignored ones: only the PDF-free, workbook-free facts of the mails.
    expect(b.ignored.map((x: { file: string }) => x.file).join('\n')).not.toMatch(/\.json/u);
    const byHq = new Map(
      b.submissions.filter((s: { replaced: boolean }) => !s.replaced).map((s: { hq: string }) => [s.hq, s]),
    );
    const ev = byHq.get('新能源汽车零部件指挥部') as { file: string; receivedAt: string; timeSource: string };
    expect(ev.file).toMatch(/新能源汽车零部件指挥部-2026年11月上半月进展（更正）\.xlsx$/u);
    expect(ev.receivedAt).toBe('2026-11-11 10:40:00');
    expect(ev.timeSource).toBe('邮件时间');
    expect(b.late).toEqual(['现代物流园指挥部']);
    expect(b.missing).toEqual(['水系连通工程指挥部']);
    expect(b.submissions.filter((s: { replaced: boolean }) => s.replaced)).toHaveLength(1);
  });

  servers.it('takes the time the server received a message over the Date its sender wrote', async () => {
    const bytes = mimeMessage({
      from: '韩雪',
      address: 'wenlv_zhb@example.cn',
      subject: '文旅康养小镇指挥部进展（补）',
      date: '2026-11-12 11:00:00', // what the sender's clock said
      messageId: 'backdated@example.cn',
      attachments: [
        {
          name: '文旅康养小镇指挥部-2026年11月上半月进展.xlsx',
          bytes: await readFile(
            join(REPO_ROOT, 'examples/reports/2026-11-1/文旅康养小镇指挥部-2026年11月上半月进展.xlsx'),
          ),
        },
      ],
    });
    const folder = '报表收件';
    await dovecot.append(bytes, cstInstant('2026-11-13 10:00:00'), folder);
    const cfg = await config('其他文件夹.toml', `folder = "${folder}"\n`);
    const into = join(tmp(), '收件/另一个');
    expect((await fetch(cfg, into)).code).toBe(0);
    const out = join(tmp(), '通报2.xlsx');
    const r = await runKpd(
      [
        'merge',
        into,
        '--master',
        join(REPO_ROOT, 'examples/总台账.xlsx'),
        '--period',
        '2026-11-1',
        '--out',
        out,
        '--json',
      ],
      tmp(),
    );
    const s = JSON.parse(r.out).submissions[0];
    expect(s).toMatchObject({ hq: '文旅康养小镇指挥部', receivedAt: '2026-11-13 10:00:00', late: true });
  });

  servers.it('saves the topic forms for a meeting with --meeting', async () => {
    const cfg = await config('邮箱.toml');
    const into = join(tmp(), '议题/2026-11-14');
    const r = await fetch(cfg, into, ['--meeting', '2026-11-14']);
    expect(r.code).toBe(0);
    const emls = (await files(into)).filter((n) => n.endsWith('.eml'));
    const topics = [...uids].filter(([, d]) => d.expect === 'topics' || d.expect === 'unusable');
    expect(emls.map((n) => Number(/#(\d+)\.eml$/u.exec(n)?.[1])).sort()).toEqual(
      topics.map(([u]) => u).sort(),
    );
  });

  servers.it(
    'after a connection dropped mid-fetch, the next run completes: nothing lost, nothing doubled',
    async () => {
      const proxy = await startCuttingProxy(dovecot.port);
      try {
        const cfg = await config('经代理.toml', '', proxy.port);
        const whole = join(tmp(), '收件/完整');
        expect((await fetch(cfg, whole)).code).toBe(0);
        const full = proxy.passed();
        const reference = await files(whole);

        const into = join(tmp(), '收件/中断');
        proxy.cutAfter(Math.round(full * 0.6));
        const cut = await fetch(cfg, into);
        expect(cut.code).toBe(2);
        expect(cut.err).toMatch(/连接中断.*再运行一次会接着取/u);
        const partial = (await files(into)).filter((n) => n.endsWith('.eml'));
        expect(partial.length).toBeGreaterThan(0);
        expect(partial.length).toBeLessThan(reference.filter((n) => n.endsWith('.eml')).length);

        proxy.cutAfter(undefined);
        const rest = await fetch(cfg, into);
        expect(rest.code).toBe(0);
        expect(await files(into)).toEqual(reference);
        for (const n of reference.filter((x) => x.endsWith('.eml')))
          expect(Buffer.compare(await readFile(join(into, n)), await readFile(join(whole, n)))).toBe(0);
      } finally {
        await proxy.stop();
      }
    },
  );

  servers.it('says in Chinese when the password is wrong or missing', async () => {
    const cfg = await config('邮箱.toml');
    const wrong = await fetch(cfg, join(tmp(), '收件/错'), ['--period', '2026-11-1'], {
      KPD_IMAP_PASSWORD: 'nope',
    });
    expect(wrong.code).toBe(2);
    expect(wrong.err).toMatch(/邮箱服务器 127\.0\.0\.1 拒绝登录：用户名「zdxmb@example\.cn」或密码不对/u);
    const none = await fetch(cfg, join(tmp(), '收件/无'), ['--period', '2026-11-1'], {});
    expect(none.code).toBe(2);
    expect(none.err).toMatch(
      /找不到邮箱 zdxmb@example\.cn（127\.0\.0\.1）的密码：请设置环境变量 KPD_IMAP_PASSWORD/u,
    );
  });

  servers.it('marks what it saved as read only when the office configured it', async () => {
    const cfg = await config('标记.toml', 'mark_seen = true\n');
    const into = join(tmp(), '收件/标记');
    expect((await fetch(cfg, into, ['--meeting', '2026-11-14'])).code).toBe(0);
    const flags = await dovecot.flags();
    const saved = new Set(
      (await files(into)).filter((n) => n.endsWith('.eml')).map((n) => Number(/#(\d+)\.eml$/u.exec(n)?.[1])),
    );
    for (const [uid, f] of flags) expect(f.includes('\\Seen'), String(uid)).toBe(saved.has(uid));
  });
});
