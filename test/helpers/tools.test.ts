import { describe, expect, it } from 'vitest';
import { hasProgram, missingMessage, toolPlan } from './tools.js';

describe('the Debian-tool gate', () => {
  it('runs when nothing is missing, skips on a developer machine, fails under CI', () => {
    expect(toolPlan([], {})).toBe('run');
    expect(toolPlan([], { CI: 'true' })).toBe('run');
    expect(toolPlan(['soffice'], {})).toBe('skip');
    expect(toolPlan(['soffice'], { CI: 'false' })).toBe('skip');
    expect(toolPlan(['soffice'], { CI: 'true' })).toBe('fail');
  });

  it('names the missing program in plain words', () => {
    expect(missingMessage(['pdftotext'])).toMatch(/^pdftotext is not installed/u);
    expect(missingMessage(['soffice', 'jing'])).toMatch(/^soffice, jing are not installed/u);
  });

  it('finds programs on PATH and by absolute path', () => {
    expect(hasProgram('node', process.env['PATH'])).toBe(true);
    expect(hasProgram(process.execPath)).toBe(true);
    expect(hasProgram('kpd-no-such-program-here')).toBe(false);
    expect(hasProgram('node', '')).toBe(false);
  });
});
