/**
 * npm start — the task pane for development: webpack's dev server on https://localhost:3000
 * (KPD_PORT for another port) with a certificate from office-addin-dev-certs, rebuilding and
 * reloading the pane as the code changes. On Windows and macOS the certificate's CA is installed
 * into the system's trust store (office-addin-dev-certs asks for permission); on Linux it is only
 * generated, and the script says that desktop Excel cannot sideload there.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import devCerts from 'office-addin-dev-certs';
import { deployText, localeOf } from './messages.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const locale = localeOf(process.argv.slice(2));
const port = Number(process.env['KPD_PORT'] ?? 3000);
const dir = join(process.env['HOME'] ?? process.env['USERPROFILE'] ?? '.', '.office-addin-dev-certs');
const ca = join(dir, 'ca.crt');

if (process.platform === 'linux') {
  process.stdout.write(`${deployText('start.linux', locale, { ca })}\n`);
  if (!existsSync(ca))
    await devCerts.generateCertificates(ca, join(dir, 'localhost.crt'), join(dir, 'localhost.key'));
} else await devCerts.getHttpsServerOptions();
process.stdout.write(`${deployText('start.certs', locale, { dir })}\n`);

const server = spawn(
  process.execPath,
  [
    join(root, 'node_modules', 'webpack-cli', 'bin', 'cli.js'),
    'serve',
    '--config',
    join(root, 'webpack.config.js'),
    '--env',
    'mode=development',
    '--env',
    `certDir=${dir}`,
    '--env',
    `port=${port}`,
  ],
  { cwd: root, stdio: 'inherit' },
);
process.stdout.write(`${deployText('start.ready', locale, { url: `https://localhost:${port}` })}\n`);
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => server.kill(signal));
server.on('exit', (code) => process.exit(code ?? 0));
