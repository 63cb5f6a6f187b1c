import { describe, expect, it } from 'vitest';
import { mapFormulaRefs, shiftFormula } from '../../../src/core/table/formula.js';

describe('shiftFormula (a formula moved with its row, as Excel and WPS move it)', () => {
  it('moves relative parts, keeps $-anchored parts, text in quotes, sheet names and names', () => {
    expect(shiftFormula('D5*2+$E$1', 2)).toBe('D7*2+$E$1');
    expect(shiftFormula('SUM(A1:B2)+Sheet1!C3', 1, 1)).toBe('SUM(B2:C3)+Sheet1!D4');
    expect(shiftFormula(`'My Sheet'!A1&"A1"`, 3)).toBe(`'My Sheet'!A4&"A1"`);
    expect(shiftFormula('IF(A1="",B1,C1)', 1)).toBe('IF(A2="",B2,C2)');
    expect(shiftFormula('$A$1:A$2', 5)).toBe('$A$1:A$2');
    expect(shiftFormula('A1-A1', 1)).toBe('A2-A2');
  });

  it('leaves what follows a name character alone (no lookbehind needed: the panes run ES5)', () => {
    expect(shiftFormula('X.A1+1.5', 1)).toBe('X.A1+1.5');
    expect(shiftFormula('SUM_A1:B2', 1)).toBe('SUM_A1:B3');
    expect(shiftFormula('(A1)', -1)).toBe('(#REF!)');
    expect(mapFormulaRefs('SUM(Sheet2!A1, A2)', (r) => (r.sheet ? undefined : 'ref-error'))).toBe(
      'SUM(Sheet2!A1, #REF!)',
    );
  });
});
