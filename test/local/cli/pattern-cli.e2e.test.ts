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

  it("refuses a wildcard pattern AWS finds too complex, with AWS's message, readable and as JSON", () => {
    const pattern = '{"EventBusArn":[{"wildcard":"*:*:*:*:*:event-bus/*"}]}';
    const busEvent = JSON.stringify({ EventBusArn: 'arn:aws:events:eu-west-1:111122223333:event-bus/default' });
    const reason =
      'Event pattern is not valid. Reason: Rule is too complex - try using fewer wildcard characters or fewer repeating character sequences after a wildcard character';

    const readable = runCli(['pattern', 'test', '--pattern', pattern, '--event', busEvent]);
    expect(readable.status).toBe(2);
    expect(readable.stderr.trim()).toBe(`invalid pattern: ${reason}`);
    expect(readable.stdout).toBe('');

    const json = runCli(['pattern', 'test', '--pattern', pattern, '--event', busEvent, '--json']);
    expect(json.status).toBe(2);
    expect(JSON.parse(json.stdout)).toEqual({ matches: false, invalidPattern: reason });

    // One wildcard fewer ahead of the name scores 9, under the limit, and matches.
    const fewer = runCli(['pattern', 'test', '--pattern', '{"EventBusArn":[{"wildcard":"*:*:*:*:event-bus/*"}]}', '--event', busEvent]);
    expect(fewer.status).toBe(0);
  });

  it('names each condition a non-matching event fails, with the value it has, readable and as JSON', () => {
    const pattern = '{"source":["aws.s3"],"detail":{"object":{"size":[{"numeric":[">",100]}],"etag":[{"exists":true}],"key":[{"prefix":"uploads/"}]}}}';
    const readable = runCli(['pattern', 'test', '--pattern', pattern, '--event', event]);
    expect(readable.status).toBe(1);
    expect(readable.stdout.split('\n').filter(Boolean)).toEqual([
      'no match',
      '  detail.object.size: the event has 12; the pattern asks [{"numeric":[">",100]}]',
      '  detail.object.etag: the event has no such field; the pattern asks [{"exists":true}]',
    ]);
    const json = runCli(['pattern', 'test', '--pattern', pattern, '--event', event, '--json']);
    expect(json.status).toBe(1);
    expect(JSON.parse(json.stdout)).toEqual({
      matches: false,
      mismatches: [
        { field: 'detail.object.size', expected: [{ numeric: ['>', 100] }], present: true, actual: 12 },
        { field: 'detail.object.etag', expected: [{ exists: true }], present: false, actual: null },
      ],
    });
  });

  it('says which argument is not JSON', () => {
    const result = runCli(['pattern', 'test', '--pattern', '{oops', '--event', event]);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('--pattern is not valid JSON');
  });
});

describe('symphainy rules', () => {
  it('compiles the routing table through the matcher before listing it', () => {
    const result = runCli(['rules', '--json']);
    expect(result.status).toBe(0);
    expect((JSON.parse(result.stdout) as unknown[]).length).toBeGreaterThan(0);
  });
});
