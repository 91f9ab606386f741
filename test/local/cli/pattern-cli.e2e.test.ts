import { describe, expect, it } from 'vitest';
import { runCli } from '../../support/run-cli.js';

const event = JSON.stringify({ source: 'aws.s3', 'detail-type': 'Object Created', detail: { object: { key: 'uploads/mvp/a.csv', size: 12 } } });

describe('symphainy pattern test', () => {
  it('exits 0 on a match, 1 on no match, 2 on an invalid pattern with the reason', () => {
    expect(runCli(['pattern', 'test', '--pattern', '{"detail":{"object":{"key":[{"prefix":"uploads/"}]}}}', '--event', event]).status).toBe(0);
    expect(runCli(['pattern', 'test', '--pattern', '{"detail":{"object":{"size":[{"numeric":[">",100]}]}}}', '--event', event]).status).toBe(1);
    const invalid = runCli(['pattern', 'test', '--pattern', '{"source":"aws.s3"}', '--event', event]);
    expect(invalid.status).toBe(2);
    expect(invalid.stderr).toMatch(/invalid pattern: .+/);
  });

  it('says which argument is not JSON', () => {
    const result = runCli(['pattern', 'test', '--pattern', '{oops', '--event', event]);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('--pattern is not valid JSON');
  });
});
