import { describe, expect, it } from 'vitest';
import { parseUploadRequest } from '#local/serve/http/upload-request.js';
import { HttpError } from '#local/serve/http/http-error.js';

const parse = (query: string, headers: Record<string, string> = {}) => parseUploadRequest(new URL(`http://x/uploads?${query}`), headers);

describe('POST /uploads parameters', () => {
  it('puts a use case without a key under uploads/<use-case>/<name>, as `symphainy upload` does', () => {
    expect(parse('use-case=mvp&name=orders.csv')).toMatchObject({ key: 'uploads/mvp/orders.csv', metadata: {}, wait: false, waitTimeoutMs: 60_000 });
  });

  it('keeps an explicit key and carries the use case and journey as metadata', () => {
    expect(parse('key=uploads/any/where.csv&use-case=mvp&journey=eda')).toMatchObject({
      key: 'uploads/any/where.csv',
      metadata: { 'use-case': 'mvp', journey: 'eda' },
    });
  });

  it('carries a column map as the column-map metadata a journey reads, from the query or a header', () => {
    expect(parse(`use-case=autonomous_vehicle&column-map=${encodeURIComponent('speed=v_mph:mph,time=ts')}`).metadata).toEqual({
      'column-map': 'speed=v_mph:mph,time=ts',
    });
    expect(parse('use-case=mvp', { 'x-symphainy-column-map': 'latitude=Breite' }).metadata).toEqual({ 'column-map': 'latitude=Breite' });
  });

  it('names an upload without use case or name so it lands under uploads/ (and is rejected for want of a use case)', () => {
    expect(parse('').key).toMatch(/^uploads\/upload-\d{8}T\d{6}Z-[0-9a-f]{8}$/);
  });

  it('takes the settings from headers too, and refuses a header that contradicts the query', () => {
    expect(parse('name=a.csv', { 'x-symphainy-use-case': 'insurance_ai' }).key).toBe('uploads/insurance_ai/a.csv');
    expect(() => parse('use-case=mvp', { 'x-symphainy-use-case': 'insurance_ai' })).toThrow(/conflicting|in the query but/);
  });

  it('keeps a real content type and drops the form type curl sends by default', () => {
    expect(parse('use-case=mvp', { 'content-type': 'text/csv' }).contentType).toBe('text/csv');
    expect(parse('use-case=mvp', { 'content-type': 'application/x-www-form-urlencoded' }).contentType).toBeUndefined();
  });

  it.each([
    ['use-case=MVP', 'bad_parameter'],
    ['journey=Up Load', 'bad_parameter'],
    ['key=uploads/', 'bad_parameter'],
    ['key=uploads/mvp/', 'bad_parameter'],
    ['key=data/x.csv', 'bad_parameter'],
    ['name=a/b.csv', 'bad_parameter'],
    ['wait=yes', 'bad_parameter'],
    ['timeout=901', 'bad_parameter'],
    ['timeout=1.5', 'bad_parameter'],
    ['column-map=speed', 'bad_parameter'],
    [`column-map=speed=${'v'.repeat(1600)}`, 'bad_parameter'],
    ['use-case=mvp&use-case=mvp', 'repeated_parameter'],
    ['colour=red', 'unknown_parameter'],
  ])('refuses %s with 400 %s', (query, code) => {
    try {
      parse(query);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(HttpError);
      expect({ status: (error as HttpError).status, code: (error as HttpError).code }).toEqual({ status: 400, code });
    }
  });
});
