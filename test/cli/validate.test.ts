import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { REPORT } from '../../src/core/schema/report.js';
import { TOPICS } from '../../src/core/schema/topics.js';
import { parseValidateJson, runKpd } from '../helpers/cli.js';
import { ENCRYPTED_XLSX, OLD_XLS, writeFilled } from '../helpers/files.js';
import { useTempDir } from '../helpers/tmp.js';

/** Exit codes, the --json shape, and files that cannot be used (DOMAIN: nothing silently dropped). */
const tmp = useTempDir('kpd-cli-validate-');
const ROOT = fileURLToPath(new URL('../../', import.meta.url));

const FIELDS = {
  reporter: '高端装备产业园指挥部',
  period: '2026年11月上半月',
  filledOn: '2026-11-11',
  signature: '王建国',
};
const ROW = {
  projectId: 'AY-2026-001',
  name: '产业园一期',
  annualPlan: 60_000,
  current: 1_200,
  cumulative: 45_000,
};

beforeAll(async () => {
  const dir = tmp();
  await writeFilled(dir, 'clean.xlsx', REPORT, { rows: { progress: [ROW] }, fields: { progress: FIELDS } });
  await writeFilled(dir, 'unsigned.xlsx', REPORT, {
    rows: { progress: [ROW] },
    fields: { progress: { ...FIELDS, signature: undefined } },
  });
  await writeFilled(dir, 'errors.xlsx', REPORT, {
    rows: { progress: [{ ...ROW, current: 50_000 }] },
    fields: { progress: FIELDS },
  });
  await writeFile(join(dir, 'old.xls'), OLD_XLS());
  await writeFile(join(dir, 'locked.xlsx'), ENCRYPTED_XLSX());
  await writeFile(join(dir, 'notes.xlsx'), '这不是工作簿');
  await mkdir(join(dir, 'inbox', 'sub'), { recursive: true });
  await writeFilled(join(dir, 'inbox'), 'b.xlsx', REPORT, {
    rows: { progress: [ROW] },
    fields: { progress: FIELDS },
  });
  await writeFilled(join(dir, 'inbox', 'sub'), 'a.xlsx', TOPICS, {});
  await writeFile(join(dir, 'inbox', '~$b.xlsx'), 'lock file of an open workbook');
  await writeFile(join(dir, 'inbox', 'readme.txt'), 'not a workbook');
});

describe('kpd validate: exit codes', () => {
  it('exits 0 for a clean file and says it passed', async () => {
    const r = await runKpd(['validate', 'clean.xlsx'], tmp());
    expect(r.code).toBe(0);
    expect(r.out).toContain('clean.xlsx（重点项目半月进展报表 v1）：通过');
    expect(r.out).toContain('共检查 1 个文件，0 个有错误。');
  });

  it('exits 0 when there are only warnings', async () => {
    const r = await runKpd(['validate', 'unsigned.xlsx'], tmp());
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/警告\s+「进展情况」B3\s+「指挥长签字」为空/u);
  });

  it('exits 1 when a file has errors', async () => {
    const r = await runKpd(['validate', 'clean.xlsx', 'errors.xlsx'], tmp());
    expect(r.code).toBe(1);
    expect(r.out).toContain('1 个错误');
    expect(r.out).toContain('共检查 2 个文件，1 个有错误。');
  });

  it('exits 2 for unusable files, and still checks the others', async () => {
    const r = await runKpd(
      [
        'validate',
        'old.xls',
        'errors.xlsx',
        'locked.xlsx',
        'notes.xlsx',
        'missing.xlsx',
        'clean.xlsx',
        '--json',
      ],
      tmp(),
    );
    expect(r.code).toBe(2);
    const files = parseValidateJson(r.out).files;
    expect(files.map((f) => [f.file, f.template, f.issues.map((i) => i.code)])).toEqual([
      ['old.xls', null, ['file.xls']],
      ['errors.xlsx', '重点项目半月进展报表', ['report.currentExceedsCumulative']],
      ['locked.xlsx', null, ['file.encrypted']],
      ['notes.xlsx', null, ['file.notZip']],
      ['missing.xlsx', null, ['file.notFound']],
      ['clean.xlsx', '重点项目半月进展报表', []],
    ]);
    expect(files[0]?.issues[0]?.message).toContain('请另存为 .xlsx');
    expect(files[2]?.issues[0]?.message).toContain('密码');
  });

  it('checks the workbooks of a folder, sorted; other files are listed as not checked, lock files not at all', async () => {
    const r = await runKpd(['validate', 'inbox', '--json'], tmp());
    // Lock files are not mentioned; other files are listed as not checked (a note, not an error).
    const files = parseValidateJson(r.out).files;
    expect(files.map((f) => [f.file, f.template])).toEqual([
      [join('inbox', 'b.xlsx'), '重点项目半月进展报表'],
      [join('inbox', 'readme.txt'), null],
      [join('inbox', 'sub', 'a.xlsx'), '周例会议题申报表'],
    ]);
    expect(files[1]?.issues[0]).toMatchObject({
      code: 'file.ignored',
      severity: 'info',
      message: expect.stringContaining('.txt'),
    });
    expect(r.code).toBe(1);
  });
});

describe('kpd validate --json', () => {
  it('prints {"files":[{"file","template","version","issues":[{severity,code,sheet,cell,row,column,message}]}]}', async () => {
    const r = await runKpd(['validate', 'errors.xlsx', 'old.xls', '--json'], tmp());
    const json = parseValidateJson(r.out);
    expect(Object.keys(json)).toEqual(['files']);
    expect(json.files.map((f) => Object.keys(f))).toEqual([
      ['file', 'template', 'version', 'issues'],
      ['file', 'template', 'version', 'issues'],
    ]);
    expect(json.files[0]?.issues).toEqual([
      {
        severity: 'error',
        code: 'report.currentExceedsCumulative',
        sheet: '进展情况',
        cell: 'D6',
        row: 6,
        column: 4,
        message: '本期完成投资 50000 万元大于年度累计完成投资 45000 万元。请核对（累计应包含本期）。',
      },
    ]);
    expect(json.files[1]).toMatchObject({ template: null, version: null });
    expect(json.files[1]?.issues[0]).toMatchObject({
      severity: 'error',
      sheet: null,
      cell: null,
      row: null,
      column: null,
    });
    expect(r.out.endsWith('}\n')).toBe(true);
    expect(r.err).toBe('');
  });

  it('gives English messages with --lang en', async () => {
    const r = await runKpd(['validate', 'errors.xlsx', '--json', '--lang', 'en'], tmp());
    expect(parseValidateJson(r.out).files[0]?.issues[0]?.message).toBe(
      'This period (50000) exceeds the year-to-date total (45000); year-to-date must include it.',
    );
  });
});

describe('kpd validate: what is not a form to check', () => {
  it('checks the workbook attached to an e-mail, as the merge would read it', async () => {
    const r = await runKpd(['validate', 'examples/reports/2026-11-1', '--json'], ROOT);
    const files = parseValidateJson(r.out).files;
    expect(files.map((f) => f.file)).toContain(
      join('examples', 'reports', '2026-11-1', '现代物流园指挥部-2026年11月上半月进展.eml') +
        ' › 现代物流园指挥部11月上半月进展.xlsx',
    );
    expect(files.every((f) => f.template === '重点项目半月进展报表')).toBe(true);
  });

  it('says a bulletin is the system’s own output, not a form (a warning, exit 0)', async () => {
    const r = await runKpd(['validate', 'templates/重点项目情况通报.xlsx', '--json'], ROOT);
    expect(r.code).toBe(0);
    const [file] = parseValidateJson(r.out).files;
    expect(file?.issues.map((i) => [i.code, i.severity])).toEqual([['template.output', 'warning']]);
    expect(file?.issues[0]?.message).toContain('本系统生成的「重点项目情况通报」');
  });

  it('an empty folder is a usage error (exit 2), not a clean pass', async () => {
    await mkdir(join(tmp(), 'empty'), { recursive: true });
    const r = await runKpd(['validate', 'empty'], tmp());
    expect(r.code).toBe(2);
    expect(r.err).toContain('没有找到要检查的 .xlsx 文件');
  });
});
