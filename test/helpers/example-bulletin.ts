import { readFile } from 'node:fs/promises';
import { collectInputs } from '../../src/adapters/inputs.js';
import { readXlsx } from '../../src/adapters/xlsx-read/index.js';
import { readPrepared } from '../../src/cli/merge-read.js';
import { assembleBulletin, bulletinContext, type Bulletin } from '../../src/core/bulletin/index.js';
import { parseReportPeriod } from '../../src/core/calendar/periods.js';
import { WorkCalendar } from '../../src/core/calendar/workdays.js';
import { readMaster } from '../../src/core/master/read.js';
import type { MasterData } from '../../src/core/master/types.js';
import { repoPath } from './paths.js';

/**
 * The example county's bulletin of 2026-11-1 built in-process, as kpd merge builds it (the same
 * files, in path order): what the 公文 job is tested on.
 */
export async function exampleBulletin(): Promise<{ bulletin: Bulletin; master: MasterData }> {
  const master = readMaster(readXlsx(await readFile(repoPath('examples', '总台账.xlsx'))).workbook).data;
  const period = parseReportPeriod('2026-11-1');
  if (!period) throw new Error('period');
  const ctx = bulletinContext({ period, master, calendar: new WorkCalendar(master.holidays), locale: 'zh' });
  const collected = await collectInputs([repoPath('examples', 'reports', '2026-11-1')]);
  const items = collected.items.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
  const reads = items.map((item) =>
    readPrepared(
      {
        file: item.file,
        bytes: item.bytes,
        ...(item.receivedAt && { receivedAt: item.receivedAt }),
        ...(item.mtime && { mtime: item.mtime }),
      },
      ctx,
    ),
  );
  return { bulletin: assembleBulletin(ctx, reads, []), master };
}
