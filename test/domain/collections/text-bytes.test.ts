import { describe, expect, it } from 'vitest';
import { TextBytes } from '#domain/collections/text-bytes.js';

const decoded = (bytes: TextBytes) => new TextDecoder('utf-8', { fatal: true }).decode(bytes.bytes());

describe('TextBytes', () => {
  it('gives back exactly the UTF-8 of what was appended, across block edges and multi-byte characters', () => {
    const bytes = new TextBytes();
    const parts: string[] = [];
    // Lines of mixed widths (1-, 2-, 3- and 4-byte characters) until several 64 KiB blocks are filled.
    for (let i = 0; parts.join('').length < 300_000; i++) {
      const line = `{"n":${i},"name":"Müller-${'ø'.repeat(i % 7)}","city":"東京${'x'.repeat(i % 13)}","mark":"😀"}\n`;
      parts.push(line);
      bytes.append(line);
    }
    const text = parts.join('');
    expect(decoded(bytes)).toBe(text);
    expect(bytes.byteLength).toBe(new TextEncoder().encode(text).length);
  });

  it('takes a text longer than a block whole', () => {
    const bytes = new TextBytes();
    bytes.append('a');
    const long = 'é'.repeat(100_000);
    bytes.append(long);
    expect(decoded(bytes)).toBe(`a${long}`);
  });

  it('is empty until something is appended', () => {
    expect(new TextBytes().bytes()).toEqual(new Uint8Array(0));
  });
});
