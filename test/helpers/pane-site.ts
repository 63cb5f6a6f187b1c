import { readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import { extname, join, normalize } from 'node:path';
import type { WorkbookGrid } from '../../src/core/values/grid.js';
import { installedExcelApiSets } from '../addin/api-sets.js';
import '../addin/fake-office.js';
import { fakeDataOf } from './office.js';
import { repoPath } from './paths.js';

/**
 * The built task pane (dist-addin/) served on the loopback address as IT serves it, with the strict
 * fake of Office.js over `grid` served where the page loads office.js (office-js/office.js: the
 * pane ships its own copy, no CDN).
 */
const SITE = repoPath('dist-addin');
const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.png': 'image/png',
  '.xml': 'text/xml',
};

/** The fake of Office.js installed over `grid`, knowing each member's requirement set. */
export async function fakeOfficeScript(grid: WorkbookGrid, excelApi = '1.13'): Promise<string> {
  const fake = await readFile(repoPath('test', 'addin', 'fake-office.js'), 'utf8');
  const options = JSON.stringify({
    apiSets: Object.fromEntries(globalThis.KpdFakeOffice.OFFERS.map((k) => [k, installedExcelApiSets()[k]])),
    excelApi,
    displayLanguage: 'zh-CN',
  });
  return `${fake}\nKpdFakeOffice.install(${JSON.stringify(fakeDataOf(grid))}, ${options});`;
}

/** Serves the site with `office` as office.js; returns its origin and how to stop it. */
export async function servePane(office: string): Promise<{ origin: string; close: () => Promise<void> }> {
  const server: Server = createServer((req, res) => {
    const path = normalize(decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname)).replace(
      /^(\.\.[/\\])+/u,
      '',
    );
    if (path === '/office-js/office.js') {
      res.writeHead(200, { 'content-type': MIME['.js'] });
      return void res.end(office);
    }
    readFile(join(SITE, path))
      .then((body) => {
        res.writeHead(200, { 'content-type': MIME[extname(path)] ?? 'application/octet-stream' });
        res.end(body);
      })
      .catch(() => {
        res.writeHead(404);
        res.end();
      });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  return {
    origin: `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
