import { describe, expect, it } from 'vitest';
import { compileEventPattern } from '#domain/event-patterns/index.js';

/**
 * Array-consistent matching checked against a brute-force reference: a pattern of exact values
 * matches when some choice of one leaf per condition never uses two different elements of the
 * same array. Events are large enough that the engine's memoised search is the one running.
 */

interface ReferenceLeaf {
  path: string;
  value: unknown;
  /** Array instance (by discovery order) to element index, for elements that are objects/arrays. */
  elements: Map<number, number>;
}

function referenceLeaves(event: unknown): ReferenceLeaf[] {
  const leaves: ReferenceLeaf[] = [];
  let arrays = 0;
  const walk = (value: unknown, path: string, elements: Map<number, number>): void => {
    if (Array.isArray(value)) {
      const id = arrays++;
      value.forEach((element, index) => {
        const nested = typeof element === 'object' && element !== null;
        walk(element, path, nested ? new Map([...elements, [id, index]]) : elements);
      });
    } else if (typeof value === 'object' && value !== null) {
      for (const [key, child] of Object.entries(value)) walk(child, path === '' ? key : `${path}.${key}`, elements);
    } else {
      leaves.push({ path, value, elements });
    }
  };
  walk(event, '', new Map());
  return leaves;
}

function referenceMatches(conditions: ReadonlyArray<[string, unknown]>, event: unknown): boolean {
  const leaves = referenceLeaves(event);
  const candidates = conditions.map(([path, value]) => leaves.filter((leaf) => leaf.path === path && leaf.value === value));
  const consistent = (a: ReferenceLeaf, b: ReferenceLeaf) =>
    [...a.elements].every(([array, index]) => !b.elements.has(array) || b.elements.get(array) === index);
  const choose = (position: number, chosen: ReferenceLeaf[]): boolean =>
    position === candidates.length ||
    candidates[position]!.some((leaf) => chosen.every((other) => consistent(leaf, other)) && choose(position + 1, [...chosen, leaf]));
  return choose(0, []);
}

function patternFor(conditions: ReadonlyArray<[string, unknown]>): Record<string, unknown> {
  const pattern: Record<string, unknown> = {};
  for (const [path, value] of conditions) {
    const keys = path.split('.');
    let node = pattern;
    for (const key of keys.slice(0, -1)) node = (node[key] ??= {}) as Record<string, unknown>;
    node[keys[keys.length - 1]!] = [value];
  }
  return pattern;
}

describe('array-consistent matching', () => {
  it('agrees with a brute-force reference on larger events', () => {
    let seed = 99;
    const next = () => {
      seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0;
      return seed / 0x100000000;
    };
    const small = () => Math.floor(next() * 3);
    const conditionPool: ReadonlyArray<() => [string, unknown]> = [
      () => ['items.a', small()],
      () => ['items.b', small()],
      () => ['items.parts.c', small()],
      () => ['items.parts.d', small()],
      () => ['other.e', small()],
      () => ['top', small()],
    ];
    let agreements = 0;
    for (let round = 0; round < 400; round++) {
      const items = Array.from({ length: 4 + Math.floor(next() * 8) }, () => ({
        a: small(),
        b: small(),
        parts: Array.from({ length: 1 + Math.floor(next() * 3) }, () => ({ c: small(), d: small() })),
      }));
      const other = Array.from({ length: 3 + Math.floor(next() * 6) }, () => ({ e: small() }));
      const event = { top: small(), items, other };
      const conditionCount = 2 + Math.floor(next() * 3);
      const conditions = new Map<string, unknown>();
      while (conditions.size < conditionCount) {
        const [path, value] = conditionPool[Math.floor(next() * conditionPool.length)]!();
        conditions.set(path, value);
      }
      const list = [...conditions];
      expect(compileEventPattern(patternFor(list)).matches(event), JSON.stringify({ list, event })).toBe(referenceMatches(list, event));
      agreements++;
    }
    expect(agreements).toBe(400);
  });

  it('stays fast when conditions on unrelated arrays cannot all be met', () => {
    const event = {
      a: Array.from({ length: 4000 }, () => ({ x: 1 })),
      b: Array.from({ length: 4000 }, () => ({ y: 2 })),
      c: [{ p: 3 }, { q: 4 }],
    };
    const pattern = { a: { x: [1] }, b: { y: [2] }, c: { p: [3], q: [4] } };
    const started = performance.now();
    expect(compileEventPattern(pattern).matches(event)).toBe(false);
    expect(compileEventPattern(pattern).matches({ ...event, c: [{ p: 3, q: 4 }] })).toBe(true);
    expect(performance.now() - started).toBeLessThan(1000);
  });
});
