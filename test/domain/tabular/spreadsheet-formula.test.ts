import { describe, expect, it } from 'vitest';
import { csvCell, findFormulaLikeCells, startsLikeFormula } from '#domain/tabular/spreadsheet-formula.js';

describe('cells a spreadsheet would run as formulas', () => {
  it.each(['=HYPERLINK("http://x.example","click")', "+cmd|' /C calc'!A0", '-2+3', '@SUM(A1:A9)', '\tleading tab', '\r=1+1', '=1'])('flags %j', (value) => {
    expect(startsLikeFormula(value)).toBe(true);
  });

  it.each(['-5', '+3.2e4', '-0,75', '12', 'plain text', '', 'a=b', 'e-mail'])('leaves %j alone', (value) => {
    expect(startsLikeFormula(value)).toBe(false);
  });

  it('writes flagged cells with a leading apostrophe, quoted where CSV needs it, and other cells as they are', () => {
    expect(csvCell('=1+1')).toBe("'=1+1");
    expect(csvCell('=HYPERLINK("x","y")')).toBe(`"'=HYPERLINK(""x"",""y"")"`);
    expect(csvCell('-5')).toBe('-5');
    expect(csvCell('rain, heavy')).toBe('"rain, heavy"');
  });

  it('counts header names and cells, with where the first ones are', () => {
    const found = findFormulaLikeCells({
      columns: ['id', '=cmd'],
      rows: [
        ['1', 'ok'],
        ['-2', '@evil'],
        ['+x', null],
      ],
      rowLines: [2, 3, 4],
    });
    expect(found).toEqual({
      count: 3,
      examples: [
        { line: 1, column: '=cmd', value: '=cmd' },
        { line: 3, column: '=cmd', value: '@evil' },
        { line: 4, column: 'id', value: '+x' },
      ],
    });
  });
});
