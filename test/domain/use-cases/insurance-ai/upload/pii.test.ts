import { describe, expect, it } from 'vitest';
import { detectColumnPii } from '#domain/use-cases/insurance-ai/upload/pii-detection.js';
import { PII_HASH_SALT, keepLastDigits, maskValue, saltedSha256 } from '#domain/use-cases/insurance-ai/upload/pii-masking.js';
import { createHash } from 'node:crypto';

describe('detectColumnPii', () => {
  it('finds PII by value pattern even under a meaningless column name', () => {
    expect(detectColumnPii('fld07', ['123-45-6789', '987-65-4321', null, 'n/a'])).toMatchObject({
      detected: 'national_id',
      detectionRate: 0.667,
      nameHint: null,
      maskAs: 'national_id',
    });
    expect(detectColumnPii('notes', ['(212) 555-0101', '+1 415 555 0102', '713.555.0103'])).toMatchObject({ detected: 'phone', detectionRate: 1 });
    expect(detectColumnPii('cust_ref', ['a@b.com', 'C.D@example.org', 'x'])).toMatchObject({ detected: 'email', detectionRate: 0.667 });
    expect(detectColumnPii('fld02', ['SMITH, JOHN', "Mary-Ann O'Brien", 'Wei Chen', 'LEE, ANN'])).toMatchObject({ detected: 'person_name', detectionRate: 1 });
  });

  it('leaves codes, amounts and repeated labels alone', () => {
    expect(detectColumnPii('line_of_business', ['AUTO', 'HOME', 'AUTO'])).toMatchObject({ detected: null, maskAs: null });
    expect(detectColumnPii('premium', [1000, 250.5])).toMatchObject({ detected: null, maskAs: null });
    expect(
      detectColumnPii(
        'region',
        Array.from({ length: 20 }, (_, i) => (i % 2 ? 'New York' : 'North East')),
      ),
    ).toMatchObject({ detected: null });
    // Nine bare digits are account numbers as often as ids: not matched by value.
    expect(detectColumnPii('account', ['123456789', '987654321'])).toMatchObject({ detected: null });
  });

  it('masks a PII-named column even when its values do not match', () => {
    expect(detectColumnPii('email', ['unknown', 'n/a'])).toMatchObject({ detected: null, nameHint: 'email', maskAs: 'email' });
  });
});

describe('maskValue', () => {
  it('keeps only the last four digits of ids and phones', () => {
    expect(maskValue('national_id', '123-45-6789', PII_HASH_SALT)).toBe('***-**-6789');
    expect(maskValue('phone', '+1 415 555 0102', PII_HASH_SALT)).toBe('+* *** *** 0102');
    expect(keepLastDigits('AB12', 4)).toBe('****');
  });

  it('hashes emails with the salt, case-insensitively, never leaving the raw or unsalted hash', () => {
    const masked = maskValue('email', ' Jane.Doe@Example.com ', PII_HASH_SALT);
    expect(masked).toBe(maskValue('email', 'jane.doe@example.com', PII_HASH_SALT));
    expect(masked).toBe(`sha256:${saltedSha256(PII_HASH_SALT, 'email', 'jane.doe@example.com')}`);
    expect(masked).not.toContain(createHash('sha256').update('jane.doe@example.com').digest('hex'));
    expect(maskValue('email', 'jane.doe@example.com', 'other-salt')).not.toBe(masked);
  });

  it('pseudonymises names stably', () => {
    expect(maskValue('person_name', 'DOE,  JANE', PII_HASH_SALT)).toBe(maskValue('person_name', 'Doe, Jane', PII_HASH_SALT));
    expect(maskValue('person_name', 'Doe, Jane', PII_HASH_SALT)).toMatch(/^person:[0-9a-f]{16}$/);
  });

  it('masks letters and digits of any script, keeping punctuation and spaces', () => {
    expect(keepLastDigits('ÅB-٣٤ 12345', 4)).toBe('**-** *2345');
    expect(keepLastDigits('+44 (0) 20 7946 0958', 4)).toBe('+** (*) ** **** 0958');
  });

  it('keeps the tokens earlier journeys wrote, so masked data from old and new uploads still joins', () => {
    expect(maskValue('email', 'jane.doe@example.com', PII_HASH_SALT)).toBe('sha256:b02eadea95571bccdfc7b63d644a6b0af6d7e0aa2afcc66d13dd4e2f5ac7dcc5');
    expect(maskValue('person_name', 'Doe, Jane', PII_HASH_SALT)).toBe('person:12f34f42b224efdf');
    expect(maskValue('person_name', 'Müller,  Jörg', PII_HASH_SALT)).toBe('person:990fc839bde67b3f');
  });
});
