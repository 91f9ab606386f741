import { describe, expect, it } from 'vitest';
import { uploadKeyProblem } from '#domain/uploads/upload-key.js';

describe('which keys may name an upload', () => {
  it.each([
    ['uploads/mvp/orders.csv'],
    ['uploads/insurance_ai/2024/Q1/policies extract (final).csv'],
    ['uploads/autonomous_vehicle/fahrt-Länge-ß.csv'],
    [`uploads/mvp/${'k'.repeat(1012)}`],
    ['uploads/mvp/...csv'],
  ])('takes %s', (key) => {
    expect(uploadKeyProblem(key)).toBeUndefined();
  });

  it.each([
    ['../../etc/passwd', 'must start with uploads/'],
    ['/etc/passwd', 'must start with uploads/'],
    ['uploads/', 'must start with uploads/ and name a file'],
    ['uploads/mvp/', 'names a folder'],
    [`uploads/mvp/${'k'.repeat(1013)}`, 'key is 1025 bytes; S3 keys are at most 1024'],
    [`uploads/mvp/${'é'.repeat(507)}`, 'key is 1026 bytes'],
    ['uploads/mvp/../secret', '"." or ".." segment'],
    ['uploads/./mvp/a.csv', '"." or ".." segment'],
    ['uploads/mvp//a.csv', 'empty segment'],
    ['uploads/mvp/\u001b[31mred.csv', 'control character U+001B at position 12'],
    ['uploads/mvp/a\u0000.csv', 'control character U+0000'],
    ['uploads/mvp/a\u0085.csv', 'control character U+0085'],
    ['uploads/mvp/a\ud800.csv', 'not valid Unicode'],
  ])('refuses %j', (key, reason) => {
    expect(uploadKeyProblem(key)).toContain(reason);
  });
});
