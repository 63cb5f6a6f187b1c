import { compareCodePoints } from './collate.js';

/**
 * Things read from files, in the order of their display paths: code points (collate.ts), the
 * same on every machine and in every browser — the same inputs give the same bulletin.
 */
export const byFile = <T extends { readonly file: string }>(a: T, b: T): number =>
  compareCodePoints(a.file, b.file);
