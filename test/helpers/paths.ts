import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { existsSync } from 'node:fs';

/** The repository root (tests may be run from any working directory). */
export const REPO_ROOT = fileURLToPath(new URL('../..', import.meta.url));

export const repoPath = (...parts: string[]): string => join(REPO_ROOT, ...parts);

/**
 * The OOXML schema checker: the shared one beside the repository (../shared/ooxml-schema), or
 * the copy in tools/ooxml-schema (same script and ECMA-376 schemas, kept so a clone checked out
 * anywhere still checks every workbook it writes).
 */
const SHARED_CHECK_OOXML = join(REPO_ROOT, '..', 'shared', 'ooxml-schema', 'check-ooxml');
export const CHECK_OOXML = existsSync(SHARED_CHECK_OOXML)
  ? SHARED_CHECK_OOXML
  : join(REPO_ROOT, 'tools', 'ooxml-schema', 'check-ooxml');

/** The Office add-in manifest schema (offline validation with xmllint), shared or the copy in tools/. */
const SHARED_MANIFEST_XSD = join(
  REPO_ROOT,
  '..',
  'shared',
  'office-manifest-xsd',
  'OfficeAppManifestV1_1.xsd',
);
export const MANIFEST_XSD = existsSync(SHARED_MANIFEST_XSD)
  ? SHARED_MANIFEST_XSD
  : join(REPO_ROOT, 'tools', 'office-manifest-xsd', 'OfficeAppManifestV1_1.xsd');
