import { describe, expect, it } from 'vitest';
import { groupFindings } from '../../../src/core/bulletin/findings.js';
import { rejectedRow, type RejectedRow } from '../../../src/core/bulletin/model.js';
import { issue } from '../../../src/core/issues/issue.js';
import { fileName } from '../../../src/core/values/file-name.js';

const FIRST = 'D:/收件/2026-11-1/新能源汽车零部件指挥部-进展.xlsx';
const CORRECTION = '新能源汽车零部件指挥部-进展（更正）.xlsx';

/** A replaced report as the merge notes it: one finding per row of each sheet. */
const replaced: RejectedRow[] = [
  ...[5, 6, 7].map((row) =>
    rejectedRow(
      FIRST,
      issue('merge.replaced', { sheet: '进展情况', row, column: 1 }, { by: CORRECTION }),
      true,
      'zh',
    ),
  ),
  ...Array.from({ length: 22 }, (_, i) =>
    rejectedRow(
      FIRST,
      issue('merge.replaced', { sheet: '一线工作', row: i + 3, column: 1 }, { by: CORRECTION }),
      true,
      'zh',
    ),
  ),
];

describe('groupFindings: the printed 数据问题', () => {
  it('says a replaced report once: 整份 25 行：已被更正件替换', () => {
    const lines = groupFindings(replaced);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({
      file: '新能源汽车零部件指挥部-进展.xlsx',
      sheet: '进展情况、一线工作',
      cell: null,
      count: 25,
      rejected: true,
    });
    expect(lines[0]?.message).toBe(
      `整份 25 行：已被更正件「${CORRECTION}」替换（同一指挥部同一报告期以最后收到的为准），均未并入。`,
    );
    expect(groupFindings(replaced, 'en')[0]?.message).toMatch(/^All 25 rows: replaced by the correction/u);
  });

  it('keeps different findings apart, in the order of their first row, and names files without folders', () => {
    const other = rejectedRow(
      'C:\\报表\\文旅康养小镇指挥部.xlsx',
      issue('ref.project', { sheet: '进展情况', row: 10, column: 1 }, { value: 'AY-2026-099' }),
      true,
      'zh',
    );
    const lines = groupFindings([other, ...replaced]);
    expect(lines.map((l) => [l.file, l.code, l.count])).toEqual([
      ['文旅康养小镇指挥部.xlsx', 'ref.project', 1],
      ['新能源汽车零部件指挥部-进展.xlsx', 'merge.replaced', 25],
    ]);
    // A single finding is printed as it was found.
    expect(lines[0]).toMatchObject({ sheet: '进展情况', cell: 'A10', message: other.message });
  });

  it('says the same finding on many cells once, with where it is', () => {
    const text = Array.from({ length: 7 }, (_, i) =>
      rejectedRow(
        'a.xlsx',
        issue(
          'cell.numberAsText',
          { sheet: '进展情况', row: 5 + i, column: 4 },
          { header: '本期完成投资', value: '1' },
        ),
        false,
        'zh',
      ),
    );
    const [line, ...rest] = groupFindings(text);
    expect(rest).toHaveLength(0);
    expect(line?.count).toBe(7);
    expect(line?.message).toBe(`${text[0]?.message}（同样的问题共 7 处：D5、D6、D7、D8、D9 等）`);
  });

  it('never loses a finding: the counts add up to the rows found', () => {
    const all = [...replaced, ...replaced.slice(0, 3).map((r) => ({ ...r, file: 'b.xlsx' }))];
    expect(groupFindings(all).reduce((a, l) => a + l.count, 0)).toBe(all.length);
  });
});

describe('fileName', () => {
  it('keeps the file name, and the container of a file inside an e-mail or archive', () => {
    expect(fileName('examples/reports/2026-11-1/a.xlsx')).toBe('a.xlsx');
    expect(fileName('D:\\收件\\a.eml › 附件/b.xlsx')).toBe('a.eml › b.xlsx');
    expect(fileName('a.xlsx')).toBe('a.xlsx');
  });
});
