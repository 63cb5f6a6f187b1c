import { describe, expect, it } from 'vitest';
import { readMaster } from '../../../src/core/master/read.js';
import { MASTER, MEETINGS, PROJECTS } from '../../../src/core/schema/master.js';

describe('readMaster reads every sheet of the 总台账 template', () => {
  it('says each missing sheet, in the template order (例会 may be absent without a word)', () => {
    const { issues } = readMaster({ sheets: [] });
    const missing = issues.filter((i) => i.code === 'sheet.missing');
    expect(missing.map((i) => i.params?.['sheet'])).toEqual(
      MASTER.sheets.filter((s) => s.key !== MEETINGS.key).map((s) => s.name),
    );
    expect(missing.filter((i) => i.severity === 'error').map((i) => i.params?.['sheet'])).toEqual([
      PROJECTS.name,
    ]);
  });
});
