import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compareCodePoints, compareText } from '../../../src/core/values/collate.js';

describe('compareText, the one order of text', () => {
  it('orders Chinese names by pinyin, as a clerk expects', () => {
    expect(['张伟', '李娜', '王芳', '陈静', '赵磊'].sort(compareText)).toEqual([
      '陈静',
      '李娜',
      '王芳',
      '张伟',
      '赵磊',
    ]);
  });

  it('breaks the collator’s ties by code point, so input order never shows', () => {
    const zws = '张\u200B伟'; // the collator ignores the zero-width space
    expect(new Intl.Collator('zh-CN').compare('张伟', zws)).toBe(0);
    // U+200B comes before 伟 (U+4F1F)
    expect(compareText('张伟', zws)).toBeGreaterThan(0);
    expect(compareText(zws, '张伟')).toBeLessThan(0);
    expect(['张伟', zws].sort(compareText)).toEqual([zws, '张伟'].sort(compareText));
  });

  it('is a total order: antisymmetric, zero only for equal strings, transitive', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: 'grapheme' }),
        fc.string({ unit: 'grapheme' }),
        fc.string(),
        (a, b, c) => {
          expect(Math.sign(compareText(a, b)) + Math.sign(compareText(b, a))).toBe(0);
          expect(compareText(a, b) === 0).toBe(a === b);
          const [x, y, z] = [a, b, c].sort(compareText);
          expect(compareText(x as string, z as string)).toBeLessThanOrEqual(0);
          expect(compareText(x as string, y as string)).toBeLessThanOrEqual(0);
        },
      ),
    );
  });

  it('orders ISO dates and codes as their characters do', () => {
    expect(['2026-11-15', '2026-02-01', '2026-11-01T08:00'].sort(compareText)).toEqual([
      '2026-02-01',
      '2026-11-01T08:00',
      '2026-11-15',
    ]);
  });
});

describe('compareCodePoints', () => {
  it('orders by code point, not by UTF-16 unit', () => {
    // U+20000 is a surrogate pair (0xD840…) that UTF-16 order puts before U+F900
    expect('\u{20000}' < '\uF900').toBe(true);
    expect(compareCodePoints('\u{20000}', '\uF900')).toBe(1);
    expect(compareCodePoints('ab', 'abc')).toBe(-1);
    expect(compareCodePoints('B', 'a')).toBe(-1);
    expect(compareCodePoints('同', '同')).toBe(0);
  });
});
