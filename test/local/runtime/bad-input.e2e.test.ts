import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { embeddedHarness, type Harness } from '../../support/embedded-harness.js';

const sha = (body: string | Uint8Array) => createHash('sha256').update(body).digest('hex');

const GOOD_CSV = 'id,name,amount\n1,Ada,10.5\n2,Grace,7\n';

/** Each bad upload must end in its own error code, with the original untouched. */
const badUploads: {
  name: string;
  key: string;
  body: string | Uint8Array;
  status: 'failed' | 'rejected';
  code: string;
  detail?: RegExp;
  metadata?: Record<string, string>;
}[] = [
  { name: 'an empty file', key: 'uploads/mvp/empty.csv', body: '', status: 'failed', code: 'empty_file' },
  {
    name: 'binary bytes',
    key: 'uploads/mvp/image.csv',
    body: new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d]),
    status: 'failed',
    code: 'binary_file',
  },
  {
    name: 'invalid UTF-8',
    key: 'uploads/mvp/latin1.csv',
    body: new Uint8Array([...Buffer.from('id,name\n1,ok\n2,Jos'), 0xe9, ...Buffer.from('\n')]),
    status: 'failed',
    code: 'invalid_utf8',
    detail: /line 3/,
  },
  {
    name: 'ragged rows',
    key: 'uploads/mvp/ragged.csv',
    body: 'a,b,c\n1,2,3\n4,5\n6,7,8\n',
    status: 'failed',
    code: 'ragged_rows',
    detail: /line 3: expected 3 fields, found 2/,
  },
  { name: 'an unterminated quote', key: 'uploads/mvp/quote.csv', body: 'a,b\n1,"open\n2,3\n', status: 'failed', code: 'unterminated_quote', detail: /line 2/ },
  { name: 'an unknown use case', key: 'uploads/space_probe/data.csv', body: GOOD_CSV, status: 'rejected', code: 'unknown_use_case' },
  { name: 'a missing tag', key: 'uploads/untagged.csv', body: GOOD_CSV, status: 'rejected', code: 'missing_use_case' },
  {
    name: 'an unknown journey',
    key: 'uploads/mvp/journey.csv',
    body: GOOD_CSV,
    status: 'rejected',
    code: 'unknown_journey',
    metadata: { journey: 'teleport' },
  },
];

describe('bad input ends in a recorded, explained state and loses nothing', () => {
  let harness: Harness;
  beforeAll(async () => {
    harness = await embeddedHarness();
  });
  afterAll(() => harness.close());

  for (const bad of badUploads) {
    it(`${bad.name} → ${bad.status} with ${bad.code}`, async () => {
      const view = await harness.uploadAndWait(bad.body, bad.key, bad.metadata);
      expect(view.status).toBe(bad.status);
      expect(view.error?.code).toBe(bad.code);
      expect(view.error?.message.length).toBeGreaterThan(10);
      if (bad.detail) expect(view.error?.details?.join('\n')).toMatch(bad.detail);
      // The original is where it was, byte for byte, and the person was told.
      expect(await harness.sha256(harness.runtime.config.uploadBucket, bad.key)).toBe(sha(bad.body));
      expect(view.delivery?.subject).toBeTruthy();
    });
  }

  it('accepts a key with spaces, +, % and non-ASCII characters', async () => {
    const key = 'uploads/mvp/Q3 report+final 100% — Zürich 東京.csv';
    const view = await harness.uploadAndWait(GOOD_CSV, key);
    expect(view.status).toBe('completed');
    expect(view.input?.key).toBe(key);
    expect(await harness.sha256(harness.runtime.config.uploadBucket, key)).toBe(sha(GOOD_CSV));
  });

  it('dead-letters a broken event instead of dropping it', async () => {
    await harness.runtime.put('platform', [
      { source: 'symphainy.journeys', detailType: 'Journey Step Requested', detail: { step: 'validate_file', journeyId: 'j-broken' } },
    ]);
    await harness.runtime.idle();
    const dead = harness.runtime.deadLetters().find((d) => d.body.includes('j-broken'));
    expect(dead).toBeDefined();
    expect(dead!.queue).toBe('validate-file');
    expect(dead!.error).toMatch(/breaks its contract/);
  });
});
