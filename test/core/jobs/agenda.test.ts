import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { loadPrepared } from '../../../src/adapters/received.js';
import { agendaJob, finishAgenda, readTopicFile, startAgenda } from '../../../src/core/jobs/agenda.js';
import { AGENDA_PROBLEMS } from '../../../src/core/schema/agenda.js';
import { repoPath } from '../../helpers/paths.js';
import { exampleMasterRead } from './example.js';

const TOPIC_FILES = ['智慧城市建设指挥部-议题申报-1114.xlsx', '水系连通工程指挥部-议题申报-1114.xlsx'];

async function topicFiles() {
  return Promise.all(
    TOPIC_FILES.map(async (name) =>
      loadPrepared({ file: name, bytes: await readFile(repoPath('examples', 'topics', name)) }),
    ),
  );
}

describe('agendaJob (core/jobs/agenda.ts)', () => {
  it('refuses a day with no meeting before reading anything', async () => {
    const { master, calendar } = await exampleMasterRead();
    // 2026-11-13 is a Friday: no meeting.
    const job = agendaJob({ meeting: '2026-11-13', master: master.data, calendar, files: [] });
    expect('refused' in job && job.refused.severity).toBe('error');
    expect(startAgenda({ meeting: '2026-11-13', master: master.data, calendar })).toHaveProperty('refused');
  });

  it('makes the agenda of the examples: the same through one call or file by file', async () => {
    const { master, calendar } = await exampleMasterRead();
    const files = await topicFiles();
    const whole = agendaJob({ meeting: '2026-11-14', master: master.data, calendar, files });
    if ('refused' in whole) throw new Error(whole.refused.code);
    const started = startAgenda({ meeting: '2026-11-14', master: master.data, calendar });
    if ('refused' in started) throw new Error(started.refused.code);
    const stepwise = finishAgenda(
      started.context,
      files.map((f) => readTopicFile(f, started.context)),
      [],
    );
    expect(stepwise.counts).toEqual(whole.counts);
    expect(whole.counts.received).toBe(2);
    expect(whole.counts.used).toBeGreaterThanOrEqual(1);
    expect(whole.counts.decisions).toBe(whole.result.decisions.length);
    expect(whole.counts.done + whole.counts.notDue + whole.counts.overdue).toBe(whole.counts.decisions);
    expect(whole.sheets.tables.map((t) => t.sheet)).toContain(AGENDA_PROBLEMS);
  });

  it('writes 数据问题 under a prefixed name, or leaves it out', async () => {
    const { master, calendar } = await exampleMasterRead();
    const input = { meeting: '2026-11-14', master: master.data, calendar, files: await topicFiles() };
    const renamed = agendaJob(input, { problemsSheet: { prefix: '议题' } });
    const none = agendaJob(input, { problemsSheet: null });
    if ('refused' in renamed || 'refused' in none) throw new Error('refused');
    const names = (j: typeof renamed) => j.sheets.tables.map((t) => t.sheet.name);
    expect(names(renamed)).toContain(`议题${AGENDA_PROBLEMS.name}`);
    expect(names(renamed)).not.toContain(AGENDA_PROBLEMS.name);
    expect(names(none)).not.toContain(AGENDA_PROBLEMS.name);
    expect(names(none).length).toBe(names(renamed).length - 1);
  });
});
