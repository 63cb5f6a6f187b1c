import { describe, expect, it } from 'vitest';
import { SCORING_MESSAGES } from '../../../src/core/issues/messages-scoring.js';
import { MESSAGES } from '../../../src/core/issues/codes.js';
import { formatMessage } from '../../../src/core/issues/issue.js';

const placeholders = (s: string): string[] => [...s.matchAll(/\{(\w+)\}/gu)].map((m) => m[1] ?? '').sort();

describe('scoring messages', () => {
  it('are part of the one message table', () => {
    for (const code of Object.keys(SCORING_MESSAGES)) expect(Object.hasOwn(MESSAGES, code)).toBe(true);
  });

  it('use the same placeholders in Chinese and English', () => {
    for (const [code, m] of Object.entries(SCORING_MESSAGES)) {
      expect([code, placeholders(m.en)]).toEqual([code, placeholders(m.zh)]);
      expect(code.startsWith('score.')).toBe(true);
    }
  });

  it('read well when filled in', () => {
    expect(
      formatMessage('score.outsidePeriod', {
        value: '2026-06-30',
        period: '2026Q3',
        from: '2026-07-01',
        to: '2026-09-30',
      }),
    ).toBe('日期 2026-06-30 不在考核期 2026Q3（2026-07-01 至 2026-09-30）内，本次不计。');
  });
});
