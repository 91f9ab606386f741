/**
 * Walks JSON text once to find what JSON.parse does not tell us: where each element of a
 * top-level array starts (so a bad record names its line) and where the text first stops being
 * JSON (V8 omits the position for some errors, e.g. "Unexpected token"). Iterative, so deeply
 * nested input cannot overflow the stack.
 */
export interface JsonScan {
  /** Offset of the first syntax error, or -1 when the text is valid JSON. */
  errorAt: number;
  /** Offsets where the elements of a top-level array start. */
  elementStarts: number[];
}

const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][-+]?\d+)?/y;
const WHITESPACE = /[ \t\n\r]*/y;

export function scanJson(text: string): JsonScan {
  const elementStarts: number[] = [];
  const open: string[] = [];
  let i = 0;
  const fail = (at: number): JsonScan => ({ errorAt: Math.min(at, text.length), elementStarts });
  const skipWhitespace = () => {
    WHITESPACE.lastIndex = i;
    WHITESPACE.exec(text);
    i = WHITESPACE.lastIndex;
  };
  /** Moves past a string starting at i; returns false at the offending character. */
  const skipString = (): boolean => {
    i++;
    while (i < text.length) {
      const ch = text[i]!;
      if (ch === '"') {
        i++;
        return true;
      }
      if (ch === '\\') {
        const escaped = text[i + 1];
        if (escaped === 'u' && /^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) i += 6;
        else if (escaped !== undefined && '"\\/bfnrt'.includes(escaped)) i += 2;
        else return false;
      } else if (ch.charCodeAt(0) < 0x20) return false;
      else i++;
    }
    return false;
  };

  // Each pass reads one value, then the separators and closing brackets that follow it.
  for (;;) {
    skipWhitespace();
    if (open.length === 1 && open[0] === '[') elementStarts.push(i);
    const ch = text[i];
    if (ch === '{' || ch === '[') {
      open.push(ch);
      i++;
      skipWhitespace();
      if (text[i] === (ch === '{' ? '}' : ']')) {
        open.pop();
        i++;
      } else if (ch === '{') {
        if (!readKey()) return fail(i);
        continue;
      } else continue;
    } else if (ch === '"') {
      if (!skipString()) return fail(i);
    } else if (ch === 't' || ch === 'f' || ch === 'n') {
      const literal = ['true', 'false', 'null'].find((word) => text.startsWith(word, i));
      if (!literal) return fail(i);
      i += literal.length;
    } else {
      NUMBER.lastIndex = i;
      if (!NUMBER.exec(text)) return fail(i);
      i = NUMBER.lastIndex;
    }
    // After a value: close brackets, or a comma and the next value, or the end of the text.
    for (;;) {
      skipWhitespace();
      const top = open[open.length - 1];
      if (top === undefined) return i === text.length ? { errorAt: -1, elementStarts } : fail(i);
      const next = text[i];
      if (next === (top === '{' ? '}' : ']')) {
        open.pop();
        i++;
        continue;
      }
      if (next !== ',') return fail(i);
      i++;
      if (top === '{' && !readKey()) return fail(i);
      break;
    }
  }

  /** Reads `"key" :` inside an object, leaving i at the value. */
  function readKey(): boolean {
    skipWhitespace();
    if (text[i] !== '"' || !skipString()) return false;
    skipWhitespace();
    if (text[i] !== ':') return false;
    i++;
    return true;
  }
}
