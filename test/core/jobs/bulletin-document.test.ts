import { beforeAll, describe, expect, it } from 'vitest';
import type { Bulletin } from '../../../src/core/bulletin/index.js';
import type { DocBlock, OfficialDocument } from '../../../src/core/document/model.js';
import { bulletinDocument } from '../../../src/core/jobs/bulletin-document.js';
import type { MasterData } from '../../../src/core/master/types.js';
import { DEFAULT_RULES } from '../../../src/core/rules/ruleset.js';
import { exampleBulletin } from '../../helpers/example-bulletin.js';

/**
 * The 通报 as a 公文, written from the example county's figures of 2026-11-1 (第21期): what the
 * text says, who it names, and that its charts show the numbers of its tables.
 */
let bulletin: Bulletin;
let master: MasterData;
let doc: OfficialDocument;
let text: string;

const paragraphs = (d: OfficialDocument): string[] =>
  d.body.flatMap((b) => (b.kind === 'paragraph' ? [`${b.lead ?? ''}${b.text}`] : []));
const tables = (d: OfficialDocument) =>
  d.body.filter((b): b is Extract<DocBlock, { kind: 'table' }> => b.kind === 'table');
const charts = (d: OfficialDocument) =>
  d.body.filter((b): b is Extract<DocBlock, { kind: 'chart' }> => b.kind === 'chart');

beforeAll(async () => {
  ({ bulletin, master } = await exampleBulletin());
  doc = bulletinDocument({ bulletin, rules: master.rules }).result;
  text = paragraphs(doc).join('\n');
}, 60_000);

describe('the bulletin as a 公文', () => {
  it('has the masthead, title and 主送 of a 简报-form 通报', () => {
    expect(doc.masthead).toEqual({
      name: '重点项目情况通报',
      issue: '第21期',
      office: '发展改革局重点项目办公室',
      date: '2026年11月13日',
    });
    expect(doc.title).toBe('关于2026年11月上半月重点项目\n建设进展情况的通报');
    expect(doc.to).toBe('报：纪工委、工委（综合）办公室');
    expect(doc.record).toEqual({
      lines: ['抄送：各项目指挥部，区（县）直各责任单位。'],
      printedBy: '发展改革局重点项目办公室',
      printedOn: '2026年11月13日印发',
    });
  });

  it('numbers its five parts 一 to 五', () => {
    expect(doc.body.filter((b) => b.kind === 'heading').map((b) => (b as { text: string }).text)).toEqual([
      '一、报送情况',
      '二、投资完成情况',
      '三、未按序时进度推进的项目',
      '四、一线工作落实情况',
      '五、有关要求',
    ]);
  });

  it('names the late, missing and unsigned HQs, and criticises the first two', () => {
    expect(text).toContain(
      '本期应报送的指挥部8个，按时报送6个，迟报1个（现代物流园指挥部），未报送1个（水系连通工程指挥部）。',
    );
    expect(text).toContain('对现代物流园指挥部、水系连通工程指挥部予以通报批评。');
    expect(text).toContain('城区棚户区改造指挥部报送的报表未经指挥长签字');
    expect(text).toContain('新能源汽车零部件指挥部更正重报');
  });

  it('gives investment overall and by category against 序时进度, from exact figures', () => {
    const all = bulletin.summary.find((l) => l.group === '合计');
    expect(all?.cumulative).toBe(419817.02);
    expect(text).toContain(
      '全区（县）30个重点项目年度计划投资584000.00万元。已报送进展的26个项目年度累计完成投资419817.02万元，占其年度计划的82.8%，序时进度为87.5%，低于序时进度4.7个百分点。',
    );
    expect(text).toContain('分类别看：省重点7个，完成年度计划的85.1%，低于序时进度2.4个百分点；');
    expect(text).toContain('完成率低于序时进度的指挥部有5个：文旅康养小镇指挥部、');
    expect(text).toContain(
      '正常9个，预警10个（低于序时进度不足10个百分点），滞后7个，本期未报3个，数据有误未并入1个',
    );
  });

  it('lists every project behind, grouped by HQ, to explain at the weekly meeting', () => {
    expect(text).toContain('须在周例会上说明原因');
    const byHq = doc.body.filter((b) => b.kind === 'paragraph' && b.lead !== undefined);
    const hqs = [...new Set(bulletin.behind.map((p) => p.hq))];
    expect(byHq.map((b) => (b as { lead: string }).lead)).toEqual(
      hqs.map((hq, i) => {
        const ps = bulletin.behind.filter((p) => p.hq === hq);
        return `（${'一二三四五六七八九'[i]}）${hq}（指挥长：${ps[0]?.commander}，${ps.length}个）。`;
      }),
    );
    for (const p of bulletin.behind) expect(text, p.name).toContain(`${p.name}：`);
    // Running text has no spaces around its numbers (the table cells' reasons have them).
    expect(text).toContain('投资完成率85.7%，低于序时进度87.5%（差1.8个百分点）');
  });

  it('names whoever did not work on site twice a week, person by person', () => {
    expect(bulletin.shortfalls.length).toBe(8);
    expect(text).toContain('以下8人次未落实一线工作机制，予以通报：');
    expect(text).toContain(
      '文旅康养小镇指挥部：指挥长李红梅（10月19日至10月25日1次、11月2日至11月8日1次）。',
    );
    for (const w of bulletin.shortfalls) expect(text).toContain(w.person);
    expect(text).toMatch(/各指挥部要对照本通报，认真查找原因，落实整改措施/u);
  });

  it('shows in each chart the numbers of the table it names', () => {
    const [hqTable, statusTable] = tables(doc);
    const [rate, status] = charts(doc).map((c) => c.chart);
    const hqs = bulletin.summary.filter((l) => l.group === '按指挥部').map((l) => l.name);
    expect(rate?.categories).toEqual(hqs);
    expect(status?.categories).toEqual(hqs);
    const pct = (x: number | null | undefined): string => (x == null ? '—' : `${(x * 100).toFixed(1)}%`);
    hqs.forEach((hq, i) => {
      const row = hqTable?.rows[i] ?? [];
      expect(row[0]).toBe(hq);
      expect(pct(rate?.series[0]?.values[i])).toBe(row[5]);
      expect(pct(rate?.series[1]?.values[i])).toBe(row[6]);
      const srow = statusTable?.rows[i] ?? [];
      expect(status?.series.map((s) => String(s.values[i]))).toEqual(srow.slice(2, 5));
    });
    expect(charts(doc).map((c) => c.caption)).toEqual([
      '图1　各指挥部累计投资完成率与序时进度（数据见表1）',
      '图2　各指挥部项目进度状态（个）（数据见表2）',
    ]);
    // The 合计 line of 表1 is the bulletin's own.
    expect(hqTable?.rows.at(-1)).toEqual([
      '合计',
      '30',
      '26',
      '584000.00',
      '419817.02',
      '82.8%',
      '87.5%',
      '−4.7',
      '18',
    ]);
  });

  it('takes its addressees and masthead from the rule table', () => {
    const rules = {
      ...DEFAULT_RULES,
      documents: {
        ...DEFAULT_RULES.documents,
        bulletinTo: '县纪委监委、县委办公室',
        bulletinMasthead: '安阳县重点项目情况通报',
      },
    };
    const d = bulletinDocument({ bulletin, rules, office: '县发改委重点办' }).result;
    expect(d.to).toBe('报：县纪委监委、县委办公室');
    expect(d.masthead.name).toBe('安阳县重点项目情况通报');
    expect(d.masthead.office).toBe('县发改委重点办');
    expect(d.record.printedBy).toBe('县发改委重点办');
  });

  it('is written in English when asked (names stay Chinese)', () => {
    const d = bulletinDocument({ bulletin, rules: master.rules, locale: 'en' }).result;
    expect(d.title).toBe('Progress of the key projects, 2026年11月上半月');
    expect(paragraphs(d)[1]).toBe(
      '8 HQs were due to report; 6 reported on time, 1 late (现代物流园指挥部), 1 did not report (水系连通工程指挥部).',
    );
  });
});
