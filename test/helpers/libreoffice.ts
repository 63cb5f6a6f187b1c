import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const LIBREOFFICE_TOOLS = ['soffice'] as const;

/** A first conversion creates the fresh profile: slow on a busy 2-core machine. */
export const LIBREOFFICE_TIMEOUT_MS = 120_000;

/**
 * `soffice --headless --convert-to FORMAT --outdir DIR files…` with a fresh user profile, so a
 * developer's own LibreOffice settings (or a running instance) cannot change the result.
 * @example convertWithLibreOffice(['a.xlsx'], 'pdf', outDir)
 */
export function convertWithLibreOffice(
  files: readonly string[],
  format: string,
  outDir: string,
  /** Many files in one run (a corpus) need longer than one. */
  timeoutMs = 100_000,
): string {
  const profile = join(tmpdir(), `lo-${randomBytes(6).toString('hex')}`);
  try {
    const r = spawnSync(
      'soffice',
      [
        `-env:UserInstallation=file://${profile}`,
        '--headless',
        '--convert-to',
        format,
        '--outdir',
        outDir,
        ...files,
      ],
      { encoding: 'utf8', timeout: timeoutMs },
    );
    if (r.error) throw r.error;
    if (r.status !== 0) throw new Error(`soffice exited with ${r.status}: ${r.stderr}`);
    return r.stdout;
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
}

/** The text of a PDF as pdftotext extracts it. */
export function pdfText(pdf: string): string {
  const r = spawnSync('pdftotext', ['-enc', 'UTF-8', pdf, '-'], { encoding: 'utf8', timeout: 60_000 });
  if (r.error) throw r.error;
  if (r.status !== 0) throw new Error(`pdftotext exited with ${r.status}: ${r.stderr}`);
  return r.stdout;
}
