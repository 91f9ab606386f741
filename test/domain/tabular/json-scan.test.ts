import { describe, expect, it } from 'vitest';
import { scanJson } from '#domain/tabular/json-scan.js';

describe('scanJson', () => {
  it('finds where each element of a top-level array starts, skipping nested ones', () => {
    const text = '[\n  {"a": [1, {"b": "]}"}]},\n  2,\n  "s\\"]", [], {}, null\n]';
    const starts = scanJson(text).elementStarts;
    expect(starts.map((offset) => text.slice(offset, offset + 3))).toEqual(['{"a', '2,\n', '"s\\', '[],', '{},', 'nul']);
    expect(scanJson(text).errorAt).toBe(-1);
  });

  it.each([
    ['{"a":x}', 5],
    ['[1,]', 3],
    ['[1 2]', 3],
    ['{"a" 1}', 5],
    ['[01]', 2],
    ['["\u0001"]', 2],
    ['["\\q"]', 2],
    ['[1', 2],
    ['[] x', 3],
    ['', 0],
  ])('locates the first error in %j at offset %i', (text, offset) => {
    expect(scanJson(text).errorAt).toBe(offset);
    expect(() => JSON.parse(text)).toThrow();
  });

  it.each(['true', ' { } ', '[-0.5e+3, "\\u00e9", false, null]', '{"a":{"b":[[]]}}'])('accepts valid JSON %j', (text) => {
    expect(scanJson(text).errorAt).toBe(-1);
  });

  it('handles nesting deeper than a recursive scanner could', () => {
    const deep = `${'['.repeat(100_000)}${']'.repeat(100_000)}`;
    expect(scanJson(deep).errorAt).toBe(-1);
  });
});
