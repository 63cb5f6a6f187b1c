import { existsSync } from 'node:fs';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import * as prettier from 'prettier';
import { beforeAll, describe, expect, it } from 'vitest';
import { readXlsx } from '../../src/adapters/xlsx-read/index.js';
import { runKpd } from '../helpers/cli.js';
import { bulletinContent, progressById, readBulletin, type Bulletin } from '../helpers/merge-bulletin.js';
import { REPO, type MergeJson } from '../helpers/merge-world.js';
import { repoPath } from '../helpers/paths.js';
import { useTempDir } from '../helpers/tmp.js';

/**
 * The golden bulletin of the example county, period 2026-11-1: every sheet's cell values read
 * back with our reader, and the --json output. Written when missing or with UPDATE_GOLDEN=1;
 * otherwise compared. A change here is reviewed like a change to the bulletin itself.
 */
const GOLDEN = repoPath('test', 'golden', 'bulletin-2026-11-1.json');
const HINT =
  'The bulletin of the example period differs from test/golden/bulletin-2026-11-1.json. Review the diff as a ' +
  'clerk would; if the new bulletin is right, run `UPDATE_GOLDEN=1 npx vitest run test/golden` and commit the file.';
const tmp = useTempDir('kpd-golden-');

/** The golden file's text, formatted as the repository formats JSON (so `prettier --check` passes). */
async function goldenText(v: unknown): Promise<string> {
  const options = (await prettier.resolveConfig(GOLDEN)) ?? {};
  return prettier.format(JSON.stringify(v), { ...options, parser: 'json' });
}

let json: MergeJson;
let bulletin: Bulletin;
let actual: { json: MergeJson; sheets: ReturnType<typeof bulletinContent> };

beforeAll(async () => {
  const out = join(await mkdtemp(join(tmp(), 'b-')), '通报.xlsx');
  const r = await runKpd(
    [
      'merge',
      'examples/reports/2026-11-1',
      '--master',
      'examples/总台账.xlsx',
      '--period',
      '2026-11-1',
      '--out',
      out,
      '--json',
    ],
    REPO,
  );
  if (r.code !== 0) throw new Error(r.err);
  json = JSON.parse(r.out) as MergeJson;
  const bytes = await readFile(out);
  bulletin = readBulletin(bytes);
  actual = { json, sheets: bulletinContent(readXlsx(bytes).workbook) };
});

describe('the golden bulletin of 2026-11-1', () => {
  it('matches test/golden/bulletin-2026-11-1.json', async () => {
    if (process.env['UPDATE_GOLDEN'] === '1' || !existsSync(GOLDEN)) {
      await writeFile(GOLDEN, await goldenText(actual));
      console.warn(`golden bulletin written: ${GOLDEN} — review it before committing`);
    }
    const golden = JSON.parse(await readFile(GOLDEN, 'utf8')) as unknown;
    expect(actual, HINT).toEqual(golden);
  });
});

describe('the golden bulletin, as the clerk checks it', () => {
  const sub = (hq: string) => json.submissions.filter((s) => s.hq === hq);

  it('has 现代物流园指挥部 late by the e-mail time, 2026-11-13 09:12:31', () => {
    expect(sub('现代物流园指挥部').map((s) => [s.receivedAt, s.timeSource, s.late])).toEqual([
      ['2026-11-13 09:12:31', '邮件时间', true],
    ]);
    expect(json.late).toEqual(['现代物流园指挥部']);
    const row = bulletin.tables.报送情况.find((r) => r['指挥部'] === '现代物流园指挥部');
    expect([row?.['报送状态'], row?.['说明']]).toEqual(['迟报', '晚于报送截止 2026-11-12，通报批评']);
  });

  it('has 水系连通工程指挥部 missing and 城区棚户区改造指挥部 unsigned', () => {
    expect([json.missing, json.unsigned]).toEqual([['水系连通工程指挥部'], ['城区棚户区改造指挥部']]);
    expect(progressById(bulletin).get('AY-2026-020')?.['状态']).toBe('未报');
  });

  it('replaces 新能源汽车零部件指挥部’s first report by the （更正） one', () => {
    expect(sub('新能源汽车零部件指挥部').map((s) => [s.file.split('/').pop(), s.replaced])).toEqual([
      ['新能源汽车零部件指挥部-2026年11月上半月进展.xlsx', true],
      ['新能源汽车零部件指挥部-2026年11月上半月进展（更正）.xlsx', false],
    ]);
    // The first file left 本期 of AY-2026-017 blank; the correction has it.
    expect(typeof progressById(bulletin).get('AY-2026-017')?.['本期完成投资（万元）']).toBe('number');
  });

  it('rejects AY-2026-099 as not registered and the second AY-2026-023 row as a duplicate', () => {
    const rejected = json.rejected
      .filter((r) => r.code !== 'merge.replaced')
      .map((r) => [r.file.split('/').pop(), r.cell, r.code]);
    expect(rejected).toEqual([
      ['农产品加工园指挥部-2026年11月上半月进展.xlsx', 'A10', 'report.duplicateProject'],
      ['文旅康养小镇指挥部-2026年11月上半月进展.xlsx', 'D7', 'report.currentExceedsCumulative'],
      ['文旅康养小镇指挥部-2026年11月上半月进展.xlsx', 'A10', 'ref.project'],
      ['文旅康养小镇指挥部-2026年11月上半月进展.xlsx', 'C8', 'cell.enum'],
    ]);
    expect(json.rejected.find((r) => r.code === 'ref.project')?.message).toContain('AY-2026-099');
    expect(json.rows.in).toBe(json.rows.merged + json.rows.rejected);
  });
});
