import { describe, expect, it } from 'vitest';
import { queueUrlOf } from '#functions/adapters/sqs-queue-control.js';

describe('the queue URL a backoff is set on', () => {
  it('is built from the record queue ARN, on AWS and on an emulator', () => {
    expect(queueUrlOf('arn:aws:sqs:eu-west-1:123456789012:symphainy-dev-process-file')).toBe(
      'https://sqs.eu-west-1.amazonaws.com/123456789012/symphainy-dev-process-file',
    );
    expect(queueUrlOf('arn:aws:sqs:us-east-1:000000000000:symphainy-local-store-file', 'http://127.0.0.1:4566/')).toBe(
      'http://127.0.0.1:4566/000000000000/symphainy-local-store-file',
    );
    expect(() => queueUrlOf('symphainy-dev-process-file')).toThrow(/not an SQS queue ARN/);
  });
});
