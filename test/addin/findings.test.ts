import { describe, expect, it } from 'vitest';
import { groupedRejections, linesPage, PAGE_LINES } from '../../src/addin/findings.js';
import type { RejectedRow } from '../../src/core/bulletin/model.js';
import { exampleBulletin } from '../helpers/example-bulletin.js';

/** The pane's findings: a replaced file said once, other repeats grouped, long lists paged. */
describe('findings in the pane', () => {
  it('says a file a correction replaced in one line, with how many rows and by which file', async () => {
    const { bulletin } = await exampleBulletin();
    const rejected = bulletin.problems.filter((p) => p.rejected);
    const replacedRows = rejected.filter((p) => p.code === 'merge.replaced');
    // The example has a corrected resubmission: many rows of one file, one reason.
    expect(replacedRows.length).toBeGreaterThan(1);
    const lines = groupedRejections(rejected, bulletin.submissions);
    const first = replacedRows[0] as RejectedRow;
    const by = bulletin.submissions.find((s) => s.file === first.file)?.replacedBy;
    expect(lines.filter((l) => l.includes(first.file))).toEqual([
      `未并入　${first.file}：整份 ${replacedRows.length} 行，已被更正件「${by}」替换（同一指挥部同一报告期以最后收到的为准）。`,
    ]);
    expect(groupedRejections(rejected, bulletin.submissions, 'en').join('\n')).toContain(
      `all ${replacedRows.length} rows; replaced by the correction`,
    );
  });

  it('groups other repeats of one file by finding, sheet by sheet, and keeps single rows as they were', () => {
    const row = (file: string, sheet: string, r: number, code: string, message: string): RejectedRow => ({
      file,
      sheet,
      cell: `A${r}`,
      row: r,
      code,
      message,
      severity: 'error',
      rejected: true,
    });
    const rows = [
      row('甲.xlsx', '进展情况', 5, 'merge.otherPeriod', '不是本期的报表'),
      row('甲.xlsx', '进展情况', 6, 'merge.otherPeriod', '不是本期的报表'),
      row('甲.xlsx', '一线工作', 7, 'merge.otherPeriod', '不是本期的报表'),
      row('乙.xlsx', '进展情况', 9, 'cell.integer', '应为整数'),
    ];
    expect(groupedRejections(rows, [])).toEqual([
      '未并入　甲.xlsx　「进展情况」第 5–6 行、「一线工作」第 7 行（共 3 行）：不是本期的报表',
      '未并入　乙.xlsx　进展情况!A9　应为整数',
    ]);
  });

  it('shows a page at a time and says how many there are in all', () => {
    const lines = Array.from({ length: 450 }, (_, i) => `第 ${i + 1} 条`);
    const first = linesPage(lines, PAGE_LINES);
    expect(first.shown).toHaveLength(200);
    expect(first.note).toBe('共 450 条，显示前 200 条。');
    expect(first.more).toBe(200);
    const second = linesPage(lines, 2 * PAGE_LINES);
    expect(second.more).toBe(50);
    const all = linesPage(lines, 3 * PAGE_LINES);
    expect(all).toEqual({ shown: lines, note: '', more: 0 });
    expect(linesPage(lines, PAGE_LINES, 'zh', '数据问题').note).toBe(
      '共 450 条，显示前 200 条，全部见「数据问题」表。',
    );
  });
});
