import { fileURLToPath } from 'node:url';
import { join } from 'node:path';

/** The repository root (tests may be run from any working directory). */
export const REPO_ROOT = fileURLToPath(new URL('../..', import.meta.url));

export const repoPath = (...parts: string[]): string => join(REPO_ROOT, ...parts);

/** The shared OOXML schema checker beside the repository (see ../shared/ooxml-schema/README.md). */
export const CHECK_OOXML = join(REPO_ROOT, '..', 'shared', 'ooxml-schema', 'check-ooxml');
