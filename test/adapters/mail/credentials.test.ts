import { chmod, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { ServerSettings } from '../../../src/adapters/mail/config.js';
import { keyringQuery, serverPassword } from '../../../src/adapters/mail/credentials.js';
import { MailError } from '../../../src/adapters/mail/errors.js';
import { useTempDir } from '../../helpers/tmp.js';

const tmp = useTempDir('kpd-cred-');
const S: ServerSettings = {
  host: 'mail.example.gov.cn',
  port: 993,
  user: 'zdxmb@example.gov.cn',
  passwordEnv: 'KPD_IMAP_PASSWORD',
  keyring: true,
};

describe('the mailbox password', () => {
  const path = process.env['PATH'];
  afterEach(() => {
    process.env['PATH'] = path;
  });

  it('comes from the environment variable first', async () => {
    expect(await serverPassword(S, { KPD_IMAP_PASSWORD: '授权码-1' })).toBe('授权码-1');
    expect(await serverPassword({ ...S, passwordEnv: 'MY_PW' }, { MY_PW: 'x', KPD_IMAP_PASSWORD: 'y' })).toBe(
      'x',
    );
  });

  it('else from the keyring, asked through its own program (secret-tool on Linux)', async () => {
    // A secret-tool on PATH that knows one entry, as libsecret's does: attributes in, secret out.
    const bin = tmp();
    await writeFile(
      join(bin, 'secret-tool'),
      '#!/bin/sh\n[ "$*" = "lookup service kpd-mail user zdxmb@example.gov.cn server mail.example.gov.cn" ] && printf "钥匙串里的密码" && exit 0\nexit 1\n',
    );
    await chmod(join(bin, 'secret-tool'), 0o755);
    process.env['PATH'] = `${bin}:${path ?? ''}`;
    expect(await serverPassword(S, {}, 'linux')).toBe('钥匙串里的密码');
    // keyring = false: the keyring is not asked.
    await expect(serverPassword({ ...S, keyring: false }, {}, 'linux')).rejects.toBeInstanceOf(MailError);
  });

  it('says in Chinese where to put it when there is none', async () => {
    process.env['PATH'] = tmp(); // no keyring program at all
    const e = await serverPassword({ ...S, user: 'nobody@example.gov.cn' }, {}, 'linux').catch(
      (x: unknown) => x,
    );
    expect(e).toBeInstanceOf(MailError);
    expect((e as MailError).text('zh')).toBe(
      '找不到邮箱 nobody@example.gov.cn（mail.example.gov.cn）的密码：请设置环境变量 KPD_IMAP_PASSWORD，或把密码存入系统钥匙串（secret-tool store --label=kpd service kpd-mail user nobody@example.gov.cn server mail.example.gov.cn）。密码不要写在任何文件里。',
    );
  });

  it('names the Windows Credential Manager entry and the macOS keychain item the README tells the clerk to make', () => {
    const win = keyringQuery(S, 'win32');
    expect(win.program).toBe('powershell.exe');
    expect(win.store).toBe(
      'cmdkey /generic:kpd-mail:zdxmb@example.gov.cn@mail.example.gov.cn /user:zdxmb@example.gov.cn /pass',
    );
    const script = Buffer.from(win.args[win.args.indexOf('-EncodedCommand') + 1] ?? '', 'base64').toString(
      'utf16le',
    );
    expect(script).toMatch(/CredRead\('kpd-mail:zdxmb@example\.gov\.cn@mail\.example\.gov\.cn', 1, 0/u);
    const mac = keyringQuery(S, 'darwin');
    expect(mac.args).toEqual([
      'find-generic-password',
      '-s',
      'kpd-mail:mail.example.gov.cn',
      '-a',
      'zdxmb@example.gov.cn',
      '-w',
    ]);
  });
});
