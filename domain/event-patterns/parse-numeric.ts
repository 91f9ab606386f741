import { numericProblem } from './comparable-number.js';
import type { NumericRange } from './field-patterns.js';
import { invalid } from './invalid-event-pattern-error.js';
import { tokenText } from './json-shapes.js';

const TOO_MANY_ELEMENTS = 'Too many elements in numeric expression';

/**
 * Parses the array of a `numeric` expression: `["=", n]`, `[">" | ">=", n]`, `["<" | "<=", n]`, or a
 * lower bound followed by an upper bound (`[">", a, "<=", b]`). Syntax is checked before the numbers
 * themselves, in event-ruler's order, so the first complaint matches AWS's.
 */
export function parseNumericExpression(terms: readonly unknown[]): NumericRange {
  const operator = terms[0];
  if (typeof operator !== 'string') invalid(`Invalid member in numeric match: ${tokenText(operator)}`);
  const operand = terms[1];
  switch (operator) {
    case '=': {
      const value = requireNumber(operand, 'Value of equals must be numeric');
      if (terms.length > 2) invalid(TOO_MANY_ELEMENTS);
      checkOperand(value);
      return { bottom: value, openBottom: false, top: value, openTop: false };
    }
    case '>':
    case '>=': {
      const bottom = requireNumber(operand, `Value of ${operator} must be numeric`);
      const openBottom = operator === '>';
      if (terms.length === 2) {
        checkOperand(bottom);
        return { bottom, openBottom, top: Infinity, openTop: false };
      }
      return completeRange(terms, bottom, openBottom);
    }
    case '<':
    case '<=': {
      const top = requireNumber(operand, `Value of ${operator} must be numeric`);
      if (terms.length > 2) invalid(TOO_MANY_ELEMENTS);
      checkOperand(top);
      return { bottom: -Infinity, openBottom: false, top, openTop: operator === '<' };
    }
    default:
      return invalid(`Unrecognized numeric range operator: ${operator}`);
  }
}

function completeRange(terms: readonly unknown[], bottom: number, openBottom: boolean): NumericRange {
  const operator = terms[2];
  if (typeof operator !== 'string') invalid(`Bad value in numeric range: ${tokenText(operator)}`);
  if (operator !== '<' && operator !== '<=') invalid(`Bad numeric range operator: ${operator}`);
  const top = requireNumber(terms[3], `Value of ${operator} must be numeric`);
  if (terms.length > 4) invalid('Too many terms in numeric range expression');
  checkOperand(bottom);
  checkOperand(top);
  if (!(bottom < top)) invalid('Bottom must be less than top');
  return { bottom, openBottom, top, openTop: operator === '<' };
}

function requireNumber(value: unknown, reason: string): number {
  return typeof value === 'number' ? value : invalid(reason);
}

function checkOperand(value: number): void {
  const problem = numericProblem(value);
  if (problem !== undefined) invalid(problem);
}
