import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { describe, expect, it, vi } from 'vitest';
import { buildTemplates } from '../../src/cli/commands/templates.js';
import { writeTemplate } from '../../src/adapters/exceljs/write-template.js';
import { REPORT } from '../../src/core/schema/report.js';
import { buildExamples } from '../../scripts/make-examples.js';
import { itUnless, RANDOM_PARTS } from '../helpers/known-bugs.js';
import { repoPath } from '../helpers/paths.js';
import { differingParts } from '../helpers/xlsx.js';

/**
 * The committed templates/ and examples/ are generated, never edited by hand: each must hold
 * exactly what its generator writes now. When these fail after a schema or writer change,
 * regenerate and commit.
 */
const REGENERATE_TEMPLATES = 'run `node bin/kpd.js templates` (after `npm run build`) and commit templates/';
const REGENERATE_EXAMPLES = 'run `npx tsx scripts/make-examples.ts` and commit examples/';

/** An .eml split into its text and its base64 attachment (the xlsx), as the example writer makes it. */
function splitEml(bytes: Uint8Array): { text: string; attachment: Uint8Array } {
  const text = Buffer.from(bytes).toString('latin1');
  const m = /Content-Disposition: attachment;[^\r\n]*\r\n\r\n([A-Za-z0-9+/=\r\n]+?)\r\n--/u.exec(text);
  if (!m?.[1]) throw new Error('no attachment in the .eml');
  return {
    text: text.replace(m[1], '<attachment>'),
    attachment: new Uint8Array(Buffer.from(m[1].replace(/\r\n/gu, ''), 'base64')),
  };
}

describe('templates/ is what `kpd templates` writes', async () => {
  const built = await buildTemplates();

  for (const t of built) {
    // A template with random parts (RANDOM_PARTS) can never match its committed copy.
    itUnless(RANDOM_PARTS.has(t.fileName))(`templates/${t.fileName}`, async () => {
      const file = repoPath('templates', t.fileName);
      expect(existsSync(file), `templates/${t.fileName} is missing: ${REGENERATE_TEMPLATES}`).toBe(true);
      const committed = new Uint8Array(await readFile(file));
      expect(
        differingParts(t.bytes, committed),
        `templates/${t.fileName} is out of date: ${REGENERATE_TEMPLATES}`,
      ).toEqual([]);
    });
  }
});

describe('examples/ is what scripts/make-examples.ts writes', async () => {
  const built = await buildExamples();

  it('writes the example 总台账, reports and topics', () => {
    expect(built.map((f) => f.path)).toContain('examples/总台账.xlsx');
    expect(
      built.filter((f) => f.path.startsWith('examples/reports/2026-11-1/')).length,
    ).toBeGreaterThanOrEqual(5);
    expect(built.some((f) => f.path.endsWith('.eml'))).toBe(true);
  });

  it.each(built.filter((f) => f.path.endsWith('.xlsx')).map((f) => [f.path, f] as const))(
    '%s',
    async (path, f) => {
      const file = repoPath(path);
      expect(existsSync(file), `${path} is missing: ${REGENERATE_EXAMPLES}`).toBe(true);
      expect(
        differingParts(f.bytes, new Uint8Array(await readFile(file))),
        `${path} is out of date: ${REGENERATE_EXAMPLES}`,
      ).toEqual([]);
    },
  );

  const emls = built.filter((f) => f.path.endsWith('.eml')).map((f) => [f.path, f] as const);

  it.each(emls)('%s: same message and same workbook inside', async (path, f) => {
    const committed = splitEml(new Uint8Array(await readFile(repoPath(path))));
    const fresh = splitEml(f.bytes);
    expect(fresh.text, `${path} is out of date: ${REGENERATE_EXAMPLES}`).toBe(committed.text);
    expect(
      differingParts(fresh.attachment, committed.attachment),
      `${path} attachment is out of date: ${REGENERATE_EXAMPLES}`,
    ).toEqual([]);
  });

  // Regression (was a bug, fixed): src/adapters/exceljs/write-template.ts writeTemplate stamps every ZIP entry with the
  // wall-clock time (exceljs's zip writer), although `created` is fixed "so the same input gives
  // the same file". The workbook inside the committed .eml therefore never matches byte for byte.
  // Expected: the .eml bytes equal the committed file; actual: the base64 attachment differs.
  it.each(emls)('%s: byte for byte', async (path, f) => {
    expect(
      Buffer.compare(Buffer.from(f.bytes), await readFile(repoPath(path))),
      `${path}: ${REGENERATE_EXAMPLES}`,
    ).toBe(0);
  });
});

describe('writeTemplate is deterministic', async () => {
  // Regression (was a bug, fixed): same as above. writeTemplate(REPORT) at two different clock times gives different
  // bytes (the ZIP entries' DOS date/time); expected identical bytes (STYLE.md: determinism).
  it('gives the same bytes for the same input at another time of day', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    try {
      vi.setSystemTime(new Date('2026-11-12T08:00:00Z'));
      const morning = await writeTemplate(REPORT);
      vi.setSystemTime(new Date('2026-11-13T15:31:07Z'));
      const afternoon = await writeTemplate(REPORT);
      expect(Buffer.compare(Buffer.from(morning), Buffer.from(afternoon))).toBe(0);
    } finally {
      vi.useRealTimers();
    }
  });

  it('gives the same parts for the same input', async () => {
    expect(differingParts(await writeTemplate(REPORT), await writeTemplate(REPORT))).toEqual([]);
  });

  for (const fileName of (await buildTemplates()).map((t) => t.fileName)) {
    // RANDOM_PARTS: see test/helpers/known-bugs.ts (random GUIDs of exceljs data bars).
    itUnless(RANDOM_PARTS.has(fileName))(`gives the same parts each time for ${fileName}`, async () => {
      const [a, b] = await Promise.all([buildTemplates(), buildTemplates()]);
      const one = a.find((t) => t.fileName === fileName);
      const two = b.find((t) => t.fileName === fileName);
      expect(differingParts(one?.bytes ?? new Uint8Array(), two?.bytes ?? new Uint8Array())).toEqual([]);
    });
  }
});
