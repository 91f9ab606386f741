import { describe, expect, it } from 'vitest';
import { CompactKeyIndex, grown } from '#domain/collections/compact-key-index.js';

describe('CompactKeyIndex', () => {
  it('gives each distinct key one dense id, in first-seen order, and says when a key is new', () => {
    const index = new CompactKeyIndex(2);
    expect(index.idOf('P-001')).toBe(0);
    expect(index.added).toBe(true);
    expect(index.idOf('P-002')).toBe(1);
    expect(index.idOf('P-001')).toBe(0);
    expect(index.added).toBe(false);
    expect(index.find('P-002')).toBe(1);
    expect(index.find('P-003')).toBe(-1);
    expect(index.size).toBe(2);
  });

  it('keeps every id through many growths, without a collision among 300,000 similar keys', () => {
    const index = new CompactKeyIndex(4);
    const keys = Array.from({ length: 300_000 }, (_, i) => `POL${String(i).padStart(9, '0')}`);
    for (const key of keys) index.idOf(key);
    expect(index.size).toBe(keys.length);
    for (let i = 0; i < keys.length; i += 997) expect(index.find(keys[i]!)).toBe(i);
    expect(index.find('POL999999999')).toBe(-1);
  });

  it('tells keys apart that differ only by case, accents or non-Latin characters', () => {
    const index = new CompactKeyIndex();
    const keys = ['name:MÜLLER', 'name:MULLER', 'name:müller', 'name:王芳', 'name:王方', ''];
    expect(keys.map((k) => index.idOf(k))).toEqual([0, 1, 2, 3, 4, 5]);
  });
});

describe('grown', () => {
  it('returns the same array when long enough, and a longer copy with the same values otherwise', () => {
    const a = Float64Array.of(1, 2);
    expect(grown(a, 2)).toBe(a);
    const b = grown(a, 3);
    expect(b.length).toBeGreaterThanOrEqual(3);
    expect([...b.subarray(0, 2)]).toEqual([1, 2]);
  });
});
