import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { shiftFormula } from '../../../src/core/table/formula.js';

describe('shiftFormula (a person’s formula moved with its row)', () => {
  it('moves relative rows, keeps absolute ones, names and text', () => {
    expect(shiftFormula('LEN(H5)+$B$2+C5:D6', 3)).toBe('LEN(H8)+$B$2+C8:D9');
    // XFE is past Excel's last column: a name, not a cell; text in quotes is never a reference.
    expect(shiftFormula('XFE2026*A1+"A1"&\'进展 记录\'!B4', 2)).toBe('XFE2026*A3+"A1"&\'进展 记录\'!B6');
    expect(shiftFormula('XFDB5+TOTAL_B5', 1)).toBe('XFDB5+TOTAL_B5');
    expect(shiftFormula('X_A1+A.1+$A1', 1)).toBe('X_A1+A.1+$A2');
  });

  it('never touches a reference preceded by a name character (no lookbehind needed: ES5)', () => {
    const nameChar = fc.constantFrom(...'09_.$'.split(''));
    fc.assert(
      fc.property(nameChar, fc.integer({ min: 1, max: 1000 }), (c, row) => {
        const f = `SUM(${c}B${row})`;
        expect(shiftFormula(f, 5)).toBe(c === '$' ? `SUM($B${row + 5})` : f);
      }),
    );
  });
});
