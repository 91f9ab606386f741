import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { contractFor } from '#events/catalogue.js';
import { eventBridgeEnvelope } from '#events/platform-event.js';
import { decodeS3EventKey, encodeS3EventKey, S3ObjectCreated } from '#events/s3-object-created.js';
import { JourneyStepRequested } from '#events/journey-step-requested.js';
import { ContractViolationError } from '#events/define-event.js';

const samplesDir = fileURLToPath(new URL('../../events/samples/', import.meta.url));
const samples = readdirSync(samplesDir).filter((f) => f.endsWith('.json'));

describe('sample events', () => {
  it.each(samples)('%s is an EventBridge envelope that satisfies its contract', (file) => {
    const envelope = eventBridgeEnvelope.parse(JSON.parse(readFileSync(`${samplesDir}${file}`, 'utf8')));
    const contract = contractFor(envelope);
    expect(contract, `no contract for ${envelope.source}/${envelope['detail-type']}`).toBeDefined();
    expect(() => contract!.parseDetail(envelope)).not.toThrow();
  });
});

describe('contracts', () => {
  it('reject a detail that breaks them, naming the field', () => {
    const envelope = eventBridgeEnvelope.parse(JSON.parse(readFileSync(`${samplesDir}journey-step-requested.json`, 'utf8')));
    const broken = { ...envelope, detail: { ...(envelope.detail as object), stepIndex: -1, journeyId: undefined } };
    expect(() => JourneyStepRequested.parseDetail(broken)).toThrow(ContractViolationError);
    expect(() => JourneyStepRequested.parseDetail(broken)).toThrow(/journeyId/);
  });

  it('refuse to draft an event that breaks them, so producers cannot emit one', () => {
    expect(() => JourneyStepRequested.draft({} as never)).toThrow(ContractViolationError);
  });
});

describe('S3 event keys', () => {
  it('decode S3 form encoding: + is a space, %2B a plus', () => {
    const envelope = S3ObjectCreated.parseDetail(eventBridgeEnvelope.parse(JSON.parse(readFileSync(`${samplesDir}s3-object-created.json`, 'utf8'))));
    expect(decodeS3EventKey(envelope.object.key)).toBe('uploads/mvp/customers 2026 Q4.csv');
    expect(decodeS3EventKey('a%2Bb+c%25d%C3%BC')).toBe('a+b c%dü');
  });

  it('round-trip any key', () => {
    for (const key of ['uploads/mvp/Q3 report+final 100% — Zürich 東京.csv', "a!b'c(d)*e~f", 'plain/key.csv']) {
      expect(decodeS3EventKey(encodeS3EventKey(key))).toBe(key);
    }
    expect(encodeS3EventKey('a b+c')).toBe('a+b%2Bc');
  });
});
