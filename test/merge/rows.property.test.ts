import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { HandCell } from '../helpers/merge-xlsx.js';
import { reportXlsx } from '../helpers/merge-xlsx.js';
import { progressById, readBulletin } from '../helpers/merge-bulletin.js';
import { HQ, merge, planOf, PROJECTS, projectsOf, scenario } from '../helpers/merge-world.js';
import { useTempDir } from '../helpers/tmp.js';

/**
 * DOMAIN §3: "every row of every file is either in the bulletin or in its list of rejected rows".
 * Random mixes of good and bad rows in random files (resubmissions, other periods, unknown HQs,
 * files that are not workbooks); an independent oracle says which rows must be merged.
 */
const tmp = useTempDir('kpd-merge-rows-');

const PROGRESS_KINDS = [
  'good',
  'good',
  'unknownProject',
  'currentOverCumulative',
  'blankCumulative',
  'textInNumber',
  'negative',
  'otherHq',
  'duplicate',
] as const;
const VISIT_KINDS = ['good', 'good', 'badRole', 'badDate', 'blankName'] as const;
const UNKNOWN_HQ = '未登记的指挥部';

const fileArb = fc.record({
  kind: fc.constantFrom('report', 'report', 'report', 'notZip'),
  hq: fc.constantFrom(HQ.a, HQ.b, HQ.c, UNKNOWN_HQ),
  otherPeriod: fc.constantFrom(false, false, false, true),
  day: fc.integer({ min: 9, max: 12 }),
  progress: fc.array(fc.constantFrom(...PROGRESS_KINDS), { maxLength: 6 }),
  visits: fc.array(fc.constantFrom(...VISIT_KINDS), { maxLength: 4 }),
});
type FileGen = typeof fileArb extends fc.Arbitrary<infer T> ? T : never;

interface Built {
  readonly rows: { progress: HandCell[][]; visits: HandCell[][] };
  /** Projects of the rows that must be merged if this file is taken, with their cumulative. */
  readonly goodProjects: Map<string, number>;
  readonly goodVisits: number;
}

/** The rows of one report, and which of them are good: decided here, not by the code under test. */
function build(f: FileGen, n: number): Built {
  const known = f.hq !== UNKNOWN_HQ;
  const own = known ? projectsOf(f.hq) : [];
  const others = PROJECTS.map((p) => p.projectId).filter((id) => !own.includes(id));
  const used = new Set<string>();
  let unk = 0;
  const fresh = (): string => `ZZ-${n}-${unk++}`;
  const nextOwn = (): string | undefined => own.find((id) => !used.has(id));
  const goodProjects = new Map<string, number>();
  const progress: HandCell[][] = f.progress.map((kind) => {
    const id = known ? nextOwn() : undefined;
    switch (kind) {
      case 'good':
        if (id === undefined) return [fresh(), 1, 2, '', ''];
        used.add(id);
        goodProjects.set(id, planOf(id) / 2);
        return [id, 10, planOf(id) / 2, '施工中', ''];
      case 'currentOverCumulative':
        if (id !== undefined) used.add(id); // the reader has seen it: a later row of it is a duplicate
        return [id ?? fresh(), 900, 100, '', ''];
      case 'blankCumulative':
        return [id ?? fresh(), 1, null, '漏填', ''];
      case 'textInNumber':
        return [id ?? fresh(), '一百', 100, '', ''];
      case 'negative':
        return [id ?? fresh(), -5, 100, '', ''];
      case 'otherHq': {
        const other = known ? others.find((o) => !used.has(o)) : undefined;
        if (other !== undefined) used.add(other);
        return [other ?? fresh(), 1, 2, '', ''];
      }
      case 'duplicate': {
        const first = known ? [...used][0] : undefined;
        return [first ?? fresh(), 1, 2, '重复', ''];
      }
      case 'unknownProject':
        return [fresh(), 1, 2, '', ''];
    }
  });
  let goodVisits = 0;
  const visits: HandCell[][] = f.visits.map((kind, i) => {
    const date = `2026-11-0${2 + (i % 8)}`;
    switch (kind) {
      case 'good':
        goodVisits++;
        return [date, `人员${i}`, i % 2 === 0 ? '指挥长' : '成员', '', '现场办公'];
      case 'badRole':
        return [date, `人员${i}`, '副指挥长', '', '现场办公'];
      case 'badDate':
        return ['下周三', `人员${i}`, '成员', '', '现场办公'];
      case 'blankName':
        return [date, null, '成员', '', '现场办公'];
    }
  });
  return { rows: { progress, visits }, goodProjects, goodVisits };
}

describe('kpd merge: rows in = merged + rejected', () => {
  it('holds for random mixes of good and bad rows and files, with the merged rows exactly the good rows of the reports taken', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fileArb, { minLength: 1, maxLength: 5 }), async (files) => {
        const dir = await scenario(tmp(), 'run');
        await mkdir(join(dir, 'in'));
        let rowsIn = 0;
        const taken = new Map<string, { name: string; day: number; built: Built }>();
        for (const [i, f] of files.entries()) {
          const name = `f${i}.xlsx`;
          if (f.kind === 'notZip') {
            await writeFile(join(dir, 'in', name), '这不是工作簿');
            continue;
          }
          const built = build(f, i);
          rowsIn += built.rows.progress.length + built.rows.visits.length;
          const fields = {
            填报单位: f.hq,
            报告期: f.otherPeriod ? '2026年11月' : '2026年11月上半月',
            填报日期: `2026-11-${String(f.day).padStart(2, '0')}`,
            指挥长签字: '签',
          };
          await writeFile(
            join(dir, 'in', name),
            reportXlsx({ fields, progress: built.rows.progress, visits: built.rows.visits }),
          );
          if (f.hq === UNKNOWN_HQ || f.otherPeriod) continue;
          const prev = taken.get(f.hq);
          // The latest 填报日期 wins; the same day, the later file name (names sort as written).
          if (!prev || f.day >= prev.day) taken.set(f.hq, { name, day: f.day, built });
        }
        const merged = [...taken.values()].reduce(
          (n, t) => n + t.built.goodProjects.size + t.built.goodVisits,
          0,
        );
        const { json, bulletin } = await merge(dir, ['in']);

        expect(json.rows.in).toBe(json.rows.merged + json.rows.rejected);
        expect(json.rows).toEqual({ in: rowsIn, merged, rejected: rowsIn - merged });
        expect(json.rejected.length).toBeGreaterThanOrEqual(json.rows.rejected);
        const reported = new Map(
          [...progressById(readBulletin(bulletin))]
            .filter(([, r]) => r['状态'] !== '未报' && r['状态'] !== '有误')
            .map(([id, r]) => [id, r['年度累计完成投资（万元）']]),
        );
        const expected = new Map([...taken.values()].flatMap((t) => [...t.built.goodProjects]));
        expect(reported).toEqual(expected);
        expect(
          json.submissions
            .filter((s) => !s.replaced)
            .map((s) => s.file)
            .sort(),
        ).toEqual([...taken.values()].map((t) => join('in', t.name)).sort());
      }),
      { seed: 20_261_101, numRuns: 14, endOnFailure: true },
    );
  }, 120_000);
});
