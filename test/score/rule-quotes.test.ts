import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { readXlsx } from '../../src/adapters/xlsx-read/index.js';
import { writeTemplate } from '../../src/adapters/exceljs/write-template.js';
import { DEFAULT_RULES, type RuleSet } from '../../src/core/rules/ruleset.js';
import { ruleSetToRows } from '../../src/core/rules/sheet.js';
import { MASTER } from '../../src/core/schema/master.js';
import { masterRows } from '../../scripts/examples/master.js';
import { runKpd } from '../helpers/cli.js';
import { REPO } from '../helpers/merge-world.js';
import { useTempDir } from '../helpers/tmp.js';

/**
 * Every number is a rule (DOMAIN §4): the sentences on the result sheets that quote a count are
 * filled from the 规则 sheet in force. Change the count, the sentence follows.
 */
const tmp = useTempDir('kpd-rule-quotes-');
let dir = '';

type Draft = { -readonly [K in keyof RuleSet]: { -readonly [P in keyof RuleSet[K]]: RuleSet[K][P] } };
const custom = structuredClone(DEFAULT_RULES) as Draft;
custom.ranking.praiseCount = 5;
custom.ranking.criticizeCount = 2;
custom.ranking.admonitionStreak = 3;
custom.ranking.organizationStreak = 4;
custom.rankedCategories = ['省重点'];
custom.appraisal.firstAction = '提醒谈话';
custom.appraisal.repeatCount = 3;
custom.schedule.firstReportDay = 10;
custom.schedule.topicCutoffWeekday = '星期一';
custom.schedule.topicCutoffTime = '16:00';

const ruleRows = (r: RuleSet) =>
  ruleSetToRows(r).map((x) =>
    Object.fromEntries(['group', 'code', 'name', 'value', 'note'].map((k, i) => [k, x[i] ?? null])),
  );
const text = async (file: string, sheet: string) =>
  readXlsx(await readFile(join(dir, file)))
    .workbook.sheets.find((s) => s.name === sheet)
    ?.rows.slice(0, 4)
    .flat()
    .join('') ?? '';

beforeAll(async () => {
  dir = tmp();
  await writeFile(join(dir, '默认.xlsx'), await writeTemplate(MASTER, { rows: masterRows() }));
  await writeFile(
    join(dir, '自定.xlsx'),
    await writeTemplate(MASTER, { rows: { ...masterRows(), rules: ruleRows(custom) } }),
  );
  for (const m of ['默认', '自定']) {
    const r = await runKpd(['score', `${m}.xlsx`, '--period', '2026Q3', '--out', `${m}-Q3.xlsx`], dir);
    if (r.code !== 0) throw new Error(r.err);
  }
}, 120_000);

describe('the sentences of the result sheets follow the 规则 sheet', () => {
  it('quotes the notice’s counts by default: 前三名, 后三名, 连续两次, 连续三次, 省重点、市重点', async () => {
    const t = await text('默认-Q3.xlsx', '单位考评排名');
    expect(t).toContain('承担省重点、市重点项目任务单位综合考评排名（2026年第3季度）');
    expect(t).toContain(
      '前三名通报表扬，后三名通报批评；连续两次倒数第一诫勉谈话，连续三次报请组织部门处理。',
    );
    const a = await text('默认-Q3.xlsx', '代办员考核结果');
    expect(a).toContain('基础分100分，分次扣分，各类别扣完为止，加分只补扣分、不超过该类满分。');
    expect(a).toContain(
      '季度测评“非常不满意”的，警告；连续两个季度“非常不满意”的，警告或诫勉谈话并书面检查。',
    );
  });

  it('quotes the counts of the rule set in force when the office changes them', async () => {
    const t = await text('自定-Q3.xlsx', '单位考评排名');
    expect(t).toContain('承担省重点项目任务单位综合考评排名');
    expect(t).toContain(
      '前五名通报表扬，后两名通报批评；连续三次倒数第一诫勉谈话，连续四次报请组织部门处理。',
    );
    const a = await text('自定-Q3.xlsx', '代办员考核结果');
    expect(a).toContain(
      '季度测评“非常不满意”的，提醒谈话；连续三个季度“非常不满意”的，警告或诫勉谈话并书面检查。',
    );
  });

  it('quotes the report days in the bulletin and the topic cut-off in the agenda', async () => {
    const m = await runKpd(
      [
        'merge',
        join(REPO, 'examples', 'reports', '2026-11-1'),
        '--master',
        '自定.xlsx',
        '--period',
        '2026-11-1',
        '--out',
        '通报.xlsx',
      ],
      dir,
    );
    expect(m.code, m.err).toBe(0);
    expect(await text('通报.xlsx', '报送情况')).toContain('（每月10日、25日，遇节假日提前）');
    const a = await runKpd(
      ['agenda', '--master', '自定.xlsx', '--meeting', '2026-11-14', '--out', '议程.xlsx'],
      dir,
    );
    expect(a.code, a.err).toBe(0);
    expect(await text('议程.xlsx', '议程')).toContain(
      '议题截止：2026年11月9日 16:00（每星期一16:00前，遇节假日提前到此前最后一个工作日',
    );
  });
});
