import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { compileEventPattern, compileRuleSet, InvalidEventPatternError, matchesEventPattern } from '#domain/event-patterns/index.js';

/** A conformance vector: either an expected match result, or an expected validation error. */
type Vector = { description: string; pattern: unknown; event: unknown; matches: boolean } | { description: string; pattern: unknown; error: string };

const vectorDirectory = new URL('./vectors/', import.meta.url);
const files = readdirSync(vectorDirectory)
  .filter((file) => file.endsWith('.json'))
  .sort();

function load(file: string): Vector[] {
  return JSON.parse(readFileSync(new URL(file, vectorDirectory), 'utf8')) as Vector[];
}

describe('event pattern conformance vectors', () => {
  it('has vectors for every operator', () => {
    const total = files.reduce((sum, file) => sum + load(file).length, 0);
    expect(total).toBeGreaterThanOrEqual(150);
  });

  for (const file of files) {
    describe(file, () => {
      for (const vector of load(file)) {
        if ('error' in vector) {
          it(`refuses: ${vector.description}`, () => {
            let thrown: unknown;
            try {
              compileEventPattern(vector.pattern);
            } catch (error) {
              thrown = error;
            }
            expect(thrown).toBeInstanceOf(InvalidEventPatternError);
            expect((thrown as InvalidEventPatternError).message).toContain(vector.error);
          });
        } else {
          it(`${vector.matches ? 'matches' : 'does not match'}: ${vector.description}`, () => {
            expect(matchesEventPattern(vector.pattern, vector.event)).toBe(vector.matches);
            // The rule-set path shares the engine but not the memo of a single pattern: check it agrees.
            const ruleSet = compileRuleSet([
              { name: 'decoy', pattern: { 'no-such-field': [{ exists: true }] } },
              { name: 'vector', pattern: vector.pattern },
            ]);
            expect(ruleSet.matchingRules(vector.event)).toEqual(vector.matches ? ['vector'] : []);
          });
        }
      }
    });
  }
});
