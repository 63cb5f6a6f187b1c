/**
 * The office's mailbox around period 2026-11-1, filled from the examples: every example report
 * as the HQ e-mailed it (resubmission, late one, GBK names in the three ways clients write them),
 * topic forms, and what else lands in a mailbox (junk, a PDF, someone's spreadsheet, an old
 * .xls, a late report of the previous period, a report from before the window).
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { REPORT } from '../../src/core/schema/report.js';
import { writeTemplate } from '../../src/adapters/exceljs/write-template.js';
import { exampleReports } from '../../scripts/examples/reports.js';
import { HQS } from '../../scripts/examples/world.js';
import { mimeMessage, type Attachment } from './mail-messages.js';
import { REPO_ROOT as REPO } from './paths.js';

export type Expect = 'report' | 'topics' | 'unusable' | 'junk' | 'otherPeriod' | 'beforeWindow';

export interface Delivery {
  readonly label: string;
  /** When the server received it (INTERNALDATE), China time. */
  readonly at: string;
  readonly bytes: Uint8Array;
  readonly expect: Expect;
  /** The HQ whose report it carries. */
  readonly hq?: string;
}

const STYLES = ['gbk2231', 'gbk2047', 'utf8'] as const;

export async function deliveries(): Promise<Delivery[]> {
  const dir = join(REPO, 'examples/reports/2026-11-1');
  const out: Delivery[] = [];
  let k = 0;
  for (const r of exampleReports()) {
    const hq = String(r.fields['reporter']);
    if (r.asEmail) {
      // The example's own .eml: GBK subject, RFC 2231 GBK attachment name, appended as it is.
      const bytes = await readFile(join(dir, r.fileName.replace(/\.xlsx$/u, '.eml')));
      out.push({ label: r.fileName, at: r.sentAt, bytes: new Uint8Array(bytes), expect: 'report', hq });
      continue;
    }
    const def = HQS.find((h) => h.name === hq);
    const bytes = mimeMessage({
      from: def?.filler ?? hq,
      address: def?.email ?? 'hq@example.cn',
      subject: `${hq}2026年11月上半月进展报表`,
      date: r.sentAt,
      messageId: `report-${k}@example.cn`,
      attachments: [
        {
          name: r.fileName,
          bytes: await readFile(join(dir, r.fileName)),
          nameStyle: STYLES[k % STYLES.length] ?? 'gbk2231',
        },
      ],
    });
    k++;
    out.push({ label: r.fileName, at: r.sentAt, bytes, expect: 'report', hq });
  }
  const topics = (name: string): Promise<Buffer> => readFile(join(REPO, 'examples/topics', name));
  const lastPeriod = await writeTemplate(REPORT, {
    fields: { progress: { reporter: HQS[5]?.name, period: '2026年10月', filledOn: '2026-11-02' } },
  });
  const master = await readFile(join(REPO, 'examples/总台账.xlsx'));
  const junk = (label: string, at: string, expect: Expect, attachments: Attachment[] = []): Delivery => ({
    label,
    at,
    expect,
    bytes: mimeMessage({
      from: '系统通知',
      address: 'noreply@example.cn',
      subject: label,
      date: at,
      messageId: `${label.length}-${at.replace(/\D/gu, '')}@example.cn`,
      attachments,
    }),
  });
  out.push(
    junk('关于报送2026年10月进展的补充说明', '2026-10-20 09:00:00', 'beforeWindow', [
      { name: '补充.xlsx', bytes: lastPeriod },
    ]),
    junk('水系连通工程指挥部10月进展（补报）', '2026-11-02 10:15:00', 'otherPeriod', [
      { name: '水系连通10月进展.xlsx', bytes: lastPeriod },
    ]),
    junk('县政务云邮箱升级通知', '2026-11-05 08:00:00', 'junk'),
    junk('会议通知', '2026-11-06 16:00:00', 'junk', [
      { name: '会议通知.pdf', bytes: new Uint8Array([37, 80, 68, 70]) },
    ]),
    junk('台账请参考', '2026-11-07 11:00:00', 'junk', [{ name: '某单位台账.xlsx', bytes: master }]),
    junk('城区棚户区改造指挥部进展（旧格式）', '2026-11-09 09:30:00', 'unusable', [
      {
        name: '棚改进展.xls',
        bytes: new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]),
      },
    ]),
    junk('智慧城市建设指挥部议题申报', '2026-11-10 15:30:00', 'topics', [
      {
        name: '智慧城市建设指挥部-议题申报-1114.xlsx',
        bytes: await topics('智慧城市建设指挥部-议题申报-1114.xlsx'),
      },
    ]),
    junk('水系连通工程指挥部议题申报', '2026-11-11 09:20:00', 'topics', [
      {
        name: '水系连通工程指挥部-议题申报-1114.xlsx',
        bytes: await topics('水系连通工程指挥部-议题申报-1114.xlsx'),
        nameStyle: 'gbk2047',
      },
    ]),
  );
  return out.sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0));
}
