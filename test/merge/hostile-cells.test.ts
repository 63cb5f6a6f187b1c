import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { dateCell } from '../../src/core/values/grid.js';
import { isoDateToSerial } from '../../src/core/values/dates.js';
import {
  cellHolding,
  progressById,
  readBulletin,
  sheetPartXml,
  worksheetParts,
  type Bulletin,
} from '../helpers/merge-bulletin.js';
import { PROGRESS_HEADERS, reportXlsx } from '../helpers/merge-xlsx.js';
import { HQ, merge, PERIOD_LABEL, scenario, type MergeRun } from '../helpers/merge-world.js';
import { useTempDir } from '../helpers/tmp.js';

/**
 * Hostile and odd cells: headers named like Object's own keys, text that a spreadsheet would
 * take as a formula, numbers stored as text, dates in the 1904 system, control characters,
 * over-long text, a project reported twice. The bulletin writes every text as text.
 */
const tmp = useTempDir('kpd-merge-hostile-cells-');
const fields = (hq: string) => ({
  填报单位: hq,
  报告期: PERIOD_LABEL,
  填报日期: '2026-11-11',
  指挥长签字: '签',
  ['__proto__']: 'x',
  constructor: 'y',
});
const FORMULAS = ['=HYPERLINK("http://evil.example","点我")', '+1+2', '-3', '@SUM(A1:A9)', '=1+1'];
const LONG = '长'.repeat(40_000);
const day = (iso: string) => dateCell(isoDateToSerial(iso));

let run: MergeRun;
let b: Bulletin;

beforeAll(async () => {
  const dir = await scenario(tmp(), 'cells');
  await writeFile(
    join(dir, '=1+2.xlsx'),
    reportXlsx({
      fields: fields(HQ.a),
      progressHeaders: [...PROGRESS_HEADERS, '__proto__', 'constructor', 'prototype'],
      progress: [
        [
          'AY-2026-101',
          '１２０.５',
          '10,500.00',
          FORMULAS[0] ?? '',
          FORMULAS[1] ?? '',
          '{"polluted":1}',
          'x',
          'y',
        ],
        ['AY-2026-102', ' 300 ', '6000', FORMULAS[2] ?? '', FORMULAS[3] ?? '', 'a', 'b', 'c'],
        ['AY-2026-103', 200, 3_400, { formula: 'CONCATENATE("=","1+1")', cached: '=1+1' }, LONG],
        ['__proto__', 1, 2, '进度\u0007正常', ''],
      ],
      visits: [
        ['2026-11-03', '__proto__', '成员', '', '现场'],
        ['2026-11-04', "=cmd|' /C calc'!A0", '成员', '', '现场'],
      ],
    }),
  );
  await writeFile(
    join(dir, 'b-1904.xlsx'),
    reportXlsx({
      date1904: true,
      fields: { ...fields(HQ.b), 填报日期: day('2026-11-12') },
      progress: [['AY-2026-104', 10, 5_400, '进度\u0001控制符', '']],
      visits: [
        [day('2026-11-03'), '赵三', '指挥长', '', '现场'],
        [day('2026-11-08'), '赵三', '指挥长', '', '现场'],
      ],
    }),
  );
  await writeFile(
    join(dir, 'c.xlsx'),
    reportXlsx({
      fields: fields(HQ.c),
      progress: [
        ['AY-2026-106', 10, 500, '', ''],
        ['AY-2026-101', 1, 9_999, '抄报', ''],
      ],
    }),
  );
  await writeFile(
    join(dir, 'proto.xlsx'),
    reportXlsx({ fields: fields('__proto__'), progress: [['constructor', 1, 2, '', '']] }),
  );
  run = await merge(dir, ['=1+2.xlsx', 'b-1904.xlsx', 'c.xlsx', 'proto.xlsx']);
  b = readBulletin(run.bulletin);
});

describe('kpd merge: hostile cells', () => {
  it('survives headers and names like __proto__ without touching Object.prototype', () => {
    expect(run.code).toBe(0);
    expect(Object.getOwnPropertyNames(Object.prototype)).not.toContain('polluted');
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
    expect(run.json.submissions.map((s) => [s.hq, s.file])).toEqual([
      [HQ.a, '=1+2.xlsx'],
      [HQ.b, 'b-1904.xlsx'],
      [HQ.c, 'c.xlsx'],
    ]);
    // Two more label rows (__proto__, constructor) above the header: data from row 9.
    expect(run.json.rejected.map((r) => [r.file, r.cell, r.code])).toEqual([
      ['proto.xlsx', 'A9', 'merge.fileNotMerged'],
      ['=1+2.xlsx', 'A12', 'ref.project'],
      ['c.xlsx', 'A10', 'report.otherHq'],
    ]);
    expect(b.tables.一线工作.map((r) => r['姓名'])).toContain('__proto__');
  });

  it('reads numbers stored as text (full-width, thousands separators, spaces) as numbers', () => {
    const rows = progressById(b);
    expect(
      ['AY-2026-101', 'AY-2026-102'].map((id) => [
        rows.get(id)?.['本期完成投资（万元）'],
        rows.get(id)?.['年度累计完成投资（万元）'],
      ]),
    ).toEqual([
      [120.5, 10_500],
      [300, 6_000],
    ]);
    expect(rows.get('AY-2026-101')?.['完成率']).toBe(0.875);
  });

  it('keeps the first report of a project reported twice (by another HQ), listing the second', () => {
    expect(progressById(b).get('AY-2026-101')?.['年度累计完成投资（万元）']).toBe(10_500);
    expect(run.json.rejected[2]?.message).toBe(
      '项目「AY-2026-101」在项目登记中属于「A区产业园指挥部」，不属于本指挥部「水利枢纽指挥部」，本行未采用。',
    );
  });

  it('reads dates of the 1904 system as the same days', () => {
    expect(run.json.submissions[1]).toMatchObject({
      receivedAt: '2026-11-12',
      timeSource: '填报日期',
      late: false,
    });
    const zhao = b.tables.一线工作.find(
      (r) => r['姓名'] === '赵三' && r['周'] === '2026-11-02 至 2026-11-08',
    );
    expect([zhao?.['周'], zhao?.['现场办公次数'], zhao?.['是否达标']]).toEqual([
      '2026-11-02 至 2026-11-08',
      2,
      '达标',
    ]);
  });

  it('writes text that looks like a formula as text: an inline string, never an <f> element', () => {
    const xml = sheetPartXml(run.bulletin, '项目进展');
    for (const text of FORMULAS) {
      const cell = cellHolding(xml, text);
      expect(cell, text).toMatch(
        /^<c r="[A-Z]+\d+"( s="\d+")? t="inlineStr"><is><t( xml:space="preserve")?>/u,
      );
    }
    for (const [part, sheet] of Object.entries(worksheetParts(run.bulletin)))
      expect(sheet, part).not.toMatch(/<f[\s>]/u);
    expect(cellHolding(sheetPartXml(run.bulletin, '报送情况'), '=1+2.xlsx')).toMatch(/t="inlineStr"/u);
    expect(cellHolding(sheetPartXml(run.bulletin, '一线工作'), "=cmd|' /C calc'!A0")).toMatch(
      /t="inlineStr"/u,
    );
    const rows = progressById(b);
    expect([
      rows.get('AY-2026-101')?.['形象进度'],
      rows.get('AY-2026-101')?.['存在问题及需协调事项'],
    ]).toEqual([FORMULAS[0], FORMULAS[1]]);
    expect(rows.get('AY-2026-103')?.['形象进度']).toBe('=1+1');
  });

  it('escapes control characters and cuts text at Excel’s 32,767 characters', () => {
    const xml = sheetPartXml(run.bulletin, '项目进展');
    expect(xml).toContain('进度_x0001_控制符');
    // eslint-disable-next-line no-control-regex -- the raw character must not reach the XML
    expect(xml).not.toMatch(/[\u0001\u0007]/u);
    expect(progressById(b).get('AY-2026-104')?.['形象进度']).toBe('进度\u0001控制符');
    expect(String(progressById(b).get('AY-2026-103')?.['存在问题及需协调事项']).length).toBe(32_767);
  });
});
