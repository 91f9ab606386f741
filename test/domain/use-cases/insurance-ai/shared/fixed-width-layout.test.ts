import { describe, expect, it } from 'vitest';
import { canonicalColumnName } from '#domain/use-cases/insurance-ai/shared/extract-columns.js';
import { lineCharacters, parseLayoutDeclaration, sliceField, startsWithLayout } from '#domain/use-cases/insurance-ai/shared/fixed-width-layout.js';

describe('parseLayoutDeclaration', () => {
  it('reads fields, implied decimals and the width a record needs', () => {
    const parsed = parseLayoutDeclaration('#layout POLICY_NUMBER:1-10, premium:21-30:v2 ,state:11-12', canonicalColumnName);
    expect(parsed).toEqual({
      layout: {
        fields: [
          { name: 'policy_number', start: 1, end: 10, impliedDecimals: 0 },
          { name: 'premium', start: 21, end: 30, impliedDecimals: 2 },
          { name: 'state', start: 11, end: 12, impliedDecimals: 0 },
        ],
        width: 30,
      },
    });
  });

  it.each([
    ['#layout', 'declares no fields'],
    ['#layout a:1-5,b:5-8', 'overlap'],
    ['#layout a:1-5,a:6-8', 'declared twice'],
    ['#layout a:6-5', 'ends (5) before it starts (6)'],
    ['#layout a:0-5', 'columns start at 1'],
    ['#layout a:1-5,b=6-8', 'is not name:start-end'],
    ['#layout a:1-3:v3', 'implied decimals'],
  ])('refuses %s', (line, problem) => {
    const parsed = parseLayoutDeclaration(line, canonicalColumnName);
    expect('problems' in parsed && parsed.problems.join(' ')).toContain(problem);
  });

  it('recognises a fixed-width file by its first line only', () => {
    expect(startsWithLayout('#layout a:1-2\nxx')).toBe(true);
    expect(startsWithLayout('\n#LAYOUT a:1-2\nxx')).toBe(true);
    expect(startsWithLayout('policy_number,premium\n#layout a:1-2')).toBe(false);
  });

  it('counts columns in characters, so an accented name does not shift later fields', () => {
    const chars = lineCharacters('MÜLLER    NY');
    expect(sliceField(chars, { name: 'holder_name', start: 1, end: 10, impliedDecimals: 0 })).toBe('MÜLLER');
    expect(sliceField(chars, { name: 'state', start: 11, end: 12, impliedDecimals: 0 })).toBe('NY');
  });
});
