import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { request } from 'node:https';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { deployText } from '../../scripts/addin/messages.js';
import { BUILD_TIMEOUT_MS } from '../helpers/addin-build.js';
import { repoPath } from '../helpers/paths.js';

/**
 * npm start on this Linux machine: it says that desktop sideloading needs Windows or a Mac,
 * makes a development certificate with office-addin-dev-certs (in a home of its own here) and
 * serves the pane over https with it.
 */
let child: ChildProcess | undefined;

afterAll(() => {
  // The dev server and webpack run in the child's own process group.
  if (child?.pid) process.kill(-child.pid, 'SIGTERM');
});

const freePort = (): Promise<number> =>
  new Promise((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const address = s.address();
      s.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });

/** GET over https trusting only the given CA; the status and body, or the error's code. */
const get = (url: string, ca: Buffer): Promise<{ status: number; body: string } | string> =>
  new Promise((resolve) => {
    request(url, { ca }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (c: string) => (body += c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    })
      .on('error', (e: NodeJS.ErrnoException) => resolve(e.code ?? e.message))
      .end();
  });

describe('npm start', () => {
  it(
    'says on Linux that sideloading needs Windows or a Mac, and serves the pane over https with a dev certificate',
    async () => {
      const home = await mkdtemp(join(tmpdir(), 'kpd-start-'));
      const port = await freePort();
      let out = '';
      child = spawn('npm', ['start'], {
        cwd: repoPath(),
        env: { ...process.env, HOME: home, KPD_PORT: String(port) },
        detached: true,
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      child.stdout?.on('data', (d: Buffer) => (out += d.toString('utf8')));
      child.stderr?.on('data', (d: Buffer) => (out += d.toString('utf8')));
      const ca = join(home, '.office-addin-dev-certs', 'ca.crt');
      const deadline = Date.now() + BUILD_TIMEOUT_MS - 60_000;
      let page: Awaited<ReturnType<typeof get>> = '';
      while (Date.now() < deadline) {
        await new Promise((resolve) => setTimeout(resolve, 2_000));
        if (!existsSync(ca)) continue;
        page = await get(`https://localhost:${port}/taskpane.html`, readFileSync(ca));
        if (typeof page === 'object' && page.status === 200) break;
      }
      expect(out).toContain(deployText('start.linux', 'zh', { ca }));
      expect(out).toContain(`https://localhost:${port}/taskpane.html`);
      expect(page).toMatchObject({ status: 200, body: expect.stringContaining('重点项目推进助手') });
      const office = await get(`https://localhost:${port}/office-js/office.js`, readFileSync(ca));
      expect(office).toMatchObject({ status: 200 });
    },
    BUILD_TIMEOUT_MS,
  );
});
