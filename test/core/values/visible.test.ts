import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { hasHidden, hasInvisible, jsonText, visible, visibleText } from '../../../src/core/values/visible.js';
import { maxOf, minOf, pushAll } from '../../../src/core/values/lists.js';

describe('visible: characters a person cannot see are written out', () => {
  it('shows zero-width, bidi and control characters as <U+XXXX>', () => {
    expect(visible('AY-2026-005\u200b')).toBe('AY-2026-005<U+200B>');
    expect(visible('\u202eslx.exe')).toBe('<U+202E>slx.exe');
    expect(visible('a\u001b[31mred')).toBe('a<U+001B>[31mred');
    expect(visible('\u009b2J')).toBe('<U+009B>2J');
    expect(visible('x\ud834\udd73y')).toBe('x<U+1D173>y'); // a format character outside the BMP
    expect(visible('普通文字 AY-2026-005')).toBe('普通文字 AY-2026-005');
  });

  it('keeps tabs and line breaks in whole texts, and says which cells hide characters', () => {
    expect(visibleText('第一行\n第二行\t\u200b')).toBe('第一行\n第二行\t<U+200B>');
    expect(hasInvisible('a\nb')).toBe(true);
    expect(hasHidden('a\r\nb\tc')).toBe(false);
    expect(hasHidden('AY\u2060-1')).toBe(true);
  });

  it('escapes them in JSON, which still parses to the same value', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (s) => {
        const text = jsonText({ s });
        expect(JSON.parse(text)).toEqual({ s });
        expect(hasInvisible(text)).toBe(false);
      }),
    );
  });
});

describe('lists of any length', () => {
  it('max, min and append over 500,000 elements (the stack would overflow with a spread)', () => {
    const big = Array.from({ length: 500_000 }, (_, i) => i % 1000);
    expect(maxOf(big)).toBe(999);
    expect(minOf(big)).toBe(0);
    expect(pushAll([-1], big)).toHaveLength(500_001);
    expect(maxOf([], 0)).toBe(0);
  });
});
