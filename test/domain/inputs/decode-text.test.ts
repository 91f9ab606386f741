import { describe, expect, it } from 'vitest';
import { StepRejection } from '#domain/rejections/step-rejection.js';
import { decodeUtf8Text, firstInvalidUtf8Byte } from '#domain/inputs/decode-text.js';
import { rejectionOf, utf8 } from '../tabular/bytes.js';

describe('decodeUtf8Text', () => {
  it('decodes UTF-8 and says whether a byte-order mark was stripped', () => {
    expect(decodeUtf8Text(utf8('név,város\nÁrpád,Győr\n'))).toEqual({ text: 'név,város\nÁrpád,Győr\n', hadBom: false });
    expect(decodeUtf8Text(new Uint8Array([0xef, 0xbb, 0xbf, ...utf8('a,b\n1,2\n')]))).toEqual({ text: 'a,b\n1,2\n', hadBom: true });
  });

  it('rejects empty, whitespace-only and BOM-only files as empty_file, naming line 1', () => {
    for (const bytes of [new Uint8Array(), utf8(' \n\t\r\n'), new Uint8Array([0xef, 0xbb, 0xbf])]) {
      const rejection = rejectionOf(() => decodeUtf8Text(bytes));
      expect(rejection).toBeInstanceOf(StepRejection);
      expect(rejection.code).toBe('empty_file');
      expect(rejection.details).toEqual(['line 1: the file has no content']);
    }
  });

  it('rejects NUL bytes as binary_file with the line they are on', () => {
    const rejection = rejectionOf(() => decodeUtf8Text(utf8('a,b\n1,2\n3,\u0000\n')));
    expect(rejection.code).toBe('binary_file');
    expect(rejection.details).toEqual(['line 3: NUL byte']);
  });

  it('rejects bytes that are not UTF-8 with the line and the byte', () => {
    // Latin-1 "é" (0xe9) on line 4, as a Windows export would write it.
    const bytes = new Uint8Array([...utf8('name,city\nA,Paris\nB,Lyon\nC,'), 0xe9, ...utf8('vian\n')]);
    const rejection = rejectionOf(() => decodeUtf8Text(bytes));
    expect(rejection.code).toBe('invalid_utf8');
    expect(rejection.details).toEqual(['line 4: byte 0xe9 is not valid UTF-8']);
  });

  it('counts CRLF and lone CR line breaks when naming the line of a bad byte', () => {
    expect(rejectionOf(() => decodeUtf8Text(new Uint8Array([...utf8('a\r\nb\r\n'), 0xff]))).details[0]).toMatch(/^line 3:/);
    expect(rejectionOf(() => decodeUtf8Text(new Uint8Array([...utf8('a\rb\r'), 0xff]))).details[0]).toMatch(/^line 3:/);
  });
});

describe('firstInvalidUtf8Byte', () => {
  it.each([
    ['valid multi-byte text', utf8('aé€😀'), -1],
    ['a lone continuation byte', new Uint8Array([0x61, 0x80]), 1],
    ['an overlong encoding of "/"', new Uint8Array([0xc0, 0xaf]), 0],
    ['a UTF-16 surrogate', new Uint8Array([0x61, 0xed, 0xa0, 0x80]), 1],
    ['a sequence cut short at the end', new Uint8Array([0x61, 0x62, 0xe2, 0x82]), 2],
    ['a code point past U+10FFFF', new Uint8Array([0xf4, 0x90, 0x80, 0x80]), 0],
  ])('%s', (_label, bytes, expected) => {
    expect(firstInvalidUtf8Byte(bytes)).toBe(expected);
  });
});
