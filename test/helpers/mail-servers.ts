/**
 * Real mail servers on 127.0.0.1 for the tests of kpd mail and kpd schedule (never a mock of the
 * protocol): Dovecot (Debian's dovecot-imapd) run in the foreground from a configuration in a
 * temporary folder, with a passwd-file user and a self-signed certificate made with openssl at
 * test time; an SMTP server (the smtp-server package) over TLS that records what it received;
 * and a TCP proxy that cuts the connection after a number of bytes, as a failing network does.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { chmod, chown, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer, connect, type AddressInfo, type Server, type Socket } from 'node:net';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';
import { ImapFlow } from 'imapflow';
import { SMTPServer } from 'smtp-server';
import { hasProgram } from './tools.js';

export const DOVECOT = hasProgram('dovecot') ? 'dovecot' : '/usr/sbin/dovecot';

/** A certificate for 127.0.0.1 and its key, made with openssl now (cert.pem, key.pem in `dir`). */
export function selfSignedCert(dir: string): { certFile: string; keyFile: string } {
  const certFile = join(dir, 'cert.pem');
  const keyFile = join(dir, 'key.pem');
  execFileSync('openssl', [
    'req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '2',
    '-keyout', keyFile, '-out', certFile,
    '-subj', '/CN=127.0.0.1', '-addext', 'subjectAltName=IP:127.0.0.1',
  ], { stdio: 'ignore' }); // prettier-ignore
  return { certFile, keyFile };
}

/** A port free now (the server binds it a moment later: loopback only, tests run one per process). */
async function freePort(): Promise<number> {
  const srv = createServer();
  await new Promise<void>((r) => srv.listen(0, '127.0.0.1', r));
  const { port } = srv.address() as AddressInfo;
  await new Promise<void>((r) => srv.close(() => r()));
  return port;
}

/** Whether something accepts connections on the port; tried a bounded number of times. */
async function waitForPort(port: number, child: ChildProcess, log: () => Promise<string>): Promise<void> {
  for (let i = 0; i < 200; i++) {
    if (child.exitCode !== null) throw new Error(`dovecot exited (${child.exitCode}):\n${await log()}`);
    const ok = await new Promise<boolean>((resolve) => {
      const s = connect(port, '127.0.0.1');
      s.once('connect', () => {
        s.destroy();
        resolve(true);
      });
      s.once('error', () => resolve(false));
    });
    if (ok) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`dovecot did not listen on ${port}:\n${await log()}`);
}

export interface Dovecot {
  readonly port: number;
  readonly user: string;
  readonly password: string;
  /** The self-signed certificate (PEM), to trust as the CA, and its key (for the SMTP server). */
  readonly certFile: string;
  readonly keyFile: string;
  readonly dir: string;
  /** An IMAP session as a mail client (for APPEND and for looking at flags). */
  client(): Promise<ImapFlow>;
  /** Puts a message in a folder as delivered at `at` (INTERNALDATE); its UID. */
  append(bytes: Uint8Array, at: Date, folder?: string): Promise<number>;
  /** The flags of every message of a folder, by UID. */
  flags(folder?: string): Promise<Map<number, string[]>>;
  stop(): Promise<void>;
}

/** Starts Dovecot for one test file. As root, its processes run as Debian's dovecot/dovenull users. */
export async function startDovecot(): Promise<Dovecot> {
  const dir = await mkdtemp(join(tmpdir(), 'kpd-dovecot-'));
  const root = process.getuid?.() === 0;
  const me = userInfo();
  const [mailUser, loginUser] = root ? ['dovecot', 'dovenull'] : [me.username, me.username];
  const group = root ? 'dovecot' : execFileSync('id', ['-gn']).toString().trim();
  for (const d of ['run', 'state', 'mail', 'home']) await mkdir(join(dir, d));
  if (root) {
    await chmod(dir, 0o755);
    const id = (flag: string): number => Number(execFileSync('id', [flag, mailUser]).toString().trim());
    const [uid, gid] = [id('-u'), id('-g')];
    for (const d of ['mail', 'home']) await chown(join(dir, d), uid, gid);
  }
  const { certFile } = selfSignedCert(dir);
  const user = 'zdxmb@example.cn';
  const password = 'Kpd-test-密码-1';
  await writeFile(join(dir, 'passwd'), `${user}:{PLAIN}${password}::::::\n`);
  const port = await freePort();
  const conf = `
base_dir = ${dir}/run
state_dir = ${dir}/state
log_path = ${dir}/dovecot.log
protocols = imap
listen = 127.0.0.1
ssl = required
ssl_cert = <${certFile}
ssl_key = <${dir}/key.pem
ssl_dh = </usr/share/dovecot/dh.pem
default_internal_user = ${mailUser}
default_internal_group = ${group}
default_login_user = ${loginUser}
first_valid_uid = 1
auth_mechanisms = plain login
mail_location = maildir:${dir}/mail/%u
namespace inbox {
  inbox = yes
  separator = /
}
passdb {
  driver = passwd-file
  args = scheme=PLAIN username_format=%u ${dir}/passwd
}
userdb {
  driver = passwd-file
  args = username_format=%u ${dir}/passwd
  default_fields = uid=${mailUser} gid=${group} home=${dir}/home/%u
}
service imap-login {
  chroot =
  inet_listener imap {
    port = 0
  }
  inet_listener imaps {
    port = ${port}
    ssl = yes
  }
}
service anvil {
  chroot =
}
service stats {
  chroot =
}
`;
  await writeFile(join(dir, 'dovecot.conf'), conf);
  const child = spawn(DOVECOT, ['-F', '-c', join(dir, 'dovecot.conf')], { stdio: 'ignore' });
  const log = (): Promise<string> => readFile(join(dir, 'dovecot.log'), 'utf8').catch(() => '');
  await waitForPort(port, child, log);

  const client = async (): Promise<ImapFlow> => {
    const c = new ImapFlow({
      host: '127.0.0.1',
      port,
      secure: true,
      auth: { user, pass: password },
      logger: false,
      tls: { ca: await readFile(certFile) },
    });
    c.on('error', () => undefined);
    await c.connect();
    return c;
  };
  return {
    port,
    user,
    password,
    certFile,
    keyFile: join(dir, 'key.pem'),
    dir,
    client,
    async append(bytes, at, folder = 'INBOX') {
      const c = await client();
      try {
        if (folder !== 'INBOX') await c.mailboxCreate(folder).catch(() => undefined);
        const r = await c.append(folder, Buffer.from(bytes), [], at);
        if (!r || r.uid === undefined) throw new Error('APPEND gave no UID');
        return r.uid;
      } finally {
        await c.logout();
      }
    },
    async flags(folder = 'INBOX') {
      const c = await client();
      try {
        await c.mailboxOpen(folder, { readOnly: true });
        const out = new Map<number, string[]>();
        for await (const m of c.fetch('1:*', { uid: true, flags: true }, { uid: true }))
          out.set(m.uid, [...(m.flags ?? [])].sort());
        return out;
      } finally {
        await c.logout();
      }
    },
    async stop() {
      if (child.exitCode === null) {
        const exited = new Promise((r) => child.once('exit', r));
        child.kill('SIGTERM');
        await exited;
      }
      await rm(dir, { recursive: true, force: true });
    },
  };
}

export interface SentMail {
  readonly from: string;
  readonly to: readonly string[];
  readonly raw: Buffer;
}

export interface SmtpSink {
  readonly port: number;
  readonly user: string;
  readonly password: string;
  readonly sent: SentMail[];
  stop(): Promise<void>;
}

/** An SMTP server over TLS (port 465 style) that accepts one user and records every message. */
export async function startSmtp(certFile: string, keyFile: string): Promise<SmtpSink> {
  const user = 'zdxmb@example.cn';
  const password = 'Kpd-smtp-密码-2';
  const sent: SentMail[] = [];
  const server = new SMTPServer({
    secure: true,
    key: await readFile(keyFile),
    cert: await readFile(certFile),
    authMethods: ['PLAIN', 'LOGIN'],
    onAuth(auth, _session, cb) {
      if (auth.username === user && auth.password === password) cb(null, { user });
      else cb(Object.assign(new Error('Invalid username or password'), { responseCode: 535 }));
    },
    onData(stream, session, cb) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        sent.push({
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
          to: session.envelope.rcptTo.map((r) => r.address),
          raw: Buffer.concat(chunks),
        });
        cb();
      });
    },
    logger: false,
  });
  server.on('error', () => undefined);
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const port = ((server.server as Server).address() as AddressInfo).port;
  return {
    port,
    user,
    password,
    sent,
    stop: () => new Promise<void>((r) => server.close(() => r())),
  };
}

export interface CuttingProxy {
  readonly port: number;
  /** Bytes passed from the server to the client so far (all connections). */
  readonly passed: () => number;
  /** From now on each connection is cut after this many bytes from the server (undefined: never). */
  cutAfter(bytes: number | undefined): void;
  stop(): Promise<void>;
}

/** A TCP proxy to 127.0.0.1:target that can drop the connection mid-stream. */
export async function startCuttingProxy(target: number): Promise<CuttingProxy> {
  let limit: number | undefined;
  let total = 0;
  const sockets = new Set<Socket>();
  const server = createServer((client) => {
    const upstream = connect(target, '127.0.0.1');
    sockets.add(client).add(upstream);
    let count = 0;
    const cut = limit;
    const end = (): void => {
      client.destroy();
      upstream.destroy();
    };
    upstream.on('data', (chunk: Buffer) => {
      if (cut !== undefined && count + chunk.length > cut) {
        client.write(chunk.subarray(0, Math.max(0, cut - count)), end);
        count = cut;
        return;
      }
      count += chunk.length;
      total += chunk.length;
      client.write(chunk);
    });
    client.on('data', (chunk: Buffer) => upstream.write(chunk));
    for (const s of [client, upstream]) {
      s.on('error', end);
      s.on('close', () => {
        sockets.delete(s);
        end();
      });
    }
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return {
    port: (server.address() as AddressInfo).port,
    passed: () => total,
    cutAfter: (b) => void (limit = b),
    stop: () =>
      new Promise<void>((r) => {
        for (const s of sockets) s.destroy();
        server.close(() => r());
      }),
  };
}
