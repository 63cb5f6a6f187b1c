import { readFileSync } from 'node:fs';

/** The installed package's version (package.json beside src/ or dist/, as shipped in the release). */
export function version(): string {
  const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {
    version?: unknown;
  };
  return typeof pkg.version === 'string' ? pkg.version : '0.0.0';
}
