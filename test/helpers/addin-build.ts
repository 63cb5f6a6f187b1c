import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { repoPath } from './paths.js';

/** The built task pane (dist-addin/). */
export const ADDIN_DIR = repoPath('dist-addin');

/**
 * `npm test` builds the pane before vitest runs; a lone `vitest run` of a file that needs it
 * builds it here (webpack's cache makes a build of unchanged sources quick).
 */
export function ensureAddinBuilt(): void {
  if (existsSync(repoPath('dist-addin', 'taskpane.js')) && existsSync(repoPath('dist-addin', 'boot.js')))
    return;
  const r = spawnSync('npm', ['run', 'addin:build'], {
    cwd: repoPath(),
    encoding: 'utf8',
    env: { ...process.env, KPD_ADDIN_URL: '', KPD_ADDIN_OUT: '' },
  });
  if (r.status !== 0) throw new Error(`npm run addin:build failed: ${r.stdout}${r.stderr}`);
}

/** The build timeout of a test that may have to build the pane. */
export const BUILD_TIMEOUT_MS = 900_000;
